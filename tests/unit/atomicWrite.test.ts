import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../scripts/lib/atomicWrite';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'zpe-atomic-'));

describe('writeFileAtomically', () => {
  it('replaces the file whole and leaves no temporary file behind', () => {
    const dir = scratch();
    const path = join(dir, 'parks.geojson');
    writeFileSync(path, 'old');
    expect(writeFileAtomically(path, 'new contents')).toEqual({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['parks.geojson']);
  });

  it('says in one line that the folder is missing, naming the path', () => {
    const path = join(scratch(), 'no-such-folder', 'out.json');
    expect(writeFileAtomically(path, 'x')).toEqual({
      ok: false,
      message: `${path}: not written — the folder does not exist`,
    });
  });

  it('refuses a folder as the target and leaves it as it was', () => {
    const dir = scratch();
    const target = join(dir, 'out');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'kept');
    expect(writeFileAtomically(target, 'x')).toEqual({
      ok: false,
      message: `${target}: not written — it is a folder`,
    });
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('kept');
  });
});
