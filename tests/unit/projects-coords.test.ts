import gcoord from 'gcoord';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../../src/data/registry';
import {
  coordSystemIn,
  mapColumns,
  planImport,
  toTable,
  toWgs84,
  type Answer,
  type ImportPlan,
} from '../../src/import/projects';
import { readLedger } from '../../src/import/projects/workbook';
import { registryWithAliases } from './projects-helpers';

/**
 * Coordinates in a ledger: the system is stated by a header or a 坐标系 column, or asked once per
 * file; GCJ-02 and BD-09 are converted. Expected values come from outside the importer: pairs
 * published with wandergis/coordtransform (the reference most Chinese converters test against)
 * and gcoord's forward transform, where the importer runs the inverse.
 */

let registry: Registry;
beforeAll(async () => {
  registry = await registryWithAliases();
});

/** Metres between two lon/lat points (equirectangular; exact enough at a kilometre). */
function metres(a: readonly number[], b: readonly number[]): number {
  const lat = (((a[1] ?? 0) + (b[1] ?? 0)) / 2) * (Math.PI / 180);
  const dx = ((a[0] ?? 0) - (b[0] ?? 0)) * Math.cos(lat);
  const dy = (a[1] ?? 0) - (b[1] ?? 0);
  return Math.hypot(dx, dy) * 111_195;
}

/**
 * A WGS-84 point inside the fixture park 官塘创新社区 (lon 119.45–119.49) near its east edge:
 * its GCJ-02 and BD-09 images lie east of the park, so a pair not converted is refused.
 */
const INSIDE: readonly [number, number] = [119.4865, 32.14];
const forward = (to: Parameters<typeof gcoord.transform>[2]): [number, number] => {
  const [lon, lat] = gcoord.transform([...INSIDE] as [number, number], gcoord.WGS84, to);
  return [lon ?? Number.NaN, lat ?? Number.NaN];
};
const AS_GCJ = forward(gcoord.GCJ02);
const AS_BD = forward(gcoord.BD09);

function plan(csv: string, answers: ReadonlyMap<string, Answer> = new Map()): ImportPlan {
  const table = toTable(readLedger({ name: 'ledger.csv', bytes: new TextEncoder().encode(csv) }));
  return planImport(table, mapColumns(table.headers), registry, {
    fileName: 'ledger.csv',
    sheet: null,
    date: '2026-12-01',
    answers,
  });
}

const near = (actual: readonly number[] | undefined, expected: readonly number[], tol: number) => {
  expect(actual).toBeDefined();
  expect(Math.abs((actual?.[0] ?? 0) - (expected[0] ?? 0))).toBeLessThan(tol);
  expect(Math.abs((actual?.[1] ?? 0) - (expected[1] ?? 0))).toBeLessThan(tol);
};

describe('the coordinate system a header or cell states', () => {
  it.each([
    ['坐标（高德）', 'gcj02'],
    ['高德坐标', 'gcj02'],
    ['经度(GCJ-02)', 'gcj02'],
    ['腾讯', 'gcj02'],
    ['火星坐标', 'gcj02'],
    ['经度(BD09)', 'bd09'],
    ['百度', 'bd09'],
    ['WGS84', 'wgs84'],
    ['坐标（CGCS2000）', 'wgs84'],
    ['天地图', 'wgs84'],
    ['GPS', 'wgs84'],
    ['坐标（高德转WGS84）', 'wgs84'],
    ['坐标', null],
    ['经度', null],
    ['暂无', null],
  ])('%s → %s', (words, system) => {
    expect(coordSystemIn(words)).toBe(system);
  });
});

describe('converting a ledger location to WGS-84', () => {
  it('undoes GCJ-02 as the published pair says', () => {
    // wandergis/coordtransform: wgs84togcj02(116.404, 39.915) = [116.41024449916938, 39.91640428150164].
    near(toWgs84([116.41024449916938, 39.91640428150164], 'gcj02'), [116.404, 39.915], 2e-6);
  });

  it('undoes BD-09 as the published pairs say', () => {
    // gcj02tobd09(116.404, 39.915) = [116.41036949371029, 39.92133699351021], and
    // gcj02towgs84(116.404, 39.915) = [116.39775550083061, 39.91359571849836] — that one-shot
    // inverse is good to about a metre, so the tolerance is 1e-5° here.
    near(
      toWgs84([116.41036949371029, 39.92133699351021], 'bd09'),
      [116.39775550083061, 39.91359571849836],
      1e-5,
    );
  });

  it('undoes gcoord’s forward transform in Zhenjiang, which moves GCJ-02 ~550 m and BD-09 ~1.2 km', () => {
    near(toWgs84(AS_GCJ, 'gcj02'), INSIDE, 1.5e-6);
    near(toWgs84(AS_BD, 'bd09'), INSIDE, 1.5e-6);
    expect(metres(AS_GCJ, INSIDE)).toBeGreaterThan(450);
    expect(metres(AS_GCJ, INSIDE)).toBeLessThan(650);
    expect(metres(AS_BD, INSIDE)).toBeGreaterThan(1000);
    expect(metres(AS_BD, INSIDE)).toBeLessThan(1400);
    expect(toWgs84(INSIDE, 'wgs84')).toEqual(INSIDE);
  });
});

describe('planning a ledger with coordinates', () => {
  const row = (result: ImportPlan) => result.rows[0]!;
  const noteOf = (result: ImportPlan): string =>
    (row(result).record?.['sources'] as { note?: string }[] | undefined)?.[0]?.note ?? '';

  it('asks once per file when nothing states the system, and converts as answered', () => {
    const csv = `项目名称,所在园区,产业链,项目状态,经度,纬度\n甲,官塘创新社区,新一代信息技术,在建,${AS_GCJ[0]},${AS_GCJ[1]}\n乙,官塘创新社区,新一代信息技术,在建,${AS_GCJ[0]},${AS_GCJ[1]}\n丙,官塘创新社区,新一代信息技术,在建,,\n`;
    const asked = plan(csv);
    expect(asked.questions).toHaveLength(1);
    const question = asked.questions[0]!;
    expect(question).toMatchObject({ field: 'crs', value: '经度 / 纬度', rows: [2, 3] });
    expect(asked.rows.map((r) => r.state)).toEqual(['question', 'question', 'ready']);
    expect(asked.coordSystem).toBeNull();
    // To help the answer, not to give it: as GCJ-02 both rows fall inside 官塘, as WGS-84 neither.
    expect(question.fits?.find((f) => f.system === 'gcj02')).toEqual({
      system: 'gcj02',
      inside: 2,
      of: 2,
    });
    expect(question.fits?.find((f) => f.system === 'wgs84')).toEqual({
      system: 'wgs84',
      inside: 0,
      of: 2,
    });

    const converted = plan(csv, new Map([[question.key, { kind: 'use', value: 'gcj02' }]]));
    expect(converted.rows.map((r) => r.state)).toEqual(['ready', 'ready', 'ready']);
    near(row(converted).record?.['location'] as number[], INSIDE, 1.5e-6);
    expect(noteOf(converted)).toContain('坐标由 GCJ-02（高德、腾讯） 转换为 WGS-84（导入时选择）');

    // Taken as WGS-84, the AMap pair lies ~550 m east, outside the park: refused, not moved.
    const raw = plan(csv, new Map([[question.key, { kind: 'use', value: 'wgs84' }]]));
    expect(row(raw).state).toBe('refused');
    expect(row(raw).problems[0]!.en).toContain('is not inside its park');

    const left = plan(csv, new Map([[question.key, { kind: 'skip' }]]));
    expect(left.rows.map((r) => r.state)).toEqual(['refused', 'refused', 'ready']);
  });

  it('takes the system a header states, says so, and records it', () => {
    const csv = `项目名称,所在园区,产业链,项目状态,坐标（百度）\n甲,官塘创新社区,新一代信息技术,在建,"${AS_BD[0]},${AS_BD[1]}"\n`;
    const result = plan(csv);
    expect(result.questions).toEqual([]);
    // Headers are compared NFKC-normalised, full-width brackets as ASCII.
    expect(result.coordSystem).toEqual({
      system: 'bd09',
      headers: ['坐标(百度)'],
      where: 'header',
    });
    expect(row(result).state).toBe('ready');
    near(row(result).record?.['location'] as number[], INSIDE, 1.5e-6);
    expect(noteOf(result)).toContain(
      '坐标由 BD-09（百度） 转换为 WGS-84（表头「坐标(百度)」注明）',
    );
  });

  it('takes the system a line above the header states, when it speaks of coordinates', () => {
    const body = `项目名称,所在园区,产业链,项目状态,坐标\n甲,官塘创新社区,新一代信息技术,在建,"${AS_GCJ[0]},${AS_GCJ[1]}"\n`;
    const result = plan(`2024年重大项目清单\n说明：坐标均取自高德地图,,,,\n${body}`);
    expect(result.coordSystem).toEqual({
      system: 'gcj02',
      headers: ['说明:坐标均取自高德地图'],
      where: 'title',
    });
    expect(result.questions).toEqual([]);
    near(row(result).record?.['location'] as number[], INSIDE, 1.5e-6);
    expect(noteOf(result)).toContain('表头上方注明「说明:坐标均取自高德地图」');
    // A title naming a platform but not coordinates ("数据来源：百度百科") states nothing.
    expect(plan(`数据来源：百度百科\n${body}`).questions.map((q) => q.field)).toEqual(['crs']);
  });

  it('asks when two headers state different systems', () => {
    const csv = `项目名称,所在园区,产业链,项目状态,经度(BD09),纬度(GCJ02)\n甲,官塘创新社区,新一代信息技术,在建,${INSIDE[0]},${INSIDE[1]}\n`;
    const result = plan(csv);
    expect(result.coordSystem).toBeNull();
    expect(result.questions.map((q) => q.field)).toEqual(['crs']);
  });

  it('reads a 坐标系 column row by row, before the header and the answer', () => {
    const csv = [
      '项目名称,所在园区,产业链,项目状态,坐标,坐标系',
      `甲,官塘创新社区,新一代信息技术,在建,"${AS_GCJ[0]},${AS_GCJ[1]}",高德`,
      `乙,官塘创新社区,新一代信息技术,在建,"${INSIDE[0]},${INSIDE[1]}",WGS84`,
      `丙,官塘创新社区,新一代信息技术,在建,"${INSIDE[0]},${INSIDE[1]}",墨卡托`,
      '',
    ].join('\n');
    const result = plan(csv);
    expect(result.rows.map((r) => r.state)).toEqual(['ready', 'ready', 'refused']);
    near(result.rows[0]!.record?.['location'] as number[], INSIDE, 1.5e-6);
    expect(result.rows[1]!.record?.['location']).toEqual([...INSIDE]);
    expect(noteOf(result)).toContain('坐标系列注明「高德」');
    expect(result.rows[2]!.problems[0]!.en).toBe(
      'coordinate system "墨卡托" is not one the importer knows: use WGS-84, GCJ-02 (AMap/Tencent) or BD-09 (Baidu)',
    );
    expect(result.questions).toEqual([]);
  });
});
