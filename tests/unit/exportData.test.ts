import { describe, expect, it } from 'vitest';
import { hasGeometry } from '../../src/data/registryPark';
import type { ParkFeature } from '../../src/data/schema';
import type { RegistryPark } from '../../src/data/registry';
import { wholeParkRecords } from '../../src/data/parkRecords';
import {
  BOM,
  csvField,
  fullProjectsOf,
  parksCsv,
  parksGeoJson,
  projectsCsv,
  toCsv,
} from '../../src/domain/exportData';
import { defaultFilter, projectsOfParks, visibleParks } from '../../src/domain/filter';
import { indexRegistry } from '../../src/domain/membership';
import {
  CHAIN,
  PARK,
  buildRegistry,
  makePark,
  makeProject,
  registry,
} from '../fixtures/sampleRegistry';

/**
 * A strict RFC 4180 reader: every record ends with CRLF, quotes only around whole fields, `""`
 * inside quotes. Anything else throws, so a sloppy writer fails the tests.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') {
        field += char;
        i += 1;
      } else if (text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else {
        quoted = false;
        i += 1;
        if (text[i] !== ',' && text[i] !== '\r')
          throw new Error(`text after a closing quote at ${i}`);
      }
    } else if (char === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (char === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (char === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (char === '\n') {
      throw new Error(`LF without CR at ${i}`);
    } else {
      field += char;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('last record does not end with CRLF');
  return rows;
}

/** Reads an exported CSV: checks the BOM, returns the header and the rows. */
function readCsv(text: string): { header: string[]; rows: string[][] } {
  expect(text.startsWith(BOM)).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(BOM.length));
  if (!header) throw new Error('no header');
  for (const row of rows) expect(row).toHaveLength(header.length);
  return { header, rows };
}

const index = indexRegistry(registry);
const ALL = defaultFilter(index);
const computedArea = (park: RegistryPark): number =>
  park.properties.id === PARK.guantang ? 14.5678 : 1;

describe('csvField', () => {
  it('leaves plain text, Chinese included, as it is', () => {
    expect(csvField('官塘创新社区')).toBe('官塘创新社区');
    expect(csvField('Guantang Innovation Community')).toBe('Guantang Innovation Community');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('新材料, 新能源')).toBe('"新材料, 新能源"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+86 511')).toBe("'+86 511");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('writes numbers as numbers and nothing as an empty field', () => {
    expect(csvField(-2.5)).toBe('-2.5');
    expect(csvField(14.57)).toBe('14.57');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('\uFEFFa,1\r\nb,\r\n');
  });
});

describe('parksCsv', () => {
  const parks = visibleParks(index, ALL).filter(hasGeometry);

  it('has bilingual headers: the label in the language, then the stable key', () => {
    expect(readCsv(parksCsv(parks, index, 'zh', computedArea)).header).toEqual([
      '编号 (id)',
      '中文名称 (name_zh)',
      '英文名称 (name_en)',
      '园区类型 (kind)',
      '所属主体开发区 (zone)',
      '级别 (level)',
      '辖市区 (district)',
      '主导产业链 (lead)',
      '报道产业 (industries)',
      '报道面积（平方公里） (area_km2)',
      '面积口径 (area_basis)',
      '面积年份 (area_year)',
      '图形面积（平方公里） (computed_area_km2)',
      '设立时间 (established)',
      '边界质量 (boundary)',
      '可信度 (confidence)',
      '项目数 (project_count)',
      '资料来源 (sources)',
    ]);
    const en = readCsv(parksCsv(parks, index, 'en', computedArea)).header;
    expect(en[0]).toBe('ID (id)');
    expect(en[3]).toBe('Kind (kind)');
  });

  it('writes the parks in the order given, one row each', () => {
    const { rows } = readCsv(parksCsv(parks, index, 'zh', computedArea));
    expect(rows.map((row) => row[0])).toEqual([
      PARK.hitech,
      PARK.etdz,
      PARK.danyangHitech,
      PARK.jurong,
      PARK.yangzhong,
      PARK.guantang,
      PARK.aero,
      PARK.dantuAuto,
    ]);
  });

  it('writes a park with labels in Chinese', () => {
    const { rows } = readCsv(parksCsv(parks, index, 'zh', computedArea));
    expect(rows.find((row) => row[0] === PARK.guantang)).toEqual([
      'gt',
      '官塘创新社区',
      'Guantang Innovation Community',
      '提级管理园区',
      '',
      '市级',
      '润州区',
      '新一代信息技术',
      '',
      '14.57',
      '行政区域面积',
      '2022',
      '14.57',
      '2020-10-28',
      '示意边界',
      '中',
      '2',
      'Unit-test fixture (not a real source)',
    ]);
    const etdz = rows.find((row) => row[0] === PARK.etdz);
    expect(etdz?.[7]).toBe('高性能材料; 航空航天');
    expect(etdz?.[8]).toBe('新材料; 新能源');
  });

  it('writes a park with labels in English, names falling back to Chinese', () => {
    const { rows } = readCsv(parksCsv(parks, index, 'en', computedArea));
    expect(rows.find((row) => row[0] === PARK.aero)?.slice(3, 11)).toEqual([
      'Linked park',
      'Zhenjiang Economic and Technological Development Zone',
      'Municipal',
      'Zhenjiang New Area',
      'Aerospace',
      '',
      '10',
      'planned area',
    ]);
    const dantu = rows.find((row) => row[0] === PARK.dantuAuto);
    expect(dantu?.[2]).toBe('');
    expect(dantu?.[6]).toBe('Dantu District');
  });

  it('survives commas, quotes, line breaks and formulas in the data', () => {
    const tricky = makePark(
      {
        id: 'tricky',
        name: { zh: '=HYPERLINK("http://x","点我"),\n第二行', en: '-2+3' },
        kind: 'main',
        level: 'county',
        district: '京口区',
        lead: [CHAIN.it],
      },
      [119.49, 32.19],
      {
        industries: [{ zh: '@SUM(A1)', en: '\tTab' }],
        sources: [{ title: 'Report, "quoted"\r\nsecond line', url: 'https://example.com/a' }],
      },
    );
    const small = indexRegistry(buildRegistry({ parks: [tricky] }));
    const zh = readCsv(parksCsv(small.parks.filter(hasGeometry), small, 'zh', () => 0.004)).rows[0];
    expect(zh?.[1]).toBe('\'=HYPERLINK("http://x","点我"),\n第二行');
    expect(zh?.[2]).toBe("'-2+3");
    expect(zh?.[8]).toBe("'@SUM(A1)");
    expect(zh?.[12]).toBe('0');
    expect(zh?.[17]).toBe('Report, "quoted"\r\nsecond line <https://example.com/a>');
    const en = readCsv(parksCsv(small.parks.filter(hasGeometry), small, 'en', () => 0)).rows[0];
    expect(en?.[8]).toBe("'\tTab");
  });
});

describe('projectsCsv', () => {
  const records = wholeParkRecords(registry);
  const projects = fullProjectsOf(
    index,
    visibleParks(index, ALL).map((park) => {
      const record = records.now(park.properties.id);
      if (!record) throw new Error(`no record of ${park.properties.id}`);
      return record;
    }),
  );

  it('takes the full records in the order of projectsOfParks, and names a missing one', () => {
    expect(projects.map((project) => project.id)).toEqual(
      projectsOfParks(index, visibleParks(index, ALL)).map((project) => project.id),
    );
    const gt = records.now(PARK.guantang);
    if (!gt) throw new Error('no record of gt');
    expect(() => fullProjectsOf(index, [{ ...gt, projects: gt.projects.slice(1) }])).toThrow(
      `the record of park gt has no project ${gt.projects[0]?.id ?? '?'}`,
    );
  });

  it('writes the projects in the order given, with park and chain names', () => {
    const { header, rows } = readCsv(projectsCsv(projects, index, 'zh'));
    expect(header.map((cell) => cell.replace(/.* \((\w+)\)$/, '$1'))).toEqual([
      'id',
      'name_zh',
      'name_en',
      'park_id',
      'park',
      'park_basis',
      'chain',
      'chain_basis',
      'status',
      'year',
      'investment_cny_100m',
      'lon',
      'lat',
      'confidence',
      'sources',
    ]);
    expect(rows).toHaveLength(11);
    expect(rows[0]?.[0]).toBe('harbin-storage');
    expect(rows.find((row) => row[0] === 'sopo-eva')).toEqual([
      'sopo-eva',
      '索普醋酸乙烯及EVA一体化',
      '',
      'zj-etdz',
      '镇江经济技术开发区',
      '报道',
      '高性能材料',
      '推断',
      '在建',
      '2024',
      '32',
      '',
      '',
      '中',
      'Unit-test fixture (not a real source)',
    ]);
  });

  it('writes English labels and a location', () => {
    const located = makeProject(
      {
        id: 'located',
        name: { zh: '测试项目', en: 'Test project' },
        park: PARK.guantang,
        chain: CHAIN.it,
      },
      { location: [119.465, 32.15], status: 'planned' },
    );
    const row = readCsv(projectsCsv([located], index, 'en')).rows[0];
    expect(row?.slice(2, 13)).toEqual([
      'Test project',
      'gt',
      'Guantang Innovation Community',
      'Reported',
      'New-generation IT',
      'Inferred',
      'Planned',
      '',
      '',
      '119.465',
      '32.15',
    ]);
  });
});

describe('parksGeoJson', () => {
  it('is an RFC 7946 FeatureCollection of the parks given', () => {
    const parks = visibleParks(index, { ...ALL, districts: new Set(['润州区'] as const) });
    const withGeometry = parks.filter(hasGeometry);
    expect(withGeometry).toHaveLength(parks.length);
    const parsed: unknown = JSON.parse(parksGeoJson(withGeometry));
    expect(parsed).toEqual({
      type: 'FeatureCollection',
      features: parks.map((park) => ({
        type: 'Feature',
        properties: park.properties,
        geometry: park.geometry,
      })),
    });
    expect(Object.keys(parsed as object)).toEqual(['type', 'features']);
    expect((parsed as { features: unknown[] }).features).toHaveLength(2);
  });

  it('writes only type, properties and geometry for each feature', () => {
    const [park] = registry.parks;
    if (!park) throw new Error('fixture has parks');
    const withExtras = { ...park, crs: { type: 'name' }, bbox: [0, 0, 1, 1] } as ParkFeature;
    const parsed = JSON.parse(parksGeoJson([withExtras])) as { features: object[] };
    expect(Object.keys(parsed.features[0] ?? {})).toEqual(['type', 'properties', 'geometry']);
  });
});
