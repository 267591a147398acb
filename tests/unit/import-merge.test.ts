import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParkFeature } from '../../src/data/schema';
import type { Registry } from '../../src/data/registry';
import {
  convertSource,
  formatParksFile,
  matchFeatures,
  mergeImport,
  normaliseName,
  readImportFiles,
  suggestMatchField,
  validateMerged,
  type ConvertedSource,
  type NewParkInput,
} from '../../src/import';
import { validateDirectory } from '../../scripts/validate';
import { KNOWN_BOUNDARIES } from '../fixtures/import/boundaries';
import { fixture, maxVertexError } from './import-helpers';

let registry: Registry;
let converted: ConvertedSource;

beforeAll(async () => {
  const shipped = await validateDirectory(resolve(import.meta.dirname, '../../geo'));
  registry = shipped.registry;
  const source = readImportFiles([fixture('parks-4549.zip')]);
  converted = convertSource(source, source.guess.crs!);
});

const park = (id: string): ParkFeature => {
  const found = registry.parks.find((p) => p.properties.id === id);
  if (!found) throw new Error(`no park ${id} in geo/`);
  return found;
};

describe('matching features to parks', () => {
  it('normalises width, case, spaces and punctuation', () => {
    expect(normaliseName(' 镇江 经济技术开发区（镇江新区） ')).toBe('镇江经济技术开发区(镇江新区)');
    expect(normaliseName('Ｇｕａｎｔａｎｇ  Innovation·Community')).toBe(
      'guantanginnovationcommunity',
    );
  });

  it('matches by id, by name without brackets, and reports the rest', () => {
    const byId = matchFeatures(converted.features, 'BH', registry.parks);
    expect([...byId.matched.keys()]).toEqual(['gt']);
    expect(byId.features[0]).toMatchObject({ parkId: 'gt', by: 'id' });
    expect(byId.unmatched.map((u) => u.reason)).toEqual(['no-value', 'no-value']);

    const byName = matchFeatures(converted.features, '名称', registry.parks);
    expect(Object.fromEntries(byName.matched)).toEqual({ gt: [0], 'dt-auto': [1] });
    expect(byName.unmatched).toHaveLength(1);
    expect(byName.unmatched[0]).toMatchObject({
      feature: 2,
      value: '镇江新材料产业园',
      reason: 'no-park',
    });
    expect(byName.missing).toEqual(
      registry.parks.map((p) => p.properties.id).filter((id) => id !== 'gt' && id !== 'dt-auto'),
    );
  });

  it('suggests the field that matches the most parks', () => {
    expect(suggestMatchField(converted.features, ['BH', '名称'], registry.parks)).toBe('名称');
    expect(suggestMatchField([], ['OBJECTID', 'NAME'], registry.parks)).toBe('NAME');
  });

  it('lets a feature be assigned by hand or left out', () => {
    const manual = new Map<number, string | null>([
      [2, 'jr-edz'],
      [0, null],
    ]);
    const result = matchFeatures(converted.features, '名称', registry.parks, manual);
    expect(result.matched.get('jr-edz')).toEqual([2]);
    expect(result.features[2]?.by).toBe('manual');
    expect(result.matched.has('gt')).toBe(false);
    expect(result.features[0]?.reason).toBe('skipped');
  });

  it('an English name that two parks could be is ambiguous, not a guess', () => {
    const features = [{ index: 0, properties: { n: 'Zhenjiang Hi-tech Zone' } }];
    const twins = [park('gt'), park('jk-park')].map((p, i) => ({
      ...p,
      properties: {
        ...p.properties,
        id: `p${i}`,
        name: { zh: `园${i}`, en: 'Zhenjiang Hi-tech Zone' },
      },
    }));
    const result = matchFeatures(features, 'n', twins);
    expect(result.unmatched[0]).toMatchObject({ reason: 'ambiguous', candidates: ['p0', 'p1'] });
  });
});

describe('merging', () => {
  const options = { boundary: 'official' as const, fileName: 'parks-4549.zip', date: '2026-11-28' };

  it('replaces the geometry, sets boundary and its note, and keeps every other fact', () => {
    const match = matchFeatures(converted.features, '名称', registry.parks);
    const merged = mergeImport(registry, converted.features, match, options);
    expect(merged.changed).toEqual(['gt', 'dt-auto']);
    const features = merged.parks.features as ParkFeature[];
    expect(features).toHaveLength(registry.parks.length);
    const gt = features.find((f) => f.properties.id === 'gt')!;
    const before = park('gt');
    expect(gt.properties.boundary).toBe('official');
    expect(gt.properties.boundary_note.en).toBe(
      'Official boundary, imported from parks-4549.zip (2026-11-28).',
    );
    const withoutBoundary = (p: ParkFeature['properties']): Record<string, unknown> =>
      Object.fromEntries(
        Object.entries(p).filter(([key]) => key !== 'boundary' && key !== 'boundary_note'),
      );
    expect(withoutBoundary(gt.properties)).toEqual(withoutBoundary(before.properties));
    expect(Object.keys(gt.properties)).toEqual(Object.keys(before.properties));
    expect(maxVertexError(gt.geometry, KNOWN_BOUNDARIES[0]!.geometry)).toBeLessThan(0.1);
    const untouched = features.find((f) => f.properties.id === 'zj-etdz')!;
    expect(untouched).toEqual(JSON.parse(JSON.stringify(park('zj-etdz'))));
  });

  it('validates the merged registry with the same rules: the fixture merges cleanly', () => {
    const match = matchFeatures(converted.features, '名称', registry.parks);
    const merged = mergeImport(registry, converted.features, match, options);
    const result = validateMerged(registry, merged.parks);
    expect(result.findings).toEqual([]);
    expect(
      result.registry.parks.find((p) => p.properties.id === 'dt-auto')?.properties.boundary,
    ).toBe('official');
  });

  it('several features of one park become a MultiPolygon', () => {
    const manual = new Map<number, string | null>([[2, 'gt']]);
    const match = matchFeatures(converted.features, '名称', registry.parks, manual);
    const merged = mergeImport(registry, converted.features, match, options);
    const gt = (merged.parks.features as ParkFeature[]).find((f) => f.properties.id === 'gt')!;
    expect(gt.geometry.type).toBe('MultiPolygon');
    expect(gt.geometry.coordinates).toHaveLength(2);
  });

  it('a boundary that overlaps another park is caught before it can be applied', () => {
    // gt's hexagon given to jk-park too: two parks on the same ground.
    const copy = { ...converted.features[0]!, index: 9 };
    const features = [...converted.features, copy];
    const match = matchFeatures(features, '名称', registry.parks, new Map([[9, 'jk-park']]));
    const merged = mergeImport(registry, features, match, options);
    const rules = validateMerged(registry, merged.parks).findings.map((f) => f.rule);
    expect(rules).toContain('overlap');
  });

  it('the same feature twice for one park (a layer read twice) is refused, naming the park', () => {
    const copy = { ...converted.features[0]!, index: 9 };
    const features = [...converted.features, copy];
    const match = matchFeatures(features, '名称', registry.parks, new Map([[9, 'gt']]));
    const merged = mergeImport(registry, features, match, options);
    const findings = validateMerged(registry, merged.parks).findings;
    expect(findings).toEqual([expect.objectContaining({ id: 'gt', rule: 'duplicate-part' })]);
  });

  const newPark: NewParkInput = {
    feature: 2,
    id: 'zj-new-materials',
    name: { zh: '镇江新材料产业园', en: 'Zhenjiang New Materials Park' },
    kind: 'elevated',
    zone: null,
    level: 'municipal',
    district: '句容市',
    lead: ['advanced-materials'],
    source: { title: '镇江市保留开发园区名单（2022）' },
  };

  it('adds an unmatched feature as a new park once its required fields are filled', () => {
    const match = matchFeatures(converted.features, '名称', registry.parks);
    const merged = mergeImport(registry, converted.features, match, {
      ...options,
      newParks: [newPark],
    });
    expect(merged.added).toEqual(['zj-new-materials']);
    const result = validateMerged(registry, merged.parks);
    expect(result.findings).toEqual([]);
    const added = result.registry.parks.find((p) => p.properties.id === 'zj-new-materials')!;
    expect(added.properties).toMatchObject({
      kind: 'elevated',
      boundary: 'official',
      lead: ['advanced-materials'],
      sources: [{ title: '镇江市保留开发园区名单（2022）', date: '2026-11-28' }],
      as_of: '2026-11-28',
    });
    expect(maxVertexError(added.geometry, KNOWN_BOUNDARIES[2]!.geometry)).toBeLessThan(0.1);
  });

  it('a new park with a bad id, no lead and an unknown chain is refused by the validator', () => {
    const match = matchFeatures(converted.features, '名称', registry.parks);
    const bad = { ...newPark, id: 'New Park', lead: [] };
    const merged = mergeImport(registry, converted.features, match, {
      ...options,
      newParks: [bad],
    });
    const findings = validateMerged(registry, merged.parks).findings;
    expect(findings.some((f) => f.rule === 'schema' && f.message.includes('slug'))).toBe(true);
    const noLead = { ...newPark, lead: ['no-such-chain', 'aerospace'] };
    const merged2 = mergeImport(registry, converted.features, match, {
      ...options,
      newParks: [noLead],
    });
    const rules = validateMerged(registry, merged2.parks).findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['unknown-reference', 'lead-count']));
  });

  it('formats parks.geojson as geo/ writes it: one feature per line, parseable', () => {
    const match = matchFeatures(converted.features, '名称', registry.parks);
    const merged = mergeImport(registry, converted.features, match, options);
    const text = formatParksFile(merged.parks);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('{"type":"FeatureCollection","features":[');
    expect(lines.at(-1)).toBe(']}');
    expect(lines).toHaveLength(registry.parks.length + 2);
    expect(JSON.parse(text)).toEqual(merged.parks);
    expect(text).not.toContain('"crs"');
  });
});
