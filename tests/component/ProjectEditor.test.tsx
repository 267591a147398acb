import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedData } from '../../src/data/persist';
import { EMPTY_STATE, storageKey } from '../../src/data/persist';
import type { Project } from '../../src/data/schema';
import type * as Validate from '../../src/data/validate';
import type { ValidationResult } from '../../src/data/validate';
import { ADDED_IN_APP, EDITED_IN_APP } from '../../src/domain/projectForm';
import { labelPoint } from '../../src/geometry/labelPoint';
import type * as Check from '../../src/import/projects/check';
import type { MapController, PickRequest } from '../../src/map/controller';
import ProjectEditor from '../../src/ui/projects/ProjectEditor';
import { validateDirectory } from '../../scripts/validate';

/** Every whole-registry validation and every record check, however they are reached. */
const counts = vi.hoisted(() => ({ validations: 0, checks: 0 }));
vi.mock('../../src/data/validate', async (original) => {
  const actual = await original<typeof Validate>();
  return {
    ...actual,
    validateRegistry: (...args: Parameters<typeof actual.validateRegistry>) => {
      counts.validations++;
      return actual.validateRegistry(...args);
    },
  };
});
vi.mock('../../src/import/projects/check', async (original) => {
  const actual = await original<typeof Check>();
  return {
    ...actual,
    checkProject: (...args: Parameters<typeof actual.checkProject>) => {
      counts.checks++;
      return actual.checkProject(...args);
    },
  };
});

let shipped: ValidationResult;
let lake: Project;
let run = 0;
let outerEscapes = 0;

beforeAll(async () => {
  shipped = await validateDirectory(resolve(import.meta.dirname, '../../geo'));
  lake = shipped.registry.projects.find((p) => p.id === 'zhenjiang-data-lake-park')!;
});

beforeEach(() => {
  counts.validations = 0;
  counts.checks = 0;
});

/** A controller whose pickPoint hands its request to the test and waits for `answer`. */
function fakeController(): {
  controller: MapController;
  requests: PickRequest[];
  answer: (point: [number, number] | null) => void;
} {
  const requests: PickRequest[] = [];
  let settle: (point: [number, number] | null) => void = () => undefined;
  const controller = {
    fitToPark: vi.fn(),
    pickPoint: (request: PickRequest) => {
      requests.push(request);
      return new Promise<[number, number] | null>((done) => (settle = done));
    },
  } as unknown as MapController;
  return { controller, requests, answer: (point) => settle(point) };
}

function renderEditor(
  options: { project?: Project | null; controller?: MapController; park?: string } = {},
): { changes: LoadedData[]; closes: () => number } {
  const changes: LoadedData[] = [];
  let closes = 0;
  const data: LoadedData = {
    shipped,
    active: shipped,
    state: EMPTY_STATE,
    key: storageKey(`http://127.0.0.1/editor-${++run}/`),
  };
  render(() => (
    // The park detail around the form closes on Escape too: the form's Escape must not reach it.
    <div onKeyDown={() => outerEscapes++}>
      <ProjectEditor
        editing={{ data, controller: options.controller, onChange: (next) => changes.push(next) }}
        project={options.project ?? null}
        park={options.park ?? 'gt'}
        lang="zh"
        onClose={() => closes++}
      />
    </div>
  ));
  return { changes, closes: () => closes };
}

/** Types `text` one key at a time, as a person does. */
function type(input: HTMLElement, text: string): void {
  for (let i = 1; i <= text.length; i++) {
    fireEvent.input(input, { target: { value: text.slice(0, i) } });
  }
}

const field = (label: string): HTMLInputElement => screen.getByLabelText(label);

describe('the project form', () => {
  it('moves focus to its heading; Escape closes it and goes no further', () => {
    const form = renderEditor();
    expect(document.activeElement?.id).toBe('project-editor-heading');
    outerEscapes = 0;
    fireEvent.keyDown(screen.getByRole('form', { name: '添加项目' }), { key: 'Escape' });
    expect(form.closes()).toBe(1);
    expect(outerEscapes).toBe(0);
  });

  it('checks the record once typing pauses, never the whole registry', async () => {
    renderEditor();
    await screen.findByText('这条记录有 2 个问题：');
    const before = counts.checks;
    type(field('项目名称（中文，必填）'), '测试储能项目');
    expect(counts.checks).toBe(before);
    await screen.findByText('这条记录有 1 个问题：');
    expect(counts.checks - before).toBeLessThan(3);
    expect(counts.validations).toBe(0);
  });

  it('names the field and the problem beside the field, tied to it for screen readers', async () => {
    renderEditor();
    const year = field('年份（状态所在年份）');
    type(year, '去年');
    const message = await screen.findByText('年份：「去年」不是年份（如 2024）');
    expect(year).toHaveAttribute('aria-invalid', 'true');
    expect(year.getAttribute('aria-describedby')).toBe(message.closest('ul')?.id);
    type(year, '1700');
    await screen.findByText(/^年份：year: /);
    fireEvent.input(year, { target: { value: '2024' } });
    await waitFor(() => expect(year).not.toHaveAttribute('aria-invalid'));
  });

  it('picks the location on the map, refusing a point outside the park', async () => {
    const fake = fakeController();
    renderEditor({ controller: fake.controller });
    fireEvent.click(screen.getByRole('button', { name: '在地图上选点' }));
    await screen.findByText('正在地图上选点…（按 Esc 取消）');
    expect(fake.controller.fitToPark).toHaveBeenCalledWith('gt');
    const request = fake.requests[0]!;
    expect(request.prompt).toBe('请在「官塘创新社区」内点击项目位置；按 Esc 取消。');
    expect(request.check?.([119.0, 31.5])).toBe('这一点不在「官塘创新社区」内。');
    const gt = shipped.registry.parks.find((p) => p.properties.id === 'gt')!;
    const inside = labelPoint(gt.geometry);
    expect(request.check?.(inside)).toBeNull();
    fake.answer(inside);
    await screen.findByText(`已选定位置：${inside[0]}, ${inside[1]}`);
    expect(field('经度').value).toBe(String(inside[0]));
    expect(field('纬度').value).toBe(String(inside[1]));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '在地图上选点' }));
  });

  it('says why there is no picking without a map or a park', async () => {
    renderEditor({ controller: undefined });
    expect(screen.getByRole('button', { name: '在地图上选点' })).toBeDisabled();
    screen.getByText('地图不可用：请直接输入经纬度。');
  });

  it('adds a project: one whole-registry validation on save, an "added in the app" source', async () => {
    const form = renderEditor();
    type(field('项目名称（中文，必填）'), '测试储能项目');
    fireEvent.change(field('产业链（必填）'), { target: { value: 'next-gen-it' } });
    fireEvent.input(field('总投资（不详可留空）'), { target: { value: '5000' } });
    fireEvent.change(field('单位'), { target: { value: 'wan' } });
    await screen.findByText('检查通过。');
    expect(counts.validations).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(form.changes).toHaveLength(1));
    expect(counts.validations).toBe(1);
    const next = form.changes[0]!;
    const added = next.active.registry.projects.find((p) => p.name.zh === '测试储能项目')!;
    expect(added).toMatchObject({ park: 'gt', chain: 'next-gen-it', investment_cny_100m: 0.5 });
    expect(added.sources.map((s) => s.title)).toEqual([ADDED_IN_APP]);
    expect(next.projects?.state.current?.fileName).toBeNull();
    expect(next.projects?.state.current?.added).toEqual([added.id]);
    expect(form.closes()).toBe(1);
  });

  it('edits a project: unchanged means nothing to save; a change is saved with its edit source', async () => {
    const form = renderEditor({ project: lake, park: lake.park! });
    await screen.findByText('还没有改动。');
    expect(screen.getByRole('button', { name: '保存' })).toBeDisabled();
    fireEvent.change(field('项目状态'), { target: { value: 'planned' } });
    await screen.findByText('检查通过。');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(form.changes).toHaveLength(1));
    const edited = form.changes[0]!.active.registry.projects.find((p) => p.id === lake.id)!;
    expect(edited.status).toBe('planned');
    expect(edited.sources.at(-1)).toMatchObject({
      title: EDITED_IN_APP,
      note: '改动字段 / fields changed: status',
    });
    expect(form.changes[0]!.projects?.state.current?.updated).toEqual([lake.id]);
  });

  it('deletes a project only once confirmed', async () => {
    const form = renderEditor({ project: lake, park: lake.park! });
    fireEvent.click(screen.getByRole('button', { name: '删除此项目' }));
    const confirm = screen.getByRole('alertdialog');
    within(confirm).getByText(/确定删除「镇江数据湖产业园」？/);
    fireEvent.click(within(confirm).getByRole('button', { name: '不删除' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(form.changes).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '删除此项目' }));
    fireEvent.click(screen.getByRole('button', { name: '确定删除' }));
    await waitFor(() => expect(form.changes).toHaveLength(1));
    const projects = form.changes[0]!.active.registry.projects;
    expect(projects.some((p) => p.id === lake.id)).toBe(false);
    expect(projects).toHaveLength(shipped.registry.projects.length - 1);
    expect(form.changes[0]!.projects?.state.current?.removed).toEqual([lake.id]);
  });
});
