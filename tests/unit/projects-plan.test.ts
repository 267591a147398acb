import { pinyin } from 'pinyin-pro';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../../src/data/registry';
import { makeToPinyin } from '../../src/domain/search';
import {
  chainNamed,
  formatProjectsFile,
  guessField,
  makeResolver,
  mapColumns,
  mergeProjects,
  parkNamed,
  planImport,
  questionKey,
  toTable,
  validateProjects,
  type Answer,
  type ImportPlan,
} from '../../src/import/projects';
import { readLedger } from '../../src/import/projects/workbook';
import { ROWS, ledgerWorkbook } from '../fixtures/projects/ledger';
import { fixtureRegistry, registryWithAliases } from './projects-helpers';

const toPinyin = makeToPinyin(pinyin);
const DATE = '2026-12-01';
let registry: Registry;
let plain: Registry;

beforeAll(async () => {
  registry = await registryWithAliases();
  plain = await fixtureRegistry();
});

function plan(answers: ReadonlyMap<string, Answer> = new Map(), into = registry): ImportPlan {
  const grid = readLedger({ name: '2024重大项目.xlsx', bytes: ledgerWorkbook('xlsx') });
  const table = toTable(grid);
  return planImport(table, mapColumns(table.headers), into, {
    fileName: '2024重大项目.xlsx',
    sheet: grid.sheet,
    date: DATE,
    answers,
    toPinyin,
  });
}

const row = (result: ImportPlan, n: number) => result.rows.find((r) => r.row === n)!;

/** The ledger's 坐标 column states no system: the answer "WGS-84", as the panel would take it. */
const WGS = new Map<string, Answer>([
  [questionKey('crs', '坐标'), { kind: 'use', value: 'wgs84' }],
]);

describe('column mapping', () => {
  it.each([
    ['项目名称', 'name'],
    ['建设内容', 'content'],
    ['所在园区', 'park'],
    ['所属园区', 'park'],
    ['载体', 'park'],
    ['辖市区', 'district'],
    ['板块', 'district'],
    ['产业链', 'chain'],
    ['所属产业', 'chain'],
    ['产业类别', 'chain'],
    ['环节', 'segment'],
    ['项目状态', 'status'],
    ['进度', 'status'],
    ['签约时间', 'signed'],
    ['开工时间', 'started'],
    ['年份', 'year'],
    ['总投资（亿元）', 'investment'],
    ['计划总投资(万元)', 'investment'],
    ['建设单位', 'firm'],
    ['企业', 'firm'],
    ['经度', 'lon'],
    ['纬度', 'lat'],
    ['坐标', 'location'],
    ['来源', 'source'],
    ['备注', 'note'],
    ['序号', null],
  ])('%s → %s', (header, field) => {
    expect(guessField(header)).toBe(field);
  });

  it('keeps the unit of the header and lets the user override a guess', () => {
    const mapping = mapColumns(
      ['项目名称', '计划总投资（万元）', '企业', '备注'],
      new Map([
        ['备注', 'content'],
        ['企业', null],
      ]),
    );
    expect(mapping.map((c) => c.field)).toEqual(['name', 'investment', null, 'content']);
    expect(mapping[1]!.unit).toBe('万元');
    expect(mapping[3]!.by).toBe('user');
  });
});

describe('resolving parks and chains', () => {
  it('finds parks by id, name, alias and pinyin, and asks about the rest', () => {
    const parks = makeResolver(
      registry.parks.map((p) => parkNamed(p.properties)),
      toPinyin,
    );
    expect(parks.resolve('zj-hitech')).toMatchObject({ kind: 'found', id: 'zj-hitech', by: 'id' });
    expect(parks.resolve('镇江高新技术产业开发区')).toMatchObject({
      kind: 'found',
      id: 'zj-hitech',
    });
    // Without the city the name could be any 高新区: a question with candidates, not a guess.
    expect(parks.resolve('高新技术产业开发区')).toMatchObject({
      kind: 'unknown',
      candidates: ['zj-hitech'],
    });
    expect(parks.resolve('高新区')).toMatchObject({ kind: 'found', id: 'zj-hitech' });
    expect(parks.resolve('guantangchuangxinshequ')).toMatchObject({
      kind: 'found',
      id: 'guantang',
      by: 'pinyin',
    });
    const unknown = parks.resolve('新区');
    expect(unknown.kind).toBe('unknown');
    expect(unknown.kind !== 'found' && unknown.candidates).toContain('zj-etdz');
  });

  it('finds chains by former id and the old 新能源 wording', () => {
    const chains = makeResolver(registry.chains.map(chainNamed), toPinyin);
    expect(chains.resolve('new-energy')).toMatchObject({ kind: 'found', id: 'power-equipment' });
    expect(chains.resolve('新能源')).toMatchObject({ kind: 'found', id: 'power-equipment' });
    expect(chains.resolve('航空航天')).toMatchObject({ kind: 'found', id: 'aerospace' });
    expect(chains.resolve('生物医药').kind).toBe('unknown');
  });

  it('reports a former id two chains replaced as ambiguous', () => {
    const chains = makeResolver([
      { id: 'medical-devices', names: ['医疗器械'], formerIds: ['medical-biopharma'] },
      { id: 'biopharma', names: ['生物医药'], formerIds: ['medical-biopharma'] },
    ]);
    expect(chains.resolve('medical-biopharma')).toEqual({
      kind: 'ambiguous',
      candidates: ['biopharma', 'medical-devices'],
    });
  });
});

describe('planImport', () => {
  it('gives every row its state and reason', () => {
    const result = plan(WGS);
    expect(row(result, ROWS.update).state).toBe('ready');
    expect(row(result, ROWS.alias).state).toBe('ready');
    expect(row(result, ROWS.mergedPark[1]).state).toBe('ready');
    expect(row(result, ROWS.noName).problems.map((p) => p.en)).toEqual([
      'the project name is empty',
    ]);
    expect(row(result, ROWS.badAmount).problems.map((p) => p.en)).toEqual([
      'cannot read the amount "五亿"',
    ]);
    expect(row(result, ROWS.outside).problems[0]!.en).toContain('is not inside its park');
    expect(row(result, ROWS.total).state).toBe('skipped');
    expect(result).toMatchObject({ ready: 5, waiting: 3, refused: 3, skipped: 1 });
  });

  it('asks about an unknown value once, for every row that has it', () => {
    const result = plan();
    const park = result.questions.find((q) => q.field === 'park')!;
    expect(park).toMatchObject({ value: '新区', rows: ROWS.unknownPark, ambiguous: false });
    expect(park.candidates).toContain('zj-etdz');
    const status = result.questions.find((q) => q.field === 'status')!;
    expect(status).toMatchObject({ value: '暂缓', rows: [ROWS.unknownStatus] });
    // The 坐标 column does not say its system: one question for the file, until then the row waits.
    const crs = result.questions.find((q) => q.field === 'crs')!;
    expect(crs).toMatchObject({ value: '坐标', rows: [ROWS.outside] });
    expect(crs.candidates).toEqual(['wgs84', 'gcj02', 'bd09']);
    expect(row(result, ROWS.outside).state).toBe('question');
    expect(result.questions).toHaveLength(3);
  });

  it('applies an answer to every row waiting for it', () => {
    const answers = new Map<string, Answer>([
      ...WGS,
      [questionKey('park', '新区'), { kind: 'use', value: 'zj-etdz' }],
      [questionKey('status', '暂缓'), { kind: 'skip' }],
    ]);
    const result = plan(answers);
    for (const n of ROWS.unknownPark) {
      expect(row(result, n).state).toBe('ready');
      expect(row(result, n).record!['park']).toBe('zj-etdz');
    }
    expect(row(result, ROWS.unknownStatus).state).toBe('refused');
    expect(row(result, ROWS.outside).problems[0]!.en).toContain('is not inside its park');
    expect(result.waiting).toBe(0);
  });

  it('reads the values as a person would and keeps provenance', () => {
    const result = plan();
    const alias = row(result, ROWS.alias).record!;
    expect(alias).toMatchObject({
      park: 'zj-hitech',
      chain: 'power-equipment',
      status: 'under-construction',
      year: 2024,
      investment_cny_100m: 0.12,
      confidence: 'M',
    });
    expect(alias['sources']).toEqual([
      {
        title: '导入自 2024重大项目.xlsx · 工作表「重大项目」 · 第 5 行',
        date: DATE,
        note: '建设内容：储能电池 5GWh；辖市区：润州区',
      },
    ]);
    expect(row(result, ROWS.update).record!['investment_cny_100m']).toBe(12.5);
  });

  it('keeps markup and formula-like names as text', () => {
    const injection = row(plan(), ROWS.injection).record!;
    expect(injection['name']).toEqual({ zh: '=HYPERLINK("http://example.invalid","点击")' });
  });

  it('asks about a park the plain registry does not know by its abbreviation', () => {
    const result = plan(new Map(), plain);
    expect(result.questions.find((q) => q.value === '高新区')?.rows).toEqual([ROWS.alias]);
  });
});

describe('mergeProjects', () => {
  const answered = () =>
    plan(new Map([[questionKey('park', '新区'), { kind: 'use', value: 'zj-etdz' }]]));

  it('adds new projects, updates the matching one and validates', () => {
    const merged = mergeProjects(registry, answered(), {
      mode: 'merge',
      date: DATE,
      toPinyin,
      fileName: 'x.xlsx',
    });
    expect(merged.updated).toEqual(['aero-special-materials']);
    expect(merged.added).toContain('xin-xing-chu-neng-dian-chi-xiang-mu');
    expect(merged.file.as_of).toBe(DATE);
    expect(merged.file.projects).toHaveLength(registry.projects.length + merged.added.length);
    const updated = merged.file.projects.find((p) => p['id'] === 'aero-special-materials')!;
    expect(updated['name']).toMatchObject({ en: expect.any(String) });
    expect((updated['sources'] as unknown[]).length).toBeGreaterThan(1);
    expect(validateProjects(registry, merged.file).findings).toEqual([]);
  });

  it('replaces the list, keeping ids of the projects it still has', () => {
    const merged = mergeProjects(registry, answered(), {
      mode: 'replace',
      date: DATE,
      toPinyin,
      fileName: 'x.xlsx',
    });
    expect(merged.removed).toEqual([
      'casic-industrial-park',
      'harbin-energy-storage',
      'data-lake-park',
      // The fixture's project with no reported park.
      'sodium-battery-materials',
    ]);
    expect(merged.file.projects.map((p) => p['id'])).toContain('aero-special-materials');
    expect(merged.file.projects).toHaveLength(merged.added.length + 1);
    expect(validateProjects(registry, merged.file).findings).toEqual([]);
  });

  it('imports a project once when two rows name it', () => {
    const twice = answered();
    const dup = { ...twice, rows: [...twice.rows, { ...row(twice, ROWS.alias), row: 99 }] };
    const merged = mergeProjects(registry, dup, {
      mode: 'merge',
      date: DATE,
      toPinyin,
      fileName: 'x.xlsx',
    });
    expect(merged.duplicates.get(99)?.en).toBe('the same project as row 5; not imported twice');
  });

  it('formats projects.json as geo/ holds it', () => {
    const merged = mergeProjects(registry, answered(), {
      mode: 'merge',
      date: DATE,
      toPinyin,
      fileName: 'x.xlsx',
    });
    const text = formatProjectsFile(merged.file);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(merged.file)));
    expect(text).toContain('\n  "projects": [\n    {\n      "id": ');
  });
});
