import 'fake-indexeddb/auto';
import { resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyImport, resetImport, undoImport, type ImportToApply } from '../../src/data/imports';
import { EMPTY_STATE, loadState, storageKey, type LoadedData } from '../../src/data/persist';
import type * as Validate from '../../src/data/validate';
import type { ValidationResult } from '../../src/data/validate';
import { planImport, readImportFiles, validateMerged } from '../../src/import';
import { validateDirectory } from '../../scripts/validate';
import { fixture } from './import-helpers';

/** Every whole-registry validation the apply module might run. */
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

let shipped: ValidationResult;
let imported: ImportToApply;
let validated: ValidationResult;
let folder = 0;
let data: LoadedData;

beforeAll(async () => {
  shipped = await validateDirectory(resolve(import.meta.dirname, '../../geo'));
  const plan = planImport(readImportFiles([fixture('parks-4549.zip')]), shipped.registry, {
    crs: 'auto',
    matchField: null,
    boundary: 'official',
    date: '2026-11-28',
  });
  const merged = plan.merged!;
  imported = {
    parks: merged.parks,
    fileName: 'parks-4549.zip',
    changed: merged.changed,
    added: merged.added,
  };
  validated = validateMerged(shipped.registry, merged.parks);
});

beforeEach(() => {
  // A data folder of its own per test: the stored imports of one do not reach another.
  data = {
    shipped,
    active: shipped,
    state: EMPTY_STATE,
    key: storageKey(`http://127.0.0.1/apply-${++folder}/`),
  };
  validations.count = 0;
});

describe('apply, undo and reset', () => {
  it('apply stores the import and uses the validation it is given, validating nothing', async () => {
    const next = await applyImport(data, imported, validated, new Date('2026-11-28T10:00:00Z'));
    expect(next.active).toBe(validated);
    expect(next.state.current).toMatchObject({
      fileName: 'parks-4549.zip',
      appliedAt: '2026-11-28T10:00:00.000Z',
    });
    expect(validations.count).toBe(0);
  });

  it('refuses an import with findings', async () => {
    const broken = validateMerged(shipped.registry, { type: 'FeatureCollection', features: [{}] });
    validations.count = 0;
    await expect(applyImport(data, imported, broken)).rejects.toThrow(/findings/);
    expect(await loadState(data.key)).toEqual(EMPTY_STATE);
  });

  it('apply → reset → undo → undo goes back and forth without validating again', async () => {
    const applied = await applyImport(data, imported, validated);
    const reset = await resetImport(applied);
    expect(reset.active).toBe(shipped);
    expect(reset.state.current).toBeNull();
    const back = await undoImport(reset);
    expect(back.active).toBe(validated);
    expect(back.state.current?.fileName).toBe('parks-4549.zip');
    expect(validations.count).toBe(0);
    // One step only: a second undo changes nothing.
    expect((await undoImport(back)).state).toEqual(back.state);
  });

  it('undo of an apply brings back the registry before it', async () => {
    const applied = await applyImport(data, imported, validated);
    const undone = await undoImport(applied);
    expect(undone.active).toBe(shipped);
    expect(undone.state).toEqual({ current: null, previous: null, canUndo: false });
  });

  it('a page that never validated what undo brings back validates it once', async () => {
    const applied = await applyImport(data, imported, validated);
    const reset = await resetImport(applied);
    // A new page load: the reset state, without this page's validations.
    const reloaded: LoadedData = { shipped, active: shipped, state: reset.state, key: data.key };
    validations.count = 0;
    const back = await undoImport(reloaded);
    expect(back.state.current?.fileName).toBe('parks-4549.zip');
    expect(back.active.findings).toEqual([]);
    expect(validations.count).toBe(1);
  });
});
