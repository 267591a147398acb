import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_STATE, storageKey, type LoadedData } from '../../src/data/persist';
import type { ValidationResult } from '../../src/data/validate';
import { defaultFilter } from '../../src/domain/filter';
import { createAppState } from '../../src/state/appState';
import { AppStateContext } from '../../src/state/context';
import ParkProjects from '../../src/ui/ParkProjects';
import type { ProjectEditing } from '../../src/ui/projects/editing';
import { viewOf } from '../fixtures/view';
import { validateDirectory } from '../../scripts/validate';

let shipped: ValidationResult;

beforeAll(async () => {
  shipped = await validateDirectory(resolve(import.meta.dirname, '../../geo'));
});

function renderList(editing?: ProjectEditing): void {
  const index = viewOf(shipped.registry);
  const state = createAppState(index, {
    filter: defaultFilter(index),
    park: 'gt',
    project: null,
    lang: 'zh',
  });
  render(() => (
    <AppStateContext.Provider value={state}>
      <ParkProjects
        parkId="gt"
        records={shipped.registry.projects.filter((project) => project.park === 'gt')}
        editing={editing}
        onShowProject={() => undefined}
      />
    </AppStateContext.Provider>
  ));
}

const editing = (
  lastChange: 'none' | 'edit' | 'import' = 'none',
  changes: LoadedData[] = [],
): ProjectEditing => {
  const key = storageKey('http://127.0.0.1/park-projects/');
  const current = {
    projects: { as_of: '2026-12-01', projects: shipped.registry.projects },
    fileName: lastChange === 'import' ? '台账.xlsx' : null,
    appliedAt: '2026-12-01T10:00:00Z',
    added: [],
    updated: [],
    removed: [],
  };
  const data: LoadedData = {
    shipped,
    active: shipped,
    state: EMPTY_STATE,
    key,
    projects: {
      key: storageKey('http://127.0.0.1/park-projects/', 'projects'),
      state: lastChange === 'none' ? EMPTY_STATE : { current, previous: null, canUndo: true },
      base: shipped,
    },
  };
  return { data, controller: undefined, onChange: (next) => changes.push(next) };
};

describe("a park's project list", () => {
  it('is a list of the park’s projects, read-only where edits cannot be stored', () => {
    renderList();
    const gt = shipped.registry.projects.filter((p) => p.park === 'gt');
    expect(document.querySelectorAll('ul.projects > li')).toHaveLength(gt.length);
    expect(screen.queryByRole('button', { name: '在此园区添加项目' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^编辑「/ })).toBeNull();
  });

  it('offers add and a named edit per project; the form opens in place and gives focus back', async () => {
    renderList(editing());
    const edits = screen.getAllByRole('button', { name: /^编辑「/ });
    expect(edits).toHaveLength(shipped.registry.projects.filter((p) => p.park === 'gt').length);
    fireEvent.click(screen.getByRole('button', { name: '编辑「镇江数据湖产业园」' }));
    const form = await screen.findByRole('form', { name: '编辑项目：镇江数据湖产业园' });
    expect(within(form).getByLabelText('项目名称（中文，必填）')).toHaveValue('镇江数据湖产业园');
    // One form at a time: the other buttons step back while it is open.
    expect(screen.queryByRole('button', { name: '在此园区添加项目' })).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '在此园区添加项目' }));

    fireEvent.click(screen.getByRole('button', { name: '在此园区添加项目' }));
    const add = await screen.findByRole('form', { name: '添加项目' });
    expect(within(add).getByLabelText('所在园区')).toHaveValue('gt');
  });

  it('offers to undo the last edit where it was made, not an import', async () => {
    renderList(editing('import'));
    expect(screen.queryByRole('button', { name: '撤销刚才的项目编辑' })).toBeNull();
    document.body.replaceChildren();
    const changes: LoadedData[] = [];
    renderList(editing('edit', changes));
    fireEvent.click(screen.getByRole('button', { name: '撤销刚才的项目编辑' }));
    await waitFor(() => expect(changes).toHaveLength(1));
  });
});
