import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/data/schema';
import type { Registry } from '../../src/data/registry';
import {
  ADDED_IN_APP,
  EDITED_IN_APP,
  editProjects,
  formFromProject,
  readForm,
  uniqueId,
  type ProjectFormValues,
} from '../../src/domain/projectForm';
import { labelPoint } from '../../src/geometry/labelPoint';
import { checkContext, checkProject } from '../../src/import/projects';
import { fieldOfProblem } from '../../src/state/projectEditor';
import { validateDirectory } from '../../scripts/validate';

const TODAY = '2026-12-01';
let registry: Registry;
let lake: Project;

beforeAll(async () => {
  const shipped = await validateDirectory(resolve(import.meta.dirname, '../../geo'));
  registry = shipped.registry;
  lake = registry.projects.find((p) => p.id === 'zhenjiang-data-lake-park')!;
});

function form(values: Partial<ProjectFormValues>): ProjectFormValues {
  return { ...formFromProject(null, { park: 'gt' }), chain: 'next-gen-it', ...values };
}

const gtInside = (): [number, number] => {
  const park = registry.parks.find((p) => p.properties.id === 'gt')!;
  return labelPoint(park.geometry);
};

describe('readForm', () => {
  it('reads a new project: names, money in 万元 as 亿元, year, location, and an "added in the app" source', () => {
    const [lon, lat] = gtInside();
    const read = readForm(
      form({
        nameZh: ' 测试项目 ',
        nameEn: 'Test project',
        year: '２０２５',
        investment: '12,000',
        unit: 'wan',
        lon: String(lon),
        lat: String(lat),
        status: 'signed',
      }),
      { base: null, id: 'ce-shi-xiang-mu', today: TODAY },
    );
    expect(read.problems).toEqual([]);
    expect(read.record).toMatchObject({
      id: 'ce-shi-xiang-mu',
      name: { zh: '测试项目', en: 'Test project' },
      park: 'gt',
      park_basis: 'reported',
      chain: 'next-gen-it',
      chain_basis: 'reported',
      segment: null,
      segment_basis: null,
      status: 'signed',
      year: 2025,
      investment_cny_100m: 1.2,
      location: [lon, lat],
      confidence: 'M',
      sources: [{ title: ADDED_IN_APP, date: TODAY }],
    });
    expect(checkProject(read.record, checkContext(registry))).toEqual([]);
  });

  it('names the field and the problem for what it cannot read', () => {
    const read = readForm(form({ nameZh: '  ', year: '去年', investment: '很多', lon: '119.5' }), {
      base: null,
      id: 'x',
      today: TODAY,
    });
    expect(read.problems.map((p) => [p.field, p.message.zh])).toEqual([
      ['nameZh', '项目名称（中文）：不能为空'],
      ['year', '年份：「去年」不是年份（如 2024）'],
      ['investment', '总投资：「很多」不是数字'],
      ['location', '坐标：经度和纬度要一起填写'],
    ]);
    expect(read.problems[1]!.message.en).toBe('Year: "去年" is not a year (such as 2024)');
  });

  it('refuses a location for a project in no park, and a source link without a title', () => {
    const read = readForm(
      form({ nameZh: '测试', park: '', lon: '119.5', lat: '32.1', sourceUrl: 'https://a.cn' }),
      {
        base: null,
        id: 'x',
        today: TODAY,
      },
    );
    expect(read.problems.map((p) => p.field)).toEqual(['location', 'sourceTitle']);
  });

  it('edits a project: keeps what the form does not show, bases of unchanged values, and says what changed', () => {
    const values = { ...formFromProject(lake), year: '2026', sourceTitle: '园区公众号 2026-11' };
    const read = readForm(values, { base: lake, id: 'ignored', today: TODAY });
    expect(read.problems).toEqual([]);
    expect(read.changed).toEqual(['year', 'sources']);
    expect(read.record).toMatchObject({
      id: lake.id,
      park_basis: lake.park_basis,
      chain_basis: lake.chain_basis,
      segment: lake.segment,
      segment_basis: lake.segment_basis,
      confidence: lake.confidence,
      year: 2026,
    });
    expect(read.record['note']).toEqual(lake.note);
    const sources = read.record['sources'] as Project['sources'];
    expect(sources.slice(0, lake.sources.length)).toEqual(lake.sources);
    expect(sources.slice(lake.sources.length)).toEqual([
      { title: '园区公众号 2026-11' },
      { title: EDITED_IN_APP, date: TODAY, note: '改动字段 / fields changed: year, sources' },
    ]);
  });

  it('an unchanged form changes nothing; a second edit the same day folds into one edit source', () => {
    expect(readForm(formFromProject(lake), { base: lake, id: '', today: TODAY }).changed).toEqual(
      [],
    );
    const first = readForm(
      { ...formFromProject(lake), year: '2026' },
      { base: lake, id: '', today: TODAY },
    );
    const edited = first.record as unknown as Project;
    const second = readForm(
      { ...formFromProject(edited), status: 'planned' },
      { base: edited, id: '', today: TODAY },
    );
    const mine = (second.record['sources'] as Project['sources']).filter(
      (s) => s.title === EDITED_IN_APP,
    );
    expect(mine).toEqual([
      { title: EDITED_IN_APP, date: TODAY, note: '改动字段 / fields changed: status, year' },
    ]);
  });

  it('a changed chain drops the segment basis it no longer has and calls the chain reported', () => {
    const read = readForm(
      { ...formFromProject(lake), chain: 'aerospace', segment: '' },
      { base: lake, id: '', today: TODAY },
    );
    expect(read.record).toMatchObject({
      chain: 'aerospace',
      chain_basis: 'reported',
      segment: null,
      segment_basis: null,
    });
  });
});

describe('fieldOfProblem', () => {
  it('finds the form field of each record-check problem', () => {
    const context = checkContext(registry);
    const base = readForm(form({ nameZh: '测试' }), {
      base: null,
      id: 'ce-shi',
      today: TODAY,
    }).record;
    const fieldsOf = (record: Record<string, unknown>) =>
      checkProject(record, context).map((problem) => fieldOfProblem(problem));
    expect(fieldsOf({ ...base, year: 1700 })).toEqual(['year']);
    expect(fieldsOf({ ...base, investment_cny_100m: -1 })).toEqual(['investment']);
    expect(fieldsOf({ ...base, park: 'nowhere' })).toEqual(['park']);
    expect(fieldsOf({ ...base, chain: 'nothing' })).toEqual(['chain']);
    expect(fieldsOf({ ...base, segment: 'aero-engines' })).toEqual(['segment']);
    expect(fieldsOf({ ...base, location: [119.0, 31.5] })).toEqual(['location']);
    expect(fieldsOf({ ...base, name: { zh: '' } })).toEqual(['nameZh']);
    expect(fieldsOf({ ...base, sources: [{ title: 'x', url: 'javascript:alert(1)' }] })).toContain(
      'sourceUrl',
    );
    expect(fieldsOf({ ...base, sources: [{ title: 'x', date: '2024-13' }] })).toEqual([
      'sourceDate',
    ]);
  });
});

describe('editProjects and uniqueId', () => {
  const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('adds at the end, updates in place and deletes, naming the ids', () => {
    expect(editProjects(list, { kind: 'add', record: { id: 'd' } })).toEqual({
      projects: [...list, { id: 'd' }],
      added: ['d'],
      updated: [],
      removed: [],
    });
    expect(editProjects(list, { kind: 'update', record: { id: 'b', x: 1 } }).projects).toEqual([
      { id: 'a' },
      { id: 'b', x: 1 },
      { id: 'c' },
    ]);
    expect(editProjects(list, { kind: 'delete', id: 'b' })).toEqual({
      projects: [{ id: 'a' }, { id: 'c' }],
      added: [],
      updated: [],
      removed: ['b'],
    });
  });
  it('picks the first free id', () => {
    expect(uniqueId('a', new Set(['b']))).toBe('a');
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});
