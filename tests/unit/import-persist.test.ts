import 'fake-indexeddb/auto';
import { resolve } from 'node:path';
import { createStore } from 'idb-keyval';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  EMPTY_STATE,
  loadState,
  loadWithImport,
  resetToShipped,
  saveImport,
  storageKey,
  undo,
  type StoredImport,
} from '../../src/data/persist';
import type { ValidationResult } from '../../src/data/validate';
import { convertSource, matchFeatures, mergeImport, readImportFiles } from '../../src/import';
import { validateDirectory } from '../../scripts/validate';
import { fixture } from './import-helpers';

let shipped: ValidationResult;
let imported: StoredImport;
let run = 0;
/** A fresh database per test, so that tests do not see each other's imports. */
let store: ReturnType<typeof createStore>;
const KEY = storageKey('http://127.0.0.1/geo/');

beforeAll(async () => {
  shipped = await validateDirectory(resolve(import.meta.dirname, '../../geo'));
  const source = readImportFiles([fixture('parks-4549.zip')]);
  const converted = convertSource(source, source.guess.crs!);
  const match = matchFeatures(converted.features, '名称', shipped.registry.parks);
  const merged = mergeImport(shipped.registry, converted.features, match, {
    boundary: 'official',
    fileName: 'parks-4549.zip',
    date: '2026-11-28',
  });
  imported = {
    parks: merged.parks,
    fileName: 'parks-4549.zip',
    appliedAt: '2026-11-28T10:00:00.000Z',
    changed: merged.changed,
    added: merged.added,
  };
});

beforeEach(() => {
  store = createStore(`zpe-test-${++run}`, 'imports');
});

const boundaryOf = (result: ValidationResult, id: string): string | undefined =>
  result.registry.parks.find((p) => p.properties.id === id)?.properties.boundary;

describe('the imported registry in IndexedDB', () => {
  it('starts empty: the shipped data', async () => {
    expect(await loadState(KEY, store)).toEqual(EMPTY_STATE);
    const loaded = await loadWithImport(shipped, 'http://127.0.0.1/geo/', store);
    expect(loaded.active).toBe(shipped);
  });

  it('keeps an applied import across a "reload" (a new read of the same store), validated again', async () => {
    await saveImport(KEY, imported, store);
    const loaded = await loadWithImport(shipped, 'http://127.0.0.1/geo/', store);
    expect(loaded.state.current?.fileName).toBe('parks-4549.zip');
    expect(loaded.active.findings).toEqual([]);
    expect(boundaryOf(loaded.active, 'gt')).toBe('official');
    expect(boundaryOf(loaded.shipped, 'gt')).toBe('schematic');
    expect(Object.isFrozen(loaded.active.registry.parks)).toBe(true);
  });

  it('undoes one step: apply → undo gives the shipped data, and nothing more to undo', async () => {
    await saveImport(KEY, imported, store);
    const undone = await undo(KEY, store);
    expect(undone).toEqual({ current: null, previous: null, canUndo: false });
    expect(await undo(KEY, store)).toEqual(undone);
  });

  it('reset to shipped data can itself be undone', async () => {
    await saveImport(KEY, imported, store);
    const reset = await resetToShipped(KEY, store);
    expect(reset.current).toBeNull();
    expect((await loadWithImport(shipped, 'http://127.0.0.1/geo/', store)).active).toBe(shipped);
    const back = await undo(KEY, store);
    expect(back.current?.fileName).toBe('parks-4549.zip');
  });

  it('a second import replaces the first; undo brings the first back', async () => {
    await saveImport(KEY, imported, store);
    await saveImport(KEY, { ...imported, fileName: 'second.kml' }, store);
    expect((await loadState(KEY, store)).current?.fileName).toBe('second.kml');
    expect((await undo(KEY, store)).current?.fileName).toBe('parks-4549.zip');
  });

  it('an import stored for one data folder does not apply to another', async () => {
    await saveImport(KEY, imported, store);
    const other = await loadWithImport(shipped, 'http://127.0.0.1/bench/', store);
    expect(other.active).toBe(shipped);
  });

  it('a stored import that no longer validates shows its findings instead of passing silently', async () => {
    const broken = {
      ...imported,
      parks: {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { id: 'x' }, geometry: null }],
      },
    };
    await saveImport(KEY, broken, store);
    const loaded = await loadWithImport(shipped, 'http://127.0.0.1/geo/', store);
    expect(loaded.active.findings.length).toBeGreaterThan(0);
    expect(loaded.active.findings[0]?.rule).toBe('schema');
  });
});
