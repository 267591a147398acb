import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISTRICTS, PARK_KINDS, PARK_LEVELS } from '../../src/data/schema';
import { defaultFilter, toggleDistrict, type FilterState } from '../../src/domain/filter';
import { indexRegistry } from '../../src/domain/membership';
import {
  MAX_HASH_LENGTH,
  MAX_IGNORED,
  MAX_IGNORED_CHARS,
  decodeHash,
  encodeHash,
  hasMapView,
  type AppUrlState,
} from '../../src/domain/urlState';
import { CHAIN, PARK, registry } from '../fixtures/sampleRegistry';

const index = indexRegistry(registry);
const ALL = defaultFilter(index);
const DEFAULT_STATE: AppUrlState = { filter: ALL, park: null, project: null, lang: 'zh' };
const MAP = 'map=11.5/32.15/119.45';

const withFilter = (filter: Partial<FilterState>): AppUrlState => ({
  ...DEFAULT_STATE,
  filter: { ...ALL, ...filter },
});

/** What MapLibre 6's Hash class does to the hash on every move (src/ui/hash.ts, getHashString). */
function mapLibreRewrite(hash: string, mapValue: string): string {
  const params = new URLSearchParams(hash.replace('#', ''));
  params.set('map', mapValue);
  return `#${decodeURIComponent(params.toString()).replace(/=&/g, '&').replace(/=$/g, '')}`;
}

describe('encodeHash', () => {
  it('writes nothing for the default state without a map position', () => {
    expect(encodeHash(DEFAULT_STATE, index, '')).toBe('');
  });

  it("keeps MapLibre's map parameter verbatim and first", () => {
    expect(encodeHash(DEFAULT_STATE, index, `#${MAP}`)).toBe(`#${MAP}`);
    const state: AppUrlState = { ...DEFAULT_STATE, park: PARK.guantang, lang: 'en' };
    expect(encodeHash(state, index, `#park=zj-hitech&${MAP}/12.5/40`)).toBe(
      `#${MAP}/12.5/40&park=gt&lang=en`,
    );
  });

  it('drops a map parameter that is not numbers and slashes, and stale parameters', () => {
    expect(encodeHash(DEFAULT_STATE, index, '#map=<b>1</b>&old=1&chains=aerospace')).toBe('');
  });

  it('lists checked chains in registry order, and omits the list when all are checked', () => {
    const state = withFilter({ chains: new Set([CHAIN.it, CHAIN.aerospace]) });
    expect(encodeHash(state, index, `#${MAP}`)).toBe(`#${MAP}&chains=aerospace,new-generation-it`);
  });

  it('writes none when nothing is checked', () => {
    expect(encodeHash(withFilter({ chains: new Set(), kinds: new Set() }), index, '')).toBe(
      '#chains=none&kinds=none',
    );
  });

  it('percent-encodes district names', () => {
    const state = withFilter({ districts: new Set(['润州区', '扬中市'] as const) });
    expect(encodeHash(state, index, '')).toBe(
      '#districts=%E6%B6%A6%E5%B7%9E%E5%8C%BA,%E6%89%AC%E4%B8%AD%E5%B8%82',
    );
  });

  it('writes every part in a fixed order', () => {
    const state: AppUrlState = {
      filter: {
        chains: new Set([CHAIN.it]),
        kinds: new Set(['elevated', 'main'] as const),
        levels: new Set(['municipal'] as const),
        districts: new Set(['润州区'] as const),
      },
      park: PARK.guantang,
      project: 'liandong-guantang',
      lang: 'en',
    };
    expect(encodeHash(state, index, `#lang=zh&${MAP}`)).toBe(
      `#${MAP}&chains=new-generation-it&kinds=main,elevated&levels=municipal` +
        '&districts=%E6%B6%A6%E5%B7%9E%E5%8C%BA&park=gt&project=liandong-guantang&lang=en',
    );
  });
});

describe('decodeHash', () => {
  it('gives the default state for an empty hash', () => {
    expect(decodeHash('', index)).toEqual({ state: DEFAULT_STATE, ignored: [] });
    expect(decodeHash('#', index)).toEqual({ state: DEFAULT_STATE, ignored: [] });
  });

  it('reads every part, with or without the leading #', () => {
    const hash = `${MAP}&chains=aerospace,new-energy&levels=national&park=zj-hitech&lang=en`;
    const expected: AppUrlState = {
      filter: {
        ...ALL,
        chains: new Set([CHAIN.aerospace, CHAIN.newEnergy]),
        levels: new Set(['national'] as const),
      },
      park: PARK.hitech,
      project: null,
      lang: 'en',
    };
    expect(decodeHash(hash, index)).toEqual({ state: expected, ignored: [] });
    expect(decodeHash(`#${hash}`, index)).toEqual({ state: expected, ignored: [] });
  });

  it('reads district names raw or percent-encoded', () => {
    const expected = withFilter({ districts: new Set(['润州区'] as const) });
    expect(decodeHash('#districts=润州区', index).state).toEqual(expected);
    expect(decodeHash('#districts=%E6%B6%A6%E5%B7%9E%E5%8C%BA', index).state).toEqual(expected);
  });

  it('reads chains=none as nothing checked', () => {
    expect(decodeHash('#chains=none', index).state.filter.chains).toEqual(new Set());
  });

  it('ignores unknown list items, applies the known ones and reports the rest', () => {
    const { state, ignored } = decodeHash('#chains=aerospace,rockets&kinds=main,huge', index);
    expect(state.filter.chains).toEqual(new Set([CHAIN.aerospace]));
    expect(state.filter.kinds).toEqual(new Set(['main']));
    expect(ignored).toEqual(['chains=rockets', 'kinds=huge']);
  });

  it('ignores a list with no known item as a whole, leaving everything checked', () => {
    const { state, ignored } = decodeHash('#chains=rockets,lasers', index);
    expect(state.filter.chains).toEqual(ALL.chains);
    expect(ignored).toEqual(['chains=rockets', 'chains=lasers']);
  });

  it('selects the park of a known project', () => {
    expect(decodeHash('#project=ceec-power', index)).toEqual({
      state: { ...DEFAULT_STATE, park: PARK.hitech, project: 'ceec-power' },
      ignored: [],
    });
  });

  it("lets a project override a park that is not the project's", () => {
    const { state, ignored } = decodeHash('#park=gt&project=ceec-power', index);
    expect(state.park).toBe(PARK.hitech);
    expect(ignored).toEqual(['park=gt']);
  });

  it('ignores unknown parks, projects, languages and keys and reports them', () => {
    const { state, ignored } = decodeHash(
      '#park=atlantis&project=moonbase&lang=fr&zoom=3&chains',
      index,
    );
    expect(state).toEqual(DEFAULT_STATE);
    expect(ignored).toEqual(['park=atlantis', 'project=moonbase', 'lang=fr', 'zoom=3', 'chains']);
  });

  it('keeps the park when only the project is unknown', () => {
    const { state, ignored } = decodeHash('#park=gt&project=moonbase', index);
    expect(state.park).toBe(PARK.guantang);
    expect(state.project).toBeNull();
    expect(ignored).toEqual(['project=moonbase']);
  });

  it('takes the first of repeated keys', () => {
    const { state, ignored } = decodeHash('#lang=en&lang=zh', index);
    expect(state.lang).toBe('en');
    expect(ignored).toEqual(['lang=zh']);
  });

  it('ignores markup and malformed escapes without throwing', () => {
    const { state, ignored } = decodeHash(
      '#park=%3Cscript%3Ealert(1)%3C%2Fscript%3E&project=%E0%A4%A&chains=%ZZ,aerospace',
      index,
    );
    expect(state.park).toBeNull();
    expect(state.project).toBeNull();
    expect(state.filter.chains).toEqual(new Set([CHAIN.aerospace]));
    expect(ignored).toEqual(['park=<script>alert(1)</script>', 'project=%E0%A4%A', 'chains=%ZZ']);
  });

  it('does not let an encoded comma split a list item', () => {
    const { state, ignored } = decodeHash('#chains=aerospace%2Cnew-energy', index);
    expect(state.filter.chains).toEqual(ALL.chains);
    expect(ignored).toEqual(['chains=aerospace,new-energy']);
  });

  it('cuts a huge hash at a parameter boundary and reports it', () => {
    const huge = `#lang=en&chains=${'x'.repeat(MAX_HASH_LENGTH)}&park=gt`;
    const { state, ignored } = decodeHash(huge, index);
    expect(state.lang).toBe('en');
    expect(state.park).toBeNull();
    expect(state.filter.chains).toEqual(ALL.chains);
    expect(ignored).toHaveLength(1);
    expect(ignored[0]?.startsWith('&chains=xxx')).toBe(true);
  });

  it('reports at most a few ignored entries, each shortened', () => {
    // 50 parameters of 77 characters: under MAX_HASH_LENGTH, so none is cut off.
    const many = Array.from({ length: 50 }, (_, i) => `junk${i}=${'y'.repeat(70)}`).join('&');
    const { ignored } = decodeHash(many, index);
    expect(ignored).toHaveLength(MAX_IGNORED);
    expect(ignored[MAX_IGNORED - 1]).toBe('… (+41)');
    expect(ignored[0]).toBe(`junk0=${'y'.repeat(53)}…`);
  });

  it("leaves MapLibre's map parameter alone and does not report it", () => {
    expect(decodeHash('#map=garbage&map=12/1/2', index)).toEqual({
      state: DEFAULT_STATE,
      ignored: [],
    });
  });
});

describe('MapLibre compatibility', () => {
  it('tells a link with a camera view from one without, wherever map= stands', () => {
    expect(hasMapView(`#${MAP}`)).toBe(true);
    expect(hasMapView(`#park=${PARK.guantang}&${MAP}`)).toBe(true);
    expect(hasMapView(`#park=${PARK.guantang}`)).toBe(false);
    expect(hasMapView('')).toBe(false);
    // A view MapLibre cannot read is no view: the app fits the selected park instead.
    expect(hasMapView('#map=far/away')).toBe(false);
    expect(hasMapView('#bitmap=1/2/3')).toBe(false);
  });

  it('decodes the same state after MapLibre rewrites the hash on a move', () => {
    const state: AppUrlState = {
      filter: {
        ...toggleDistrict(ALL, '京口区'),
        chains: new Set([CHAIN.materials, CHAIN.it]),
      },
      park: PARK.guantang,
      project: 'zhenjiang-data-lake',
      lang: 'en',
    };
    const ours = encodeHash(state, index, `#${MAP}`);
    const rewritten = mapLibreRewrite(ours, '13/32.2/119.5');
    expect(rewritten.startsWith('#map=13/32.2/119.5&chains=')).toBe(true);
    expect(decodeHash(rewritten, index)).toEqual({ state, ignored: [] });
  });

  it("finds the map value where MapLibre's URLSearchParams finds it", () => {
    const ours = encodeHash(withFilter({ chains: new Set([CHAIN.it]) }), index, `#${MAP}`);
    expect(new URLSearchParams(ours.slice(1)).get('map')).toBe('11.5/32.15/119.45');
  });
});

const chainIds = registry.chains.map((chain) => chain.id);
const selectionArb = fc.oneof(
  fc.constant({ park: null, project: null }),
  fc.constantFrom(...registry.parks.map((p) => ({ park: p.properties.id, project: null }))),
  fc.constantFrom(...registry.projects.map((p) => ({ park: p.park, project: p.id }))),
);
const stateArb: fc.Arbitrary<AppUrlState> = fc
  .record({
    chains: fc.subarray(chainIds),
    kinds: fc.subarray([...PARK_KINDS]),
    levels: fc.subarray([...PARK_LEVELS]),
    districts: fc.subarray([...DISTRICTS]),
    selection: selectionArb,
    lang: fc.constantFrom('zh' as const, 'en' as const),
  })
  .map(({ chains, kinds, levels, districts, selection, lang }) => ({
    filter: {
      chains: new Set(chains),
      kinds: new Set(kinds),
      levels: new Set(levels),
      districts: new Set(districts),
    },
    ...selection,
    lang,
  }));
const mapValueArb = fc
  .tuple(
    fc.double({ min: 0, max: 22, noNaN: true }),
    fc.double({ min: -85, max: 85, noNaN: true }),
    fc.double({ min: -180, max: 180, noNaN: true }),
  )
  .map((parts) => parts.map((n) => Math.round(n * 1e4) / 1e4).join('/'));

describe('round trip (property)', () => {
  it('decode(encode(state)) is the state, with nothing ignored', () => {
    fc.assert(
      fc.property(stateArb, fc.option(mapValueArb), (state, map) => {
        const hash = encodeHash(state, index, map === null ? '' : `#map=${map}`);
        expect(decodeHash(hash, index)).toEqual({ state, ignored: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the map position first and untouched', () => {
    fc.assert(
      fc.property(stateArb, mapValueArb, (state, map) => {
        const hash = encodeHash(state, index, `#chains=x&map=${map}`);
        expect(hash === `#map=${map}` || hash.startsWith(`#map=${map}&`)).toBe(true);
      }),
    );
  });

  it('survives a MapLibre rewrite', () => {
    fc.assert(
      fc.property(stateArb, mapValueArb, (state, map) => {
        const rewritten = mapLibreRewrite(encodeHash(state, index, ''), map);
        expect(decodeHash(rewritten, index).state).toEqual(state);
      }),
      { numRuns: 200 },
    );
  });
});

/** Checks that a decoded state only holds values the registry knows. */
function expectValidState(state: AppUrlState, ignored: readonly string[]): void {
  for (const chain of state.filter.chains) expect(chainIds).toContain(chain);
  for (const kind of state.filter.kinds) expect(PARK_KINDS).toContain(kind);
  for (const level of state.filter.levels) expect(PARK_LEVELS).toContain(level);
  for (const district of state.filter.districts) expect(DISTRICTS).toContain(district);
  if (state.park !== null) expect(index.parkById.has(state.park)).toBe(true);
  if (state.project !== null) {
    expect(index.projectById.get(state.project)?.park).toBe(state.park);
  }
  expect(['zh', 'en']).toContain(state.lang);
  expect(ignored.length).toBeLessThanOrEqual(MAX_IGNORED);
  for (const entry of ignored) expect(entry.length).toBeLessThanOrEqual(MAX_IGNORED_CHARS);
}

describe('fuzz (property)', () => {
  it('never throws on any string and always yields a valid state', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (hash) => {
        const { state, ignored } = decodeHash(hash, index);
        expectValidState(state, ignored);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on hash-shaped input built from real and garbage parts', () => {
    const key = fc.constantFrom(
      'chains',
      'kinds',
      'levels',
      'districts',
      'park',
      'project',
      'lang',
      'map',
      '',
      'x',
    );
    const value = fc.oneof(
      fc.constantFrom(
        ...chainIds,
        'none',
        '%E6%B6%A6%E5%B7%9E%E5%8C%BA',
        '%',
        '%E0%A4%A',
        'gt',
        'ceec-power',
        'en',
        '<img src=x onerror=alert(1)>',
        ',,,',
      ),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    );
    const param = fc
      .tuple(key, fc.array(value, { maxLength: 4 }), fc.boolean())
      .map(([k, values, withEquals]) => (withEquals ? `${k}=${values.join(',')}` : k));
    fc.assert(
      fc.property(fc.array(param, { maxLength: 12 }), fc.boolean(), (params, mark) => {
        const { state, ignored } = decodeHash(`${mark ? '#' : ''}${params.join('&')}`, index);
        expectValidState(state, ignored);
      }),
      { numRuns: 500 },
    );
  });

  it('handles a huge hash', () => {
    const huge = `#chains=${'aerospace,'.repeat(200_000)}&park=gt`;
    const { state, ignored } = decodeHash(huge, index);
    expectValidState(state, ignored);
    expect(state.park).toBeNull();
  });
});
