import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { indexRegistry } from '../../src/domain/membership';
import {
  buildSearchIndex,
  loadPinyin,
  makeToPinyin,
  pinyinKey,
  search,
  type SearchResult,
} from '../../src/domain/search';
import {
  CHAIN,
  PARK,
  buildRegistry,
  makePark,
  makeProject,
  registry,
} from '../fixtures/sampleRegistry';

const toPinyin = makeToPinyin(pinyin);
const index = indexRegistry(registry);
const searchIndex = buildSearchIndex(index, toPinyin);

const found = (results: readonly SearchResult[]): string[] =>
  results.map((result) => `${result.kind}:${result.id}:${result.tier}`);

describe('makeToPinyin (with the real pinyin-pro)', () => {
  it('gives the syllables and their initials, letters only', () => {
    expect(toPinyin('官塘创新社区')).toEqual({
      full: 'guan tang chuang xin she qu',
      initials: 'gtcxsq',
    });
    expect(toPinyin('联东·官塘科技港')).toEqual({
      full: 'lian dong guan tang ke ji gang',
      initials: 'ldgtkjg',
    });
  });

  it('reads characters in context and keeps letters and digits', () => {
    expect(toPinyin('长城汽车').full).toBe('chang cheng qi che');
    expect(toPinyin('孚能科技 20GWh')).toEqual({
      full: 'fu neng ke ji 20gwh',
      initials: 'fnkj20gwh',
    });
  });

  it('writes ü as v, as pinyin keyboards do', () => {
    expect(pinyinKey('lü se')).toBe('lvse');
    expect(toPinyin('绿色').full).toBe('lv se');
  });
});

describe('loadPinyin', () => {
  it('loads pinyin-pro on demand and converts like makeToPinyin', async () => {
    const loaded = await loadPinyin();
    expect(loaded('镇江经济技术开发区')).toEqual({
      full: 'zhen jiang jing ji ji shu kai fa qu',
      initials: 'zjjjjskfq',
    });
  });
});

describe('search by Chinese name', () => {
  it('ranks the exact name first', () => {
    expect(found(search(searchIndex, '官塘创新社区', 10))).toEqual(['park:gt:exact']);
  });

  it('finds a name by its start and by a part inside, with the matched range', () => {
    const results = search(searchIndex, '官塘', 10);
    expect(found(results)).toEqual(['park:gt:prefix', 'project:liandong-guantang:substring']);
    expect(results[0]?.highlight).toEqual({ field: 'zh', start: 0, end: 2 });
    expect(results[1]?.highlight).toEqual({ field: 'zh', start: 3, end: 5 });
    expect(results[1]?.parkId).toBe(PARK.guantang);
  });

  it('ignores punctuation such as the middle dot, without a highlight', () => {
    const results = search(searchIndex, '联东官塘', 10);
    expect(found(results)).toEqual(['project:liandong-guantang:prefix']);
    expect(results[0]?.highlight).toBeNull();
  });

  it('puts parks before projects on the same tier, each in list order', () => {
    expect(found(search(searchIndex, '镇江', 10))).toEqual([
      `park:${PARK.hitech}:prefix`,
      `park:${PARK.etdz}:prefix`,
      `park:${PARK.aero}:prefix`,
      `park:${PARK.dantuAuto}:prefix`,
      'project:zhenjiang-shipyard-tug:prefix',
      'project:zhenjiang-data-lake:prefix',
      'project:aerosun-materials:substring',
    ]);
  });

  it('returns at most limit results, the best ones', () => {
    expect(found(search(searchIndex, '镇江', 3))).toEqual([
      `park:${PARK.hitech}:prefix`,
      `park:${PARK.etdz}:prefix`,
      `park:${PARK.aero}:prefix`,
    ]);
  });

  it('ranks a better tier above kind: an exact project above parks by prefix', () => {
    const small = indexRegistry(
      buildRegistry({
        parks: [
          makePark({
            id: 'dy-edz',
            name: { zh: '丹阳经济开发区' },
            kind: 'main',
            level: 'provincial',
            district: '丹阳市',
            lead: [CHAIN.materials],
          }),
          makePark({
            id: 'dy-hitech',
            name: { zh: '丹阳高新技术产业开发区' },
            kind: 'main',
            level: 'provincial',
            district: '丹阳市',
            lead: [CHAIN.medical],
          }),
        ],
        projects: [
          makeProject({
            id: 'leaguer',
            name: { zh: '力合科创(丹阳)智能制造产业园' },
            park: 'dy-hitech',
            chain: CHAIN.materials,
          }),
          makeProject({
            id: 'danyang',
            name: { zh: '丹阳' },
            park: 'dy-edz',
            chain: CHAIN.materials,
          }),
        ],
      }),
    );
    expect(found(search(buildSearchIndex(small, toPinyin), '丹阳', 10))).toEqual([
      'project:danyang:exact',
      'park:dy-hitech:prefix', // dan yang gao
      'park:dy-edz:prefix', // dan yang jing
      'project:leaguer:substring',
    ]);
  });
});

describe('search by English name', () => {
  it('is case-insensitive and matches inside names', () => {
    const results = search(searchIndex, 'HI-TECH', 10);
    expect(found(results)).toEqual([
      `park:${PARK.hitech}:substring`,
      `park:${PARK.danyangHitech}:substring`,
    ]);
    expect(results[0]?.highlight).toEqual({ field: 'en', start: 10, end: 17 });
    expect(results[1]?.highlight).toEqual({ field: 'en', start: 8, end: 15 });
  });

  it('ranks a project whose name starts with the query above a park containing it', () => {
    expect(found(search(searchIndex, 'aerospace', 10))).toEqual([
      'project:aerosun-materials:prefix',
      `park:${PARK.aero}:substring`,
    ]);
  });

  it('folds full-width letters typed on a Chinese keyboard', () => {
    expect(found(search(searchIndex, 'ＧＵＡＮＴＡＮＧ', 1))).toEqual(['park:gt:prefix']);
  });
});

describe('search by pinyin', () => {
  it('matches initials, whole or in part', () => {
    expect(found(search(searchIndex, 'gt', 10))).toEqual([
      'park:gt:pinyin-initials-prefix',
      'project:liandong-guantang:pinyin-substring', // l d g t k j g
    ]);
    expect(found(search(searchIndex, 'gtcxsq', 10))).toEqual(['park:gt:pinyin-initials-prefix']);
    expect(found(search(searchIndex, 'zjst', 10))).toEqual([
      `park:${PARK.dantuAuto}:pinyin-initials-prefix`,
    ]);
  });

  it('matches full pinyin, spaces optional', () => {
    expect(found(search(searchIndex, 'zhenjiangsheng', 10))).toEqual([
      `park:${PARK.dantuAuto}:pinyin-full-prefix`,
    ]);
    expect(found(search(searchIndex, 'zhen jiang sheng', 10))).toEqual([
      `park:${PARK.dantuAuto}:pinyin-full-prefix`,
    ]);
    expect(found(search(searchIndex, 'changcheng', 10))).toEqual([
      'project:great-wall-parts:pinyin-full-prefix',
    ]);
  });

  it('matches pinyin inside a name only from the start of a syllable', () => {
    // 航天 is hang|tian and 生态 sheng|tai: "gt" is not at a syllable start in either.
    expect(found(search(searchIndex, 'gt', 10))).not.toContain(
      `park:${PARK.aero}:pinyin-substring`,
    );
    expect(found(search(searchIndex, 'tangke', 10))).toEqual([
      'project:liandong-guantang:pinyin-substring', // lian dong guan |tang ke| ji gang
    ]);
    expect(found(search(searchIndex, 'angke', 10))).toEqual([]);
  });

  it('prefers a name match to a pinyin match', () => {
    // 官塘创新社区's English name starts with "Guantang"; 联东·官塘科技港 has it only in its pinyin.
    expect(found(search(searchIndex, 'guantang', 10))).toEqual([
      'park:gt:prefix',
      'project:liandong-guantang:pinyin-substring',
    ]);
  });

  it('ranks the tiers in order: names, then initials, full pinyin and pinyin inside', () => {
    expect(found(search(searchIndex, 'zhenjiang', 10))).toEqual([
      `park:${PARK.hitech}:prefix`,
      `park:${PARK.etdz}:prefix`,
      `park:${PARK.aero}:prefix`,
      'project:zhenjiang-data-lake:prefix',
      'project:aerosun-materials:substring', // "Aerospace Haiying (Zhenjiang) …"
      `park:${PARK.dantuAuto}:pinyin-full-prefix`, // no English name
      'project:zhenjiang-shipyard-tug:pinyin-full-prefix',
    ]);
  });

  it('does nothing with pinyin until pinyin is loaded, but still matches names', () => {
    const withoutPinyin = buildSearchIndex(index);
    expect(search(withoutPinyin, 'zjst', 10)).toEqual([]);
    expect(found(search(withoutPinyin, '官塘创新社区', 10))).toEqual(['park:gt:exact']);
  });
});

describe('search edge cases', () => {
  it('returns nothing for an empty query, a blank query or a limit of 0', () => {
    expect(search(searchIndex, '', 10)).toEqual([]);
    expect(search(searchIndex, '   ', 10)).toEqual([]);
    expect(search(searchIndex, '官塘', 0)).toEqual([]);
  });

  it('returns nothing when nothing matches', () => {
    expect(search(searchIndex, '上海', 10)).toEqual([]);
    expect(search(searchIndex, 'qqqq', 10)).toEqual([]);
  });

  it('gives each result the name to show', () => {
    const [first] = search(searchIndex, 'gtcxsq', 1);
    expect(first?.name).toEqual({ zh: '官塘创新社区', en: 'Guantang Innovation Community' });
  });
});
