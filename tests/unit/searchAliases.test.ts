import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { validateRegistry } from '../../src/data/validate';
import type { ParkFeature } from '../../src/data/schema';
import { indexRegistry } from '../../src/domain/membership';
import { buildSearchIndex, makeToPinyin, search, type SearchResult } from '../../src/domain/search';
import { CHAIN, buildRegistry, makePark, makeProject } from '../fixtures/sampleRegistry';

const toPinyin = makeToPinyin(pinyin);

const found = (results: readonly SearchResult[]): string[] =>
  results.map((result) => `${result.id}:${result.tier}:${result.alias ?? '-'}`);

const park = (
  id: string,
  zh: string,
  aliases: string[],
  en?: string,
  centre: [number, number] = [119.45, 32.15],
): ParkFeature =>
  makePark(
    {
      id,
      name: en === undefined ? { zh } : { zh, en },
      kind: 'main',
      level: 'provincial',
      district: '京口区',
      lead: [CHAIN.power],
    },
    centre,
    { aliases },
  );

// Names and aliases shaped like the registry's, apart enough that no park's square overlaps.
const fixture = buildRegistry({
  parks: [
    park(
      'cbz',
      '镇江综合保税区',
      ['镇江综保区', '镇江出口加工区'],
      'Zhenjiang Comprehensive Bonded Zone',
      [119.4, 32.1],
    ),
    park('hitech', '镇江高新技术产业开发区', ['镇江高新区', '高新区'], undefined, [119.5, 32.1]),
    park('dy', '丹阳高新技术产业开发区', ['丹阳高新区'], undefined, [119.6, 32.1]),
    park('gxq-name', '高新区创业园', [], undefined, [119.7, 32.1]),
    park('plain', '句容临港工业集中区', [], undefined, [119.8, 32.1]),
  ],
  projects: [
    makeProject({ id: 'p1', name: { zh: '临港码头' }, park: 'plain', chain: CHAIN.power }),
  ],
});
const searchIndex = buildSearchIndex(indexRegistry(fixture), toPinyin);

describe('search by a park’s aliases', () => {
  it('matches an alias exactly, reports which, and shows the official name', () => {
    const [first] = search(searchIndex, '镇江综保区', 10);
    expect(first).toEqual({
      kind: 'park',
      id: 'cbz',
      parkId: 'cbz',
      name: { zh: '镇江综合保税区', en: 'Zhenjiang Comprehensive Bonded Zone' },
      tier: 'exact',
      alias: '镇江综保区',
      highlight: { field: 'alias', start: 0, end: 5 },
    });
  });

  it('matches the start of an alias and a part inside one, with the range in the alias', () => {
    const prefix = search(searchIndex, '镇江出口', 10);
    expect(found(prefix)).toEqual(['cbz:prefix:镇江出口加工区']);
    expect(prefix[0]?.highlight).toEqual({ field: 'alias', start: 0, end: 4 });
    const inside = search(searchIndex, '综保区', 10);
    expect(found(inside)).toEqual(['cbz:substring:镇江综保区']);
    expect(inside[0]?.highlight).toEqual({ field: 'alias', start: 2, end: 5 });
  });

  it('ranks a name match above an alias match of the same tier, and an alias above a worse tier', () => {
    // 高新区创业园 starts with the query (name, prefix); 高新区 is one park's whole alias (alias,
    // exact); 镇江高新区 and 丹阳高新区 contain it (alias, substring).
    expect(found(search(searchIndex, '高新区', 10))).toEqual([
      'hitech:exact:高新区',
      'gxq-name:prefix:-',
      'dy:substring:丹阳高新区',
    ]);
    // Both 丹阳高新技术产业开发区 (name) and 丹阳高新区 (alias) start with 丹阳高新: the name wins and
    // no alias is reported.
    expect(found(search(searchIndex, '丹阳高新', 10))).toEqual(['dy:prefix:-']);
  });

  it('puts the official name of one park before another park’s alias on the same tier', () => {
    const registry = buildRegistry({
      parks: [
        park('nick', '阿园', ['官塘'], undefined, [119.4, 32.1]),
        park('official', '官塘', [], undefined, [119.5, 32.1]),
      ],
    });
    const index = indexRegistry(registry);
    // 阿园 (a) comes first in the list order, yet the exact name ranks above the exact alias.
    expect(index.parks.map((p) => p.properties.id)).toEqual(['nick', 'official']);
    const results = search(buildSearchIndex(index), '官塘', 10);
    expect(found(results)).toEqual(['official:exact:-', 'nick:exact:官塘']);
  });

  it('matches the pinyin of an alias, below the pinyin of a name on the same tier', () => {
    // gxq: the initials of 高新区 (one alias of hitech) and of the name 高新区创业园.
    expect(found(search(searchIndex, 'gxq', 10))).toEqual([
      'gxq-name:pinyin-initials-prefix:-',
      'hitech:pinyin-initials-prefix:高新区',
      'dy:pinyin-substring:丹阳高新区',
    ]);
    expect(found(search(searchIndex, 'zongbao', 10))).toEqual(['cbz:pinyin-substring:镇江综保区']);
    expect(search(searchIndex, 'zjzbq', 1)[0]?.highlight).toBeNull();
  });

  it('leaves parks without aliases, and projects, matching as before', () => {
    expect(found(search(searchIndex, '临港', 10))).toEqual(['p1:prefix:-', 'plain:substring:-']);
    expect(found(search(searchIndex, 'jrlg', 10))).toEqual(['plain:pinyin-initials-prefix:-']);
  });

  it('matches aliases by text before pinyin has loaded', () => {
    const withoutPinyin = buildSearchIndex(indexRegistry(fixture));
    expect(found(search(withoutPinyin, '综保区', 10))).toEqual(['cbz:substring:镇江综保区']);
    expect(search(withoutPinyin, 'zbq', 10)).toEqual([]);
  });
});

describe('search by aliases on the registry in geo/', () => {
  const read = (name: string): unknown =>
    JSON.parse(readFileSync(resolve(import.meta.dirname, '../../geo', name), 'utf8'));
  const { registry } = validateRegistry({
    chains: read('chains.json'),
    parks: read('parks.geojson'),
    projects: read('projects.json'),
    firms: read('firms.json'),
  } as Parameters<typeof validateRegistry>[0]);
  const geoIndex = buildSearchIndex(indexRegistry(registry), toPinyin);

  it('finds every park called 高新区, the one of that very alias first', () => {
    // geo/parks.geojson: zj-hitech has the alias 高新区; dy-hitech 丹阳高新区, yz-hitech 扬中高新区;
    // no park's or project's name contains 高新区.
    const results = search(geoIndex, '高新区', 10);
    expect(results.map((r) => [r.id, r.name.zh, r.alias])).toEqual([
      ['zj-hitech', '镇江高新技术产业开发区', '高新区'],
      ['dy-hitech', '丹阳高新技术产业开发区', '丹阳高新区'],
      ['yz-hitech', '扬中高新技术产业开发区', '扬中高新区'],
    ]);
  });

  it('finds 镇江综合保税区 by 综保区 and 丹阳高新技术产业开发区 by 丹阳高新区', () => {
    expect(search(geoIndex, '综保区', 10).map((r) => [r.id, r.alias])).toEqual([
      ['zj-cbz', '镇江综保区'],
    ]);
    expect(search(geoIndex, '丹阳高新区', 10).map((r) => [r.id, r.tier, r.alias])).toEqual([
      ['dy-hitech', 'exact', '丹阳高新区'],
    ]);
  });
});
