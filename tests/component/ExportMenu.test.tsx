import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParkRecordRead } from '../../src/data/parkRecord';
import type { ParkRecords } from '../../src/data/parkRecords';
import { defaultFilter } from '../../src/domain/filter';
import { createAppState } from '../../src/state/appState';
import { AppStateContext } from '../../src/state/context';
import type * as Download from '../../src/ui/download';
import ExportMenu from '../../src/ui/ExportMenu';
import { registry } from '../fixtures/sampleRegistry';
import { tiledSampleView } from '../fixtures/tiled';

/**
 * The export menu on a tiled registry: it says it is reading the parks' records, then downloads
 * files built from them, or names the file it could not read and downloads nothing.
 */

const downloads = vi.hoisted(() => [] as { name: string; content: unknown }[]);
vi.mock('../../src/ui/download', async (original) => ({
  ...(await original<typeof Download>()),
  downloadFile: (name: string, content: unknown) => downloads.push({ name, content }),
}));

/** Records read from "files": the sample registry's, except `missing`, which is a 404. */
function records(missing: string | null, reads: string[]): ParkRecords {
  return {
    now: () => undefined,
    read: (id): Promise<ParkRecordRead> => {
      reads.push(id);
      if (id === missing)
        return Promise.resolve({
          ok: false,
          message: `could not load reg/park-records/${id}.geojson: HTTP 404`,
        });
      const park = registry.parks.find((p) => p.properties.id === id)!;
      const projects = registry.projects.filter((p) => p.park === id);
      return Promise.resolve({ ok: true, value: { park, projects } });
    },
    fileOf: (id) => `reg/park-records/${id}.geojson`,
  };
}

function renderMenu(parkRecords: ParkRecords): void {
  const view = tiledSampleView();
  const state = createAppState(view, {
    filter: defaultFilter(view),
    park: null,
    project: null,
    lang: 'zh',
  });
  render(() => (
    <AppStateContext.Provider value={state}>
      <ExportMenu controller={undefined} records={parkRecords} />
    </AppStateContext.Provider>
  ));
}

beforeEach(() => {
  downloads.length = 0;
});

describe('the export menu on a tiled registry', () => {
  it("downloads the parks CSV built from every visible park's record, sources included", async () => {
    const reads: string[] = [];
    renderMenu(records(null, reads));
    fireEvent.click(screen.getByRole('button', { name: '导出园区（CSV）' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(reads.sort()).toEqual(registry.parks.map((p) => p.properties.id).sort());
    const csv = String(downloads[0]?.content);
    expect(csv).toContain('Unit-test fixture (not a real source)');
    expect(csv.split('\r\n').filter((line) => line !== '')).toHaveLength(registry.parks.length + 1);
    expect(screen.queryByText(/导出失败/)).toBeNull();
  });

  it('names the park file it could not read and downloads nothing', async () => {
    const missing = registry.parks[3]!.properties.id;
    renderMenu(records(missing, []));
    fireEvent.click(screen.getByRole('button', { name: '导出项目（CSV）' }));
    expect(
      await screen.findByText(
        `导出失败：could not load reg/park-records/${missing}.geojson: HTTP 404`,
      ),
    ).toBeInTheDocument();
    expect(downloads).toEqual([]);
  });
});
