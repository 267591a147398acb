import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { LoadedData } from '../../src/data/persist';
import { EMPTY_STATE, storageKey } from '../../src/data/persist';
import type { ValidationResult } from '../../src/data/validate';
import type * as Download from '../../src/ui/download';
import ProjectsEntry from '../../src/ui/projects/ProjectsEntry';
import ProjectsPanel from '../../src/ui/projects/ProjectsPanel';
import { validateDirectory } from '../../scripts/validate';

const downloads = vi.hoisted(() => [] as { name: string; content: unknown }[]);
vi.mock('../../src/ui/download', async (original) => ({
  ...(await original<typeof Download>()),
  downloadFile: (name: string, content: unknown) => downloads.push({ name, content }),
}));

let shipped: ValidationResult;
let run = 0;

beforeAll(async () => {
  shipped = await validateDirectory(resolve(import.meta.dirname, '../../geo'));
});

function freshData(): LoadedData {
  return {
    shipped,
    active: shipped,
    state: EMPTY_STATE,
    key: storageKey(`http://127.0.0.1/projects-${++run}/`),
  };
}

/** A CSV ledger: a title row, the header, three projects, two of them in the unknown "新区". */
const LEDGER = [
  '2024年重大项目清单（测试数据）',
  '项目名称,所在园区,产业链,项目状态,总投资（万元）',
  '测试数据湖四期,官塘创新社区,新一代信息技术,在建,"12,000"',
  '测试算力中心,新区,新一代信息技术,签约,3000',
  '测试智能终端,新区,新一代信息技术,谋划,',
].join('\n');

function renderPanel(): { changes: LoadedData[]; closes: () => number } {
  const changes: LoadedData[] = [];
  let closes = 0;
  render(() => (
    <ProjectsPanel
      data={freshData()}
      lang="zh"
      onChange={(next) => changes.push(next)}
      onClose={() => closes++}
    />
  ));
  return { changes, closes: () => closes };
}

describe('the project import dialog', () => {
  it('focuses its heading and closes on Escape', () => {
    const panel = renderPanel();
    expect(document.activeElement?.id).toBe('projects-heading');
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(panel.closes()).toBe(1);
  });

  it('reads a ledger, maps its columns, asks about an unknown park once and applies', async () => {
    const panel = renderPanel();
    const apply = screen.getByRole('button', { name: '应用' });
    expect(apply).toBeDisabled();
    fireEvent.change(screen.getByLabelText('选择项目清单文件'), {
      target: { files: [new File([LEDGER], '2024重大项目.csv')] },
    });
    await screen.findByText('2024重大项目.csv：表头在第 2 行，3 行数据');
    // ColumnMap: each header with the field it was guessed to be.
    expect(screen.getByLabelText('所在园区')).toHaveValue('park');
    expect(screen.getByLabelText(/^总投资/)).toHaveValue('investment');
    // RowPreview and Questions: one question for both rows with "新区".
    await screen.findByText('可导入 1 行，待确认 2 行，拒绝 0 行，跳过 0 行');
    const question = screen.getByLabelText(/所在园区「新区」（第 4, 5 行）/);
    fireEvent.change(question, {
      target: { value: within(question).getByText('官塘创新社区').getAttribute('value') },
    });
    await screen.findByText('可导入 3 行，待确认 0 行，拒绝 0 行，跳过 0 行');
    // MergeCheck: the merged registry's verdict.
    await screen.findByText('校验通过：新增 3 个，更新 0 个，移除 0 个项目。');
    await waitFor(() => expect(apply).toBeEnabled());
    fireEvent.click(apply);
    await waitFor(() => expect(panel.changes).toHaveLength(1));
    const projects = panel.changes[0]!.active.registry.projects;
    expect(projects.filter((p) => p.name.zh.startsWith('测试') && p.park === 'gt')).toHaveLength(3);
    expect(panel.changes[0]!.projects?.state.current?.fileName).toBe('2024重大项目.csv');
  });

  it('says which column is needed when none is the project name', async () => {
    renderPanel();
    fireEvent.change(screen.getByLabelText('选择项目清单文件'), {
      target: { files: [new File([LEDGER], 'ledger.csv')] },
    });
    const name = await screen.findByLabelText('项目名称');
    fireEvent.change(name, { target: { value: '' } });
    await screen.findByText('请把一列对应为“项目名称”。');
  });

  it('exports the project list in use as projects.json and CSV (ProjectActions)', () => {
    renderPanel();
    downloads.length = 0;
    fireEvent.click(screen.getByRole('button', { name: '导出 projects.json' }));
    screen.getByText('已导出 projects.json。');
    fireEvent.click(screen.getByRole('button', { name: '导出项目 CSV' }));
    expect(downloads.map((d) => d.name)).toEqual([
      'projects.json',
      expect.stringMatching(/^projects-\d{4}-\d{2}-\d{2}\.csv$/),
    ]);
    const file = JSON.parse(String(downloads[0]!.content)) as { projects: unknown[] };
    expect(file.projects).toHaveLength(shipped.registry.projects.length);
  });
});

describe('the project list entry', () => {
  it('opens the import dialog and the add form, and says when an edited list is in use', async () => {
    const changes: LoadedData[] = [];
    const data = freshData();
    const { unmount } = render(() => (
      <ProjectsEntry
        data={data}
        lang="zh"
        onChange={(next) => changes.push(next)}
        editing={{ data, controller: undefined, onChange: (next) => changes.push(next) }}
      />
    ));
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '导入项目清单' }));
    await screen.findByRole('dialog', { name: '导入项目清单（Excel / CSV）' });
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const add = screen.getByRole('button', { name: '添加项目' });
    fireEvent.click(add);
    expect(add).toHaveAttribute('aria-expanded', 'true');
    const form = await screen.findByRole('form', { name: '添加项目' });
    fireEvent.click(within(form).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(document.activeElement).toBe(add);
    unmount();
  });

  it('an edit in use shows its notice, and undo goes back a step', async () => {
    const changes: LoadedData[] = [];
    const { applyProjects } = await import('../../src/data/projectImports');
    const base = freshData();
    const projects = { as_of: '2026-12-01', projects: shipped.registry.projects.slice(1) };
    const validated = {
      registry: { ...shipped.registry, projects: shipped.registry.projects.slice(1) },
      findings: [],
    };
    const edited = await applyProjects(
      base,
      {
        projects,
        fileName: null,
        added: [],
        updated: [],
        removed: [shipped.registry.projects[0]!.id],
      },
      validated,
      new Date('2026-12-01T10:00:00Z'),
    );
    render(() => <ProjectsEntry data={edited} lang="zh" onChange={(next) => changes.push(next)} />);
    screen.getByText('正在使用在应用中修改过的项目清单（2026-12-01）。');
    fireEvent.click(screen.getByRole('button', { name: '撤销项目更改' }));
    await waitFor(() => expect(changes).toHaveLength(1));
    expect(changes[0]!.projects?.state.current).toBeNull();
    expect(changes[0]!.active.registry.projects).toHaveLength(shipped.registry.projects.length);
  });
});
