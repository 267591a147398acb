import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedData } from '../../src/data/persist';
import { EMPTY_STATE, storageKey } from '../../src/data/persist';
import type * as Validate from '../../src/data/validate';
import type { ValidationResult } from '../../src/data/validate';
import ImportPanel from '../../src/ui/import/ImportPanel';
import { validateDirectory } from '../../scripts/validate';

/** Every whole-registry validation, however it is reached (session, apply, persistence). */
const validations = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/data/validate', async (original) => {
  const actual = await original<typeof Validate>();
  return {
    ...actual,
    validateRegistry: (...args: Parameters<typeof actual.validateRegistry>) => {
      validations.count++;
      return actual.validateRegistry(...args);
    },
  };
});

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');
let shipped: ValidationResult;
let run = 0;

beforeAll(async () => {
  shipped = await validateDirectory(resolve(import.meta.dirname, '../../geo'));
});

beforeEach(() => {
  validations.count = 0;
});

function fixtureFile(name: string): File {
  return new File([readFileSync(resolve(FIXTURES, name))], name);
}

/** The panel on the shipped registry, with a storage key of its own; returns what it reports. */
function renderPanel(): { changes: LoadedData[]; closes: () => number } {
  const changes: LoadedData[] = [];
  let closes = 0;
  const data: LoadedData = {
    shipped,
    active: shipped,
    state: EMPTY_STATE,
    key: storageKey(`http://127.0.0.1/panel-${++run}/`),
  };
  render(() => (
    <ImportPanel
      data={data}
      lang="zh"
      controller={undefined}
      onChange={(next) => changes.push(next)}
      onClose={() => closes++}
    />
  ));
  return { changes, closes: () => closes };
}

/** Chooses the Shapefile and waits until its validation is shown. */
async function readShapefile(): Promise<void> {
  fireEvent.change(screen.getByLabelText('选择边界文件'), {
    target: { files: [fixtureFile('parks-4549.zip')] },
  });
  await screen.findByText('parks-4549.zip：3 个面要素');
  await screen.findByText('校验通过：将替换 2 个园区的边界，新增 0 个园区。');
}

/** Opens the new-park form for the unmatched third feature and returns its id field. */
function openNewParkForm(): HTMLInputElement {
  fireEvent.change(screen.getByLabelText(/#3 镇江新材料产业园/), { target: { value: 'new' } });
  const form = screen.getByRole('group', { name: '新园区（必填项）' });
  return within(form).getByLabelText(/^编号/) as HTMLInputElement;
}

/** Types `text` one key at a time, as a person does. */
function type(input: HTMLInputElement, text: string): void {
  for (let i = 1; i <= text.length; i++) {
    fireEvent.input(input, { target: { value: text.slice(0, i) } });
  }
}

describe('the import panel', () => {
  it('moves focus to its heading, and Escape asks to close', () => {
    const panel = renderPanel();
    expect(document.activeElement?.id).toBe('import-heading');
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(panel.closes()).toBe(1);
  });

  it('validates a read file once, not per stage', async () => {
    renderPanel();
    await readShapefile();
    expect(validations.count).toBe(1);
  });

  it('does not validate the registry per keystroke in the new-park form', async () => {
    renderPanel();
    await readShapefile();
    const id = openNewParkForm();
    await screen.findByText(/合并结果有 \d+ 个问题/);
    const beforeTyping = validations.count;

    const typed = 'zj-new-materials';
    type(id, typed);
    // Every key reached the form at once …
    expect(id.value).toBe(typed);
    // … but not the validator: it runs once typing pauses, for the final text only.
    expect(validations.count).toBe(beforeTyping);
    await screen.findByText('正在校验…');
    await waitFor(() => expect(screen.queryByText('正在校验…')).toBeNull());
    expect(validations.count).toBe(beforeTyping + 1);
    expect(validations.count).toBeLessThan(typed.length);
  });

  it('validates each distinct input once: going back to an earlier text validates nothing', async () => {
    renderPanel();
    await readShapefile();
    const id = openNewParkForm();
    type(id, 'zj-a');
    await waitFor(() => expect(screen.queryByText('正在校验…')).toBeNull());
    const afterFirst = validations.count;
    type(id, 'zj-ab');
    await waitFor(() => expect(validations.count).toBe(afterFirst + 1));
    fireEvent.input(id, { target: { value: 'zj-a' } });
    await waitFor(() => expect(screen.queryByText('正在校验…')).toBeNull());
    expect(validations.count).toBe(afterFirst + 1);
  });

  it('applies the validation it showed, without validating again', async () => {
    const panel = renderPanel();
    await readShapefile();
    const before = validations.count;
    const apply = screen.getByRole('button', { name: '应用' });
    expect(apply).toBeEnabled();
    fireEvent.click(apply);
    await waitFor(() => expect(panel.changes).toHaveLength(1));
    expect(validations.count).toBe(before);
    const next = panel.changes[0]!;
    expect(next.state.current?.fileName).toBe('parks-4549.zip');
    expect(next.state.current?.changed).toEqual(['gt', 'dt-auto']);
    expect(next.active.findings).toEqual([]);
    expect(
      next.active.registry.parks.find((p) => p.properties.id === 'gt')?.properties.boundary,
    ).toBe('official');
    expect(next.previousActive).toBe(shipped);
  });
});
