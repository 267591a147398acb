import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/import';
import { KNOWN_BOUNDARIES } from '../fixtures/import/boundaries';
import { FIXTURES, maxVertexError } from './import-helpers';

const GEO = resolve(import.meta.dirname, '../../geo');

/** Runs the command line in-process; returns its exit code and output. */
async function run(...args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await main([...args, '--data', GEO], (line) => lines.push(line), '2026-11-28');
  return { code, output: lines.join('\n') };
}

describe('npm run import', () => {
  it('imports a Shapefile in EPSG:4549 and writes a valid merged parks.geojson', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zpe-import-')), 'parks.geojson');
    const { code, output } = await run(join(FIXTURES, 'parks-4549.zip'), '--out', out);
    expect(code).toBe(0);
    expect(output).toContain(
      'coordinate system: CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)',
    );
    expect(output).toContain('matched   gt ← 官塘创新社区');
    expect(output).toContain('unmatched feature 3 "镇江新材料产业园"');
    expect(output).toContain('2 boundaries replaced (gt, dt-auto)');
    const written = JSON.parse(readFileSync(out, 'utf8')) as {
      features: { properties: { id: string; boundary: string }; geometry: never }[];
    };
    const gt = written.features.find((f) => f.properties.id === 'gt')!;
    expect(gt.properties.boundary).toBe('official');
    expect(maxVertexError(gt.geometry, KNOWN_BOUNDARIES[0]!.geometry)).toBeLessThan(0.1);
  });

  it('takes --crs, --match-field and --boundary', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zpe-import-')), 'parks.geojson');
    const { code, output } = await run(
      join(FIXTURES, 'parks.gcj02.geojson'),
      '--crs',
      'gcj02',
      '--match-field',
      'BH',
      '--boundary',
      'approximate',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(output).toContain('match field: BH');
    const written = JSON.parse(readFileSync(out, 'utf8')) as {
      features: { properties: { id: string; boundary: string }; geometry: never }[];
    };
    const gt = written.features.find((f) => f.properties.id === 'gt')!;
    expect(gt.properties.boundary).toBe('approximate');
    expect(maxVertexError(gt.geometry, KNOWN_BOUNDARIES[0]!.geometry)).toBeLessThan(0.1);
  });

  it('exits 1 with the clear message on a broken file, and writes nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zpe-import-')), 'parks.geojson');
    const { code, output } = await run(join(FIXTURES, 'broken-no-shp.zip'), '--out', out);
    expect(code).toBe(1);
    expect(output).toBe(
      'broken-no-shp.zip: no .shp file in the archive (found parks.dbf, parks.prj)',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 when the system cannot be known and --crs is not given', async () => {
    const { code, output } = await run(join(FIXTURES, 'broken-unknown-prj.zip'));
    expect(code).toBe(1);
    expect(output).toContain('unknown projection in .prj: LOCAL_CS["Zhenjiang site grid"]');
    expect(output).toContain('give the coordinate system with --crs');
  });

  it('exits 1 and prints the validator findings when the merge is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zpe-import-'));
    const out = join(dir, 'parks.geojson');
    // 官塘 drawn 6 km wide over its neighbours: the validator must refuse the overlaps.
    const square = [
      [119.43, 32.14],
      [119.51, 32.14],
      [119.51, 32.2],
      [119.43, 32.2],
      [119.43, 32.14],
    ];
    const input = join(dir, 'too-big.geojson');
    writeFileSync(
      input,
      JSON.stringify({
        type: 'Feature',
        properties: { name: '官塘创新社区' },
        geometry: { type: 'Polygon', coordinates: [square] },
      }),
    );
    const { code, output } = await run(input, '--crs', 'wgs84', '--out', out);
    expect(code).toBe(1);
    expect(output).toMatch(
      /^parks\.geojson: gt: overlaps park '[a-z-]+' by [\d.]+ km².*\[overlap\]$/m,
    );
    expect(output).toContain('nothing written');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on a usage error', async () => {
    expect((await run()).code).toBe(2);
    expect((await run(join(FIXTURES, 'parks.kml'), '--crs', 'EPSG:1')).code).toBe(2);
    expect((await run(join(FIXTURES, 'parks.kml'), '--boundary', 'schematic')).code).toBe(2);
  });
});
