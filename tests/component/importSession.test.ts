import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRoot, createSignal } from 'solid-js';
import { waitFor } from '@solidjs/testing-library';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ValidationResult } from '../../src/data/validate';
import { formatParksFile, planImport, readImportFiles } from '../../src/import';
import { createCachedCheck } from '../../src/state/createCachedCheck';
import { createImportSession, type ImportSession } from '../../src/state/importSession';
import { main } from '../../scripts/import';
import { validateDirectory } from '../../scripts/validate';

const GEO = resolve(import.meta.dirname, '../../geo');
const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');
const TODAY = '2026-11-28';
let shipped: ValidationResult;

beforeAll(async () => {
  shipped = await validateDirectory(GEO);
});

/** A session on the shipped registry, in a root of its own; `dispose` ends it. */
function session(): { session: ImportSession; dispose: () => void } {
  return createRoot((dispose) => ({
    session: createImportSession({ registry: () => shipped.registry, today: TODAY }),
    dispose,
  }));
}

describe('the import panel and the command line', () => {
  it('plan the same file alike: the panel would apply exactly the parks file the CLI writes', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zpe-same-plan-')), 'parks.geojson');
    const file = join(FIXTURES, 'parks-4549.zip');
    const lines: string[] = [];
    expect(await main([file, '--out', out, '--data', GEO], (l) => lines.push(l), TODAY)).toBe(0);

    const { session: panel, dispose } = session();
    await panel.readFiles([new File([readFileSync(file)], 'parks-4549.zip')]);
    const plan = panel.plan();
    expect(plan?.stop).toBeNull();
    expect(lines).toContain(`  coordinate system: ${plan?.crs?.name.en}`);
    expect(lines).toContain(`  match field: ${plan?.field}`);
    expect(formatParksFile(plan!.merged!.parks)).toBe(readFileSync(out, 'utf8'));

    // And both are what planImport gives for the file with the default choices.
    const source = readImportFiles([{ name: 'parks-4549.zip', bytes: readFileSync(file) }]);
    const direct = planImport(source, shipped.registry, {
      crs: 'auto',
      matchField: null,
      boundary: 'official',
      date: TODAY,
    });
    expect(direct.merged).toEqual(plan?.merged);
    dispose();
  });
});

describe('createCachedCheck', () => {
  it('checks once the input has stood still, once per distinct input, and now() does not wait', async () => {
    await createRoot(async (dispose) => {
      const [input, setInput] = createSignal<{ key: string; value: string } | null>(null);
      const check = vi.fn((value: string) => value.toUpperCase());
      const checked = createCachedCheck(input, check, { delay: 20 });
      expect(checked.pending()).toBe(false);

      setInput({ key: 'a', value: 'a' });
      setInput({ key: 'ab', value: 'ab' });
      expect(checked.pending()).toBe(true);
      await waitFor(() => expect(checked.result()).toBe('AB'));
      expect(check).toHaveBeenCalledTimes(1);

      setInput({ key: 'abc', value: 'abc' });
      await expect(checked.now()).resolves.toBe('ABC');
      setInput({ key: 'ab', value: 'ab' });
      await waitFor(() => expect(checked.result()).toBe('AB'));
      expect(check.mock.calls.map(([value]) => value)).toEqual(['ab', 'abc']);
      dispose();
    });
  });

  it('runs nothing once its owner is disposed', async () => {
    const check = vi.fn((value: string) => value);
    const [input, setInput] = createSignal<{ key: string; value: string } | null>(null);
    createRoot((dispose) => {
      createCachedCheck(input, check, { delay: 10 });
      setInput({ key: 'a', value: 'a' });
      dispose();
    });
    await new Promise((done) => setTimeout(done, 40));
    expect(check).not.toHaveBeenCalled();
  });

  it('reports a failed check, and asking again runs it again', async () => {
    await createRoot(async (dispose) => {
      const [input] = createSignal({ key: 'a', value: 'a' });
      let fail = true;
      const checked = createCachedCheck(
        input,
        (value: string) => {
          if (fail) throw new Error('worker gone');
          return value;
        },
        { delay: 0 },
      );
      await waitFor(() => expect(checked.error()).toBeInstanceOf(Error));
      expect(checked.pending()).toBe(false);
      fail = false;
      await expect(checked.now()).resolves.toBe('a');
      expect(checked.result()).toBe('a');
      dispose();
    });
  });
});
