import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SCRIPT = join(ROOT, 'scripts', 'validate.ts');
const FIXTURES = 'tests/fixtures/registry';

interface Run {
  code: number;
  lines: string[];
}

/** Runs the CLI as a user would, in `cwd`, and collects its exit code and output lines. */
function cli(args: string[], cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      TSX,
      [SCRIPT, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        if (stderr.trim() !== '') return reject(new Error(`unexpected stderr: ${stderr}`));
        resolve({
          code: typeof error?.code === 'number' ? error.code : 0,
          lines: stdout.split('\n').filter((l) => l !== ''),
        });
      },
    );
  });
}

/** A case's expected.txt, with its bare file names ("parks.geojson") made into paths under `dir`. */
function expectedLines(caseName: string, dir: string): string[] {
  const text = readFileSync(join(ROOT, FIXTURES, 'invalid', caseName, 'expected.txt'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) =>
      line.replace(/\b(chains\.json|parks\.geojson|projects\.json|firms\.json)\b/g, `${dir}/$1`),
    );
}

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('scripts/validate.ts', () => {
  it('exits 0 on the valid fixture and says what it holds', async () => {
    expect(await cli([`${FIXTURES}/valid`])).toEqual({
      code: 0,
      lines: [`${FIXTURES}/valid/: valid — 4 parks, 5 projects, 3 firms, 3 chains`],
    });
  });

  it('exits 1 on a broken registry, printing each finding with its file path and a summary', async () => {
    const dir = `${FIXTURES}/invalid/unknown-zone`;
    const run = await cli([dir]);
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      ...expectedLines('unknown-zone', dir),
      `${dir}/: 2 findings in 1 file`,
    ]);
  });

  it('counts findings across files when a file is not JSON', async () => {
    const dir = `${FIXTURES}/invalid/parks-not-json`;
    const run = await cli([dir]);
    expect(run.code).toBe(1);
    expect(run.lines.at(-1)).toBe(`${dir}/: 7 findings in 3 files`);
    expect(run.lines.slice(0, -1)).toEqual(expectedLines('parks-not-json', dir));
  });

  it('reports each missing file when the directory does not exist', async () => {
    const run = await cli(['no-such-dir']);
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      'no-such-dir/chains.json: -: could not load no-such-dir/chains.json: file not found [file-unavailable]',
      'no-such-dir/parks.geojson: -: could not load no-such-dir/parks.geojson: file not found [file-unavailable]',
      'no-such-dir/projects.json: -: could not load no-such-dir/projects.json: file not found [file-unavailable]',
      'no-such-dir/firms.json: -: could not load no-such-dir/firms.json: file not found [file-unavailable]',
      'no-such-dir/: 4 findings in 4 files',
    ]);
  });

  it('reads geo/ when no directory is given', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'zpe-validate-'));
    temporary.push(cwd);
    cpSync(join(ROOT, FIXTURES, 'valid'), join(cwd, 'geo'), { recursive: true });
    expect(await cli([], cwd)).toEqual({
      code: 0,
      lines: ['geo/: valid — 4 parks, 5 projects, 3 firms, 3 chains'],
    });
  });

  it('exits 2 with usage on an unknown option', async () => {
    const run = await cli(['--strict']);
    expect(run.code).toBe(2);
    expect(run.lines[0]).toMatch(/^usage: /);
  });
}, 60_000);
