import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gcoord from 'gcoord';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImportProjects as run } from './projects-helpers';

/**
 * The command line answers the importer's questions: `--coords` for the ledger's coordinate
 * system (refused without it when nothing states it), `--choose FIELD:VALUE=ANSWER` for values
 * the registry does not know. Spawned as a user runs it, on ledgers written here.
 */

let dir: string;

/** A WGS-84 point inside the fixture park 官塘创新社区, and its AMap (GCJ-02) image by gcoord. */
const INSIDE = [119.4865, 32.14] as const;
const AS_GCJ = gcoord.transform([...INSIDE] as [number, number], gcoord.WGS84, gcoord.GCJ02);
const AS_BD = gcoord.transform([...INSIDE] as [number, number], gcoord.WGS84, gcoord.BD09);

interface Written {
  projects: {
    name: { zh: string };
    park: string | null;
    chain: string;
    segment: string | null;
    status: string;
    investment_cny_100m: number | null;
    location?: number[];
    sources: { note?: string }[];
  }[];
}
const written = (path: string): Written => JSON.parse(readFileSync(path, 'utf8')) as Written;
const named = (file: Written, name: string) => file.projects.find((p) => p.name.zh === name)!;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zpe-projects-answers-'));
  const head = '项目名称,所在园区,产业链,项目状态';
  writeFileSync(
    join(dir, 'amap.csv'),
    `${head},经度,纬度\n坐标项目,官塘创新社区,新一代信息技术,在建,${AS_GCJ[0]},${AS_GCJ[1]}\n`,
  );
  writeFileSync(
    join(dir, 'baidu.csv'),
    `${head},经度(BD09),纬度(BD09)\n百度项目,官塘创新社区,新一代信息技术,在建,${AS_BD[0]},${AS_BD[1]}\n`,
  );
  writeFileSync(
    join(dir, 'choose.csv'),
    [
      `${head},总投资,环节`,
      '甲,新区,新一代信息技术,在建,1200,',
      '乙,新区,航空航天,签约,800,',
      '丙,官塘创新社区,新一代信息技术,暂缓,5,',
      '丁,官塘创新社区,,在建,1,总装',
      '',
    ].join('\n'),
  );
});

describe('npm run import-projects: the coordinate system', { timeout: 60_000 }, () => {
  it('refuses coordinates whose system nothing states, in one line saying how to answer', () => {
    const out = join(dir, 'never.json');
    const { code, output } = run(join(dir, 'amap.csv'), '--out', out);
    expect(code).toBe(1);
    expect(output).toContain(
      'amap.csv: the coordinates in 经度 / 纬度 (1 rows) do not say which system they are in: give --coords wgs84',
    );
    expect(output).toContain('(of 1 rows with a park, inside it: as wgs84 0, as gcj02 1,');
    expect(existsSync(out)).toBe(false);
  });

  it('converts with --coords gcj02 and records it in the provenance note', () => {
    const out = join(dir, 'amap.json');
    const { code, output } = run(join(dir, 'amap.csv'), '--coords', 'gcj02', '--out', out);
    expect(output).toContain('coordinates: GCJ-02 (AMap, Tencent) (--coords): converted to WGS-84');
    expect(code).toBe(0);
    const project = named(written(out), '坐标项目');
    expect(project.location![0]).toBeCloseTo(INSIDE[0], 5);
    expect(project.location![1]).toBeCloseTo(INSIDE[1], 5);
    expect(project.sources[0]!.note).toContain('坐标由 GCJ-02（高德、腾讯） 转换为 WGS-84');
  });

  it('takes the system the headers state, says so, and refuses a --coords that contradicts them', () => {
    const out = join(dir, 'baidu.json');
    const stated = run(join(dir, 'baidu.csv'), '--out', out);
    expect(stated.output).toContain(
      'coordinates: BD-09 (Baidu), stated by the header "经度(BD09)", "纬度(BD09)": converted to WGS-84',
    );
    expect(stated.code).toBe(0);
    expect(named(written(out), '百度项目').location![0]).toBeCloseTo(INSIDE[0], 5);
    const contradicted = run(join(dir, 'baidu.csv'), '--coords', 'gcj02', '--out', out);
    expect(contradicted.code).toBe(1);
    expect(contradicted.output).toContain(
      'baidu.csv: --coords gcj02 contradicts the header "经度(BD09)", "纬度(BD09)", which states BD-09 (Baidu)',
    );
  });
});

describe('npm run import-projects: --choose', { timeout: 60_000 }, () => {
  it('says for each waiting row how to answer it', () => {
    const { code, output } = run(join(dir, 'choose.csv'), '--out', join(dir, 'never.json'));
    expect(code).toBe(1);
    expect(output).toContain(`choose.csv:2: park "新区" is not a park of the registry`);
    expect(output).toContain(`answer with --choose 'park:新区=ID'`);
    expect(output).toContain(`answer with --choose 'unit:总投资=万元'`);
    expect(output).toContain(`choose.csv:4: status "暂缓"`);
    expect(output).toContain(`no chain given`);
  });

  it('answers by field or header, by id or name, follows an answer to the question it raises', () => {
    const out = join(dir, 'chosen.json');
    const { code, output } = run(
      join(dir, 'choose.csv'),
      '--choose',
      'park:新区=镇江经济技术开发区',
      '--choose',
      'unit:*=万元',
      '--choose',
      '项目状态:暂缓=-',
      '--choose',
      'chain:=aerospace',
      // Asked only once the chain is answered: 总装 is no segment name of 航空航天.
      '--choose',
      'segment:总装=aero-assembly',
      '--choose',
      'park:火星=zj-etdz',
      '--out',
      out,
    );
    expect(output).toContain('--choose park:火星=zj-etdz: no question asks about that value');
    expect(output).toContain('choose.csv:4: rows with this status are left out, as chosen');
    expect(output).toMatch(/4 rows: 3 added, 0 updated, 1 refused, 0 skipped; wrote/);
    expect(code).toBe(2);
    const file = written(out);
    expect(named(file, '甲')).toMatchObject({ park: 'zj-etdz', investment_cny_100m: 0.12 });
    expect(named(file, '乙')).toMatchObject({ park: 'zj-etdz', chain: 'aerospace' });
    expect(named(file, '丁')).toMatchObject({ chain: 'aerospace', segment: 'aero-assembly' });
  });

  it('refuses an answer that is no id or name, and a malformed choice, writing nothing', () => {
    const out = join(dir, 'never2.json');
    const unknown = run(join(dir, 'choose.csv'), '--choose', 'park:新区=nowhere', '--out', out);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain(
      'import-projects: --choose park:新区=nowhere: no park has the id or name "nowhere"',
    );
    const malformed = run(join(dir, 'choose.csv'), '--choose', '新区', '--out', out);
    expect(malformed.code).toBe(1);
    expect(malformed.output).toContain('--choose takes FIELD:VALUE=ANSWER');
    expect(malformed.output).toContain('usage: npm run import-projects');
    expect(existsSync(out)).toBe(false);
  });
});
