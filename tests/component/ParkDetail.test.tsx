import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import type { ParkRecord, ParkRecordRead } from '../../src/data/parkRecord';
import { wholeParkRecords, type ParkRecords } from '../../src/data/parkRecords';
import { defaultFilter } from '../../src/domain/filter';
import type { RegistryView } from '../../src/domain/registryView';
import { createAppState } from '../../src/state/appState';
import { AppStateContext } from '../../src/state/context';
import ParkDetail from '../../src/ui/ParkDetail';
import { PARK, registry } from '../fixtures/sampleRegistry';
import { viewOf } from '../fixtures/view';
import { tiledSampleView } from '../fixtures/tiled';

/**
 * The park detail on a tiled registry: the summary at once, the full record once the park's file
 * is read (a loading line meanwhile), the file named with a retry when it cannot be read; and on a
 * registry loaded whole, everything at once.
 */

/** Guantang's record as its file gives it, with sources of its own to tell them apart. */
function guantangRecord(): ParkRecord {
  const park = registry.parks.find((p) => p.properties.id === PARK.guantang)!;
  return {
    park: {
      ...park,
      properties: { ...park.properties, sources: [{ title: '官塘园区的文件来源' }] },
    },
    projects: registry.projects
      .filter((p) => p.park === PARK.guantang)
      .map((p) => ({ ...p, sources: [{ title: `${p.name.zh}的文件来源` }] })),
  };
}

/** Park records whose reads the test answers by hand. */
function manualRecords(): { records: ParkRecords; reads: ((read: ParkRecordRead) => void)[] } {
  const reads: ((read: ParkRecordRead) => void)[] = [];
  return {
    reads,
    records: {
      now: () => undefined,
      read: () => new Promise<ParkRecordRead>((answer) => reads.push(answer)),
      fileOf: (id) => `reg/park-records/${id}.geojson`,
    },
  };
}

function renderDetail(view: RegistryView, records: ParkRecords): void {
  const state = createAppState(view, {
    filter: defaultFilter(view),
    park: PARK.guantang,
    project: null,
    lang: 'zh',
  });
  const park = view.parkById.get(PARK.guantang)!;
  render(() => (
    <AppStateContext.Provider value={state}>
      <ParkDetail
        park={park}
        records={records}
        onClose={() => undefined}
        onOpenPark={() => undefined}
        onShowProject={() => undefined}
      />
    </AppStateContext.Provider>
  ));
}

describe('the park detail on a tiled registry', () => {
  it("shows the summary at once, a loading line naming the file, then the file's record", async () => {
    const { records, reads } = manualRecords();
    renderDetail(tiledSampleView(), records);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('官塘创新社区');
    expect(screen.getByText('提级管理园区')).toBeInTheDocument();
    const loading = await screen.findByRole('status');
    expect(loading).toHaveTextContent('正在读取此园区的完整记录');
    expect(loading).toHaveTextContent('reg/park-records/gt.geojson');
    // Nothing of the full record is shown, nor claimed unknown, before it is read.
    expect(screen.queryByRole('heading', { name: '资料来源' })).toBeNull();
    expect(screen.queryByText('设立时间')).toBeNull();
    expect(document.querySelectorAll('ul.projects > li')).toHaveLength(2);
    expect(document.querySelector('.project-sources')).toBeNull();

    expect(reads).toHaveLength(1);
    reads[0]!({ ok: true, value: guantangRecord() });
    await screen.findByText('官塘园区的文件来源');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByText('设立时间')).toBeInTheDocument();
    expect(screen.getByText(/测试用示意边界/)).toBeInTheDocument();
    const projects = document.querySelectorAll('ul.projects > li');
    expect(projects).toHaveLength(2);
    for (const item of projects)
      expect(within(item as HTMLElement).getByText(/的文件来源$/)).toBeInTheDocument();
  });

  it('names the file that could not be read and reads it again on retry', async () => {
    const { records, reads } = manualRecords();
    renderDetail(tiledSampleView(), records);
    await waitFor(() => expect(reads).toHaveLength(1));
    reads[0]!({ ok: false, message: 'could not load reg/park-records/gt.geojson: HTTP 404' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      '无法读取此园区的完整记录：could not load reg/park-records/gt.geojson: HTTP 404',
    );
    // The summary stays.
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('官塘创新社区');
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('status')).toHaveTextContent('正在读取');
    expect(reads).toHaveLength(2);
    reads[1]!({ ok: true, value: guantangRecord() });
    await screen.findByText('官塘园区的文件来源');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a record already read at once, with no loading line', () => {
    const record = guantangRecord();
    renderDetail(tiledSampleView(), {
      now: (id) => (id === PARK.guantang ? record : undefined),
      read: () => Promise.reject(new Error('read although in memory')),
      fileOf: (id) => `reg/park-records/${id}.geojson`,
    });
    expect(screen.getByText('官塘园区的文件来源')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('the park detail on a registry loaded whole', () => {
  it('shows the whole record at once and reads no file', () => {
    renderDetail(viewOf(registry), wholeParkRecords(registry));
    expect(screen.getByRole('heading', { name: '资料来源' })).toBeInTheDocument();
    expect(screen.getByText('设立时间')).toBeInTheDocument();
    expect(document.querySelectorAll('.project-sources')).toHaveLength(2);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
