import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Chain, Firm, ParkFeature, Project } from '../../src/data/schema';
import { formatFinding, type Finding } from '../../src/data/findings';
import { closestId } from '../../src/data/rules/references';
import { validateRegistry } from '../../src/data/validate';
import { validateDirectory } from '../../scripts/validate';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'registry');
const VALID = join(FIXTURES, 'valid');
const INVALID = join(FIXTURES, 'invalid');

interface RawRegistry {
  chains: { as_of: string; clusters: unknown[]; chains: Chain[] };
  parks: { type: string; features: ParkFeature[] };
  projects: { as_of: string; projects: Project[] };
  firms: { as_of: string; firms: Firm[] };
}

/** A fresh, mutable copy of the valid fixture. */
function validRaw(): RawRegistry {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(VALID, name), 'utf8'));
  return {
    chains: read('chains.json') as RawRegistry['chains'],
    parks: read('parks.geojson') as RawRegistry['parks'],
    projects: read('projects.json') as RawRegistry['projects'],
    firms: read('firms.json') as RawRegistry['firms'],
  };
}

function park(raw: RawRegistry, id: string): ParkFeature {
  const found = raw.parks.features.find((f) => f.properties.id === id);
  if (!found) throw new Error(`no park ${id} in the fixture`);
  return found;
}

function rect(west: number, south: number, east: number, north: number): ParkFeature['geometry'] {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

const lines = (findings: readonly Finding[]): string[] => findings.map(formatFinding);
const rulesOf = (findings: readonly Finding[]): string[] => findings.map((f) => f.rule);

describe('the valid fixture', () => {
  it('has no findings and loads every record', () => {
    const { registry, findings } = validateRegistry(validRaw());
    expect(lines(findings)).toEqual([]);
    expect(registry.clusters.map((c) => c.id)).toEqual(['high-end-equipment', 'digital-economy']);
    expect(registry.chains.map((c) => c.id)).toEqual([
      'aerospace',
      'power-equipment',
      'next-gen-it',
    ]);
    expect(registry.parks.map((p) => p.properties.id)).toEqual([
      'zj-etdz',
      'zj-aero-park',
      'zj-hitech',
      'guantang',
    ]);
    expect(registry.projects).toHaveLength(5);
    expect(registry.firms.map((f) => f.id)).toEqual([
      'casc-haiying',
      'harbin-electric',
      'hengshen',
    ]);
    expect(registry.chains[0]?.segments.map((s) => s.id)).toEqual([
      'aero-materials',
      'aero-assembly',
    ]);
  });

  it('freezes the registry deeply unless told not to (a worker posts a clone anyway)', () => {
    const frozen = validateRegistry(validRaw()).registry;
    expect(Object.isFrozen(frozen.parks[0]?.geometry.coordinates)).toBe(true);
    const plain = validateRegistry(validRaw(), { freeze: false }).registry;
    expect(Object.isFrozen(plain.parks)).toBe(false);
    expect(plain).toEqual(frozen);
  });

  it('dates the registry by the latest of the file dates', () => {
    expect(validateRegistry(validRaw()).registry.asOf).toBe('2024-08');
  });

  it('is clean when read from disk too', async () => {
    const result = await validateDirectory(VALID);
    expect(lines(result.findings)).toEqual([]);
  });
});

/** Cases the corpus must hold: one defect each, named after it. */
const REQUIRED_CASES = [
  'main-three-leads',
  'linked-two-leads',
  'elevated-no-lead',
  'duplicate-park-id',
  'duplicate-project-id',
  'unknown-project-park',
  'unknown-lead-chain',
  'unknown-zone',
  'bow-tie',
  'unclosed-ring',
  'ring-three-positions',
  'swapped-lonlat',
  'clockwise-outer',
  'overlapping-parks',
  'linked-outside-zone',
  'project-outside-park',
  'missing-chinese-name',
  'javascript-source-url',
  'schematic-area-off',
  'parks-not-json',
  'missing-file',
  'duplicate-segment-id',
  'official-segment-unsourced',
  'former-id-live',
  'chain-alias-duplicate',
  'park-alias-duplicate',
  'project-segment-other-chain',
  'project-segment-unknown',
  'segment-basis-without-segment',
  'location-without-park',
  'firm-unknown-park',
  'firm-segment-other-chain',
  'chain-leader-without-designation',
  'missing-firms-file',
];

const cases = readdirSync(INVALID, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('the broken-registry corpus', () => {
  it('holds every required case, each with an expected.txt', () => {
    expect(cases).toEqual(expect.arrayContaining(REQUIRED_CASES));
    for (const name of cases)
      expect(existsSync(join(INVALID, name, 'expected.txt')), name).toBe(true);
  });

  it.each(cases)('%s: the validator prints exactly expected.txt', async (name) => {
    const dir = join(INVALID, name);
    const expected = readFileSync(join(dir, 'expected.txt'), 'utf8')
      .split('\n')
      .filter((line) => line !== '');
    expect(expected.length).toBeGreaterThan(0);
    const result = await validateDirectory('.', dir);
    expect(lines(result.findings)).toEqual(expected);
  });
});

describe('validateRegistry', () => {
  it('reports every defect, across files, and still loads what passed', () => {
    const raw = validRaw();
    park(raw, 'zj-etdz').properties.lead = ['aerospace', 'power-equipment', 'next-gen-it'];
    park(raw, 'guantang').properties.lead = [];
    raw.chains.chains[1]!.sources[0]!.url = 'data:text/html,hi';
    raw.projects.projects[0]!.location = [119.6, 32.17];
    const { registry, findings } = validateRegistry(raw);
    expect(findings.map((f) => `${f.id}:${f.rule}`)).toEqual([
      'power-equipment:schema',
      'zj-etdz:lead-count',
      'guantang:lead-count',
      'aero-special-materials:project-outside-park',
    ]);
    expect(registry.chains.map((c) => c.id)).toEqual(['aerospace', 'next-gen-it']);
    expect(registry.parks).toHaveLength(4);
  });

  it('allows a main zone two lead chains', () => {
    const raw = validRaw();
    park(raw, 'zj-hitech').properties.lead = ['power-equipment', 'next-gen-it'];
    expect(lines(validateRegistry(raw).findings)).toEqual([]);
  });

  it('requires a main zone to have a lead chain', () => {
    const raw = validRaw();
    park(raw, 'zj-hitech').properties.lead = [];
    expect(lines(validateRegistry(raw).findings)).toEqual([
      'parks.geojson: zj-hitech: a main zone must have 1–2 lead chains (一园区一主导产业), found none: add its designated chain to lead [lead-count]',
    ]);
  });

  it('lets parks share an edge without calling it an overlap', () => {
    const raw = validRaw();
    // Guantang's east edge moved onto the ETDZ's west edge (119.51).
    park(raw, 'guantang').geometry = rect(119.45, 32.13, 119.51, 32.17);
    expect(lines(validateRegistry(raw).findings)).toEqual([]);
  });

  it('does not exempt two linked parks of the same zone from overlapping each other', () => {
    const raw = validRaw();
    const twin = structuredClone(park(raw, 'zj-aero-park'));
    twin.properties.id = 'zj-aero-park-2';
    twin.properties.area_km2 = null;
    twin.geometry = rect(119.72, 32.19, 119.75, 32.22);
    raw.parks.features.push(twin);
    expect(rulesOf(validateRegistry(raw).findings)).toEqual(['overlap']);
    expect(validateRegistry(raw).findings[0]?.message).toMatch(
      /^overlaps park 'zj-aero-park-2' by /,
    );
  });

  it('names files as the caller asks', () => {
    const raw = validRaw();
    park(raw, 'guantang').properties.lead = [];
    const files = {
      chains: 'geo/chains.json',
      parks: 'geo/parks.geojson',
      projects: 'geo/projects.json',
      firms: 'geo/firms.json',
    };
    expect(validateRegistry(raw, { files }).findings.map((f) => f.file)).toEqual([
      'geo/parks.geojson',
    ]);
  });

  it('never throws on input of the wrong shape, and says what is wrong with each file', () => {
    const { registry, findings } = validateRegistry({
      chains: null,
      parks: [],
      projects: 'x',
      firms: 7,
    });
    expect(lines(findings)).toEqual([
      'chains.json: -: the file: Invalid type: Expected Object but received null [schema]',
      // valibot reads an array as an object without keys.
      'parks.geojson: -: type is missing [schema]',
      'parks.geojson: -: features is missing [schema]',
      'projects.json: -: the file: Invalid type: Expected Object but received "x" [schema]',
      'firms.json: -: the file: Invalid type: Expected Object but received 7 [schema]',
    ]);
    expect(registry).toEqual({
      asOf: '',
      clusters: [],
      chains: [],
      parks: [],
      projects: [],
      firms: [],
    });
  });

  it('names a record without an id by its place in the file', () => {
    const raw = validRaw();
    (raw.parks.features as unknown[]).push('not a feature');
    expect(lines(validateRegistry(raw).findings)).toEqual([
      'parks.geojson: -: features[4]: Invalid type: Expected Object but received "not a feature" [schema]',
    ]);
  });

  it('still checks references into a file that could not be read, saying why they cannot resolve', () => {
    const raw = validRaw();
    const { registry, findings } = validateRegistry({
      chains: undefined,
      parks: raw.parks,
      projects: raw.projects,
      firms: raw.firms,
    });
    expect(lines(findings).slice(0, 2)).toEqual([
      "parks.geojson: zj-etdz: lead chain 'aerospace' cannot be checked: chains.json could not be loaded [unknown-reference]",
      "parks.geojson: zj-aero-park: lead chain 'aerospace' cannot be checked: chains.json could not be loaded [unknown-reference]",
    ]);
    // 4 park leads, 5 project chains and 3 firm chains.
    expect(findings).toHaveLength(12);
    expect(registry.parks).toHaveLength(4);
  });

  it('returns a deep-frozen registry', () => {
    const { registry } = validateRegistry(validRaw());
    const first = registry.parks[0]!;
    expect(() => {
      (first.properties as { id: string }).id = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      (first.geometry.coordinates[0] as unknown[]).push([0, 0]);
    }).toThrow(TypeError);
    expect(() => {
      (registry.projects as Project[]).pop();
    }).toThrow(TypeError);
  });

  it('keeps the first of two records with one id', () => {
    const raw = validRaw();
    const copy = structuredClone(raw.projects.projects[0]!);
    copy.year = 1999;
    raw.projects.projects.push(copy);
    const { registry } = validateRegistry(raw);
    expect(registry.projects.filter((p) => p.id === copy.id).map((p) => p.year)).toEqual([2023]);
  });
});

describe('formatFinding', () => {
  it('prints FILE: ID: problem [rule], with - for no id', () => {
    expect(
      formatFinding({
        file: 'geo/parks.geojson',
        id: 'gt',
        rule: 'winding',
        message: 'reverse it',
      }),
    ).toBe('geo/parks.geojson: gt: reverse it [winding]');
    expect(formatFinding({ file: 'geo/chains.json', id: null, rule: 'json', message: 'bad' })).toBe(
      'geo/chains.json: -: bad [json]',
    );
  });
});

describe('closestId', () => {
  it('suggests an id one or two edits away', () => {
    expect(closestId('aerospce', ['power-equipment', 'aerospace'])).toBe('aerospace');
    expect(closestId('zj-edtz', ['zj-etdz', 'zj-hitech'])).toBe('zj-etdz');
  });
  it('suggests nothing for an unrelated id', () => {
    expect(closestId('digital', ['high-end-equipment', 'digital-economy'])).toBeNull();
  });
});
