import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/import';
import {
  PRJ,
  geoJson,
  identity,
  projectTo,
  shapefile,
  zipLayer,
} from '../fixtures/import/generate';
import { FIXTURES } from './import-helpers';

/**
 * The command line never acts on a guess, writes --out atomically, and says every failure in
 * one line: the cases of issue #15 items 1–4 and 7, on files built here.
 */

const GEO = resolve(import.meta.dirname, '../../geo');
const scratch = (): string => mkdtempSync(join(tmpdir(), 'zpe-import-robust-'));

async function run(...args: string[]): Promise<{ code: number; output: string; lines: string[] }> {
  const lines: string[] = [];
  const code = await main([...args, '--data', GEO], (line) => lines.push(line), '2026-12-01');
  return { code, output: lines.join('\n'), lines };
}

/** Writes a file into a fresh folder and returns its path. */
function put(name: string, content: string | Uint8Array): string {
  const path = join(scratch(), name);
  writeFileSync(path, content);
  return path;
}

describe('npm run import refuses a guessed coordinate system', () => {
  it('GeoJSON without a crs member: exit 1, one line listing what fits and how far each moves it', async () => {
    const dir = scratch();
    const out = join(dir, 'parks.geojson');
    const { code, lines } = await run(put('district.geojson', geoJson(identity)), '--out', out);
    expect(code).toBe(1);
    const refusal = lines.filter((l) => l.startsWith('import:'));
    expect(refusal).toHaveLength(1);
    expect(refusal[0]).toMatch(
      /^import: district\.geojson does not state its coordinate system, and 3 fit: --crs wgs84 \(WGS-84 .*: moves it 0 m\); --crs gcj02 \(GCJ-02 .*: moves it [5-6]\d\d m\); --crs bd09 \(BD-09 .*: moves it 1,[0-3]\d\d m\) — measured from the degrees as they are; give one with --crs$/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('the same file with --crs is imported', async () => {
    const out = join(scratch(), 'parks.geojson');
    const { code, output } = await run(
      put('district.geojson', geoJson(identity)),
      '--crs',
      'wgs84',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(output).toContain('transformation: no datum shift needed');
    expect(existsSync(out)).toBe(true);
  });

  it('Beijing 1954 Gauss–Krüger without .prj: refused, the three datums listed', async () => {
    const zip = zipLayer('parks', shapefile(projectTo(2437), { encoding: 'utf-8' }), null, null);
    const { code, output } = await run(put('bj54.zip', zip));
    expect(code).toBe(1);
    expect(output).toMatch(
      /--crs EPSG:4549 \(CGCS2000 .*: moves it 0 m\); --crs EPSG:2385 \(Xian 1980 .*\); --crs EPSG:2437 \(Beijing 1954 .*: moves it \d\d m\)/,
    );
  });

  it('a stated .prj is used; the datum shift applied is named, and the other one offered with its move', async () => {
    const out = join(scratch(), 'parks.geojson');
    const { code, output } = await run(join(FIXTURES, 'parks-2437.zip'), '--out', out);
    expect(code).toBe(0);
    expect(output).toMatch(
      /transformation: inverse projection, EPSG:15919 "Beijing 1954 to WGS 84 \(2\)"/,
    );
    expect(output).toMatch(
      /other datum shift: no datum shift .* would move it 6\d m \(--datum-shift none\)/,
    );
    const none = await run(join(FIXTURES, 'parks-2437.zip'), '--datum-shift', 'none', '--out', out);
    expect(none.output).toMatch(/transformation: inverse projection, no datum shift/);
    expect(none.output).toMatch(
      /other datum shift: EPSG:15919 .* would move it 6\d m \(--datum-shift epsg:15919\)/,
    );
    expect((await run(join(FIXTURES, 'parks-2437.zip'), '--datum-shift', 'nonsense')).code).toBe(2);
  });

  it('a wrong system is said as such, before any matching', async () => {
    const { code, output } = await run(
      put('gk.geojson', geoJson(projectTo(4549))),
      '--crs',
      'wgs84',
    );
    expect(code).toBe(1);
    expect(output).toMatch(
      /warning: Read as WGS-84 .* the coordinate system or the axis order is wrong; systems that fit: EPSG:4549/,
    );
    expect(output).toMatch(
      /import: gk\.geojson: the coordinates do not land in Zhenjiang as wgs84: nothing imported; give the right --crs$/,
    );
    expect(output).not.toMatch(/no feature matched|collapse/);
  });

  it('--swap-axes reads northing-first numbers', async () => {
    const swapped = geoJson((p) => {
      const [x = 0, y = 0] = projectTo(4549)(p);
      return [y, x];
    });
    const out = join(scratch(), 'parks.geojson');
    const { code } = await run(
      put('ne.geojson', swapped),
      '--crs',
      'EPSG:4549',
      '--swap-axes',
      '--out',
      out,
    );
    expect(code).toBe(0);
  });
});

describe('--out is written atomically; failures are one line naming the path', () => {
  const input = (): string => put('district.geojson', geoJson(identity));

  it('a missing folder', async () => {
    const out = join(scratch(), 'no', 'such', 'parks.geojson');
    const { code, lines } = await run(input(), '--crs', 'wgs84', '--out', out);
    expect(code).toBe(1);
    expect(lines[lines.length - 1]).toBe(`import: ${out}: not written — the folder does not exist`);
  });

  it('a folder as --out, which stays as it was', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'parks.geojson'));
    const { code, lines } = await run(
      input(),
      '--crs',
      'wgs84',
      '--out',
      join(dir, 'parks.geojson'),
    );
    expect(code).toBe(1);
    expect(lines[lines.length - 1]).toBe(
      `import: ${join(dir, 'parks.geojson')}: not written — it is a folder`,
    );
  });

  it('replaces an existing file whole', async () => {
    const out = put('parks.geojson', 'old');
    expect((await run(input(), '--crs', 'wgs84', '--out', out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('features');
  });
});

describe('inputs that cannot be imported get one sensible line', () => {
  it('a .shp that is not there', async () => {
    const path = join(scratch(), 'parks.shp');
    const { code, output } = await run(path);
    expect(code).toBe(1);
    expect(output).toBe(
      `${path}: no such file — a Shapefile's shapes are in its .shp; give the path of the .shp`,
    );
  });

  it('a missing file', async () => {
    const path = join(scratch(), 'parks.geojson');
    expect((await run(path)).output).toBe(`${path}: cannot be read — no such file`);
  });

  it('a file without attributes', async () => {
    const parts = shapefile(projectTo(4549), { encoding: 'utf-8' });
    const zip = zipSync({ 'p.shp': parts.shp, 'p.prj': new TextEncoder().encode(PRJ[4549]!) });
    const { code, output } = await run(put('shapes.zip', zip));
    expect(code).toBe(1);
    expect(output).toMatch(
      /import: shapes\.zip has no attributes to match parks by: import it in the app and assign each feature to its park by hand$/,
    );
  });

  it('a multi-layer zip in two systems is refused; --layer takes one', async () => {
    const layer = (name: string, code: number): Record<string, Uint8Array> => {
      const parts = shapefile(projectTo(code), { encoding: 'utf-8' });
      return {
        [`${name}.shp`]: parts.shp,
        [`${name}.dbf`]: parts.dbf,
        [`${name}.prj`]: new TextEncoder().encode(PRJ[code]!),
      };
    };
    const path = put('two.zip', zipSync({ ...layer('a', 4549), ...layer('b', 2437) }));
    const refused = await run(path);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(
      /^two\.zip: the archive's 2 layers are in different coordinate systems/,
    );
    const out = join(scratch(), 'parks.geojson');
    const one = await run(path, '--layer', 'b', '--out', out);
    expect(one.code).toBe(0);
    expect(one.output).toContain('coordinate system: Beijing 1954');
  });
});
