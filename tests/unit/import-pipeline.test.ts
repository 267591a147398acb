import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../../src/data/registry';
import {
  candidateChoice,
  draftToNewPark,
  planChanges,
  planImport,
  planKey,
  readImportFiles,
  validateMerged,
  type ImportChoices,
  type ImportSource,
  type ParkDraft,
} from '../../src/import';
import { validateDirectory } from '../../scripts/validate';
import { fixture } from './import-helpers';

let registry: Registry;
let shapefile: ImportSource;

beforeAll(async () => {
  registry = (await validateDirectory(resolve(import.meta.dirname, '../../geo'))).registry;
  shapefile = readImportFiles([fixture('parks-4549.zip')]);
});

const DEFAULTS: ImportChoices = {
  crs: 'auto',
  matchField: null,
  boundary: 'official',
  date: '2026-11-28',
};

const DRAFT: ParkDraft = {
  id: 'zj-new-materials',
  nameZh: '镇江新材料产业园',
  nameEn: ' ',
  kind: 'elevated',
  zone: 'zj-etdz',
  level: 'municipal',
  district: '丹徒区',
  lead: ['advanced-materials'],
  sourceTitle: 'parks-4549.zip',
  sourceUrl: '',
};

describe('planImport', () => {
  it('takes a file through every stage: system, conversion, field, match, merge', () => {
    const plan = planImport(shapefile, registry, DEFAULTS);
    expect(plan.stop).toBeNull();
    expect(plan.crs?.id).toBe('EPSG:4549');
    expect(plan.converted?.features).toHaveLength(3);
    expect(plan.field).toBe('名称');
    expect(Object.fromEntries(plan.match?.matched ?? [])).toEqual({ gt: [0], 'dt-auto': [1] });
    expect(plan.merged?.changed).toEqual(['gt', 'dt-auto']);
    expect(plan.merged?.added).toEqual([]);
    expect(planChanges(plan)).toBe(true);
    expect(validateMerged(registry, plan.merged?.parks).findings).toEqual([]);
  });

  it('stops at the system when the file does not give it, or a chosen one is unknown', () => {
    const unknown = readImportFiles([fixture('broken-unknown-prj.zip')]);
    const auto = planImport(unknown, registry, DEFAULTS);
    expect(auto).toMatchObject({ stop: 'crs-unknown', crs: null, converted: null, merged: null });
    expect(planChanges(auto)).toBe(false);
    expect(planImport(shapefile, registry, { ...DEFAULTS, crs: 'EPSG:1' }).stop).toBe(
      'crs-unrecognised',
    );
    // A system given by hand rescues the file.
    const chosen = planImport(unknown, registry, { ...DEFAULTS, crs: 'EPSG:4549' });
    expect(chosen.stop).toBeNull();
    expect(chosen.crs?.id).toBe('EPSG:4549');
  });

  it('never acts on a guess: a file that states no system stops until one is chosen', () => {
    const gcj = readImportFiles([fixture('parks.gcj02.geojson')]);
    expect(gcj.guess.crs?.id).toBe('gcj02');
    const auto = planImport(gcj, registry, DEFAULTS);
    expect(auto).toMatchObject({ stop: 'crs-unconfirmed', converted: null, merged: null });
    const chosen = planImport(gcj, registry, {
      ...DEFAULTS,
      crs: candidateChoice(gcj.guess.candidates[0]!),
    });
    expect(chosen.stop).toBeNull();
    expect(chosen.crs?.id).toBe('gcj02');
  });

  it('takes the datum shift chosen, and a chosen axis swap', () => {
    const bj = readImportFiles([fixture('parks-2437.zip')]);
    const built = planImport(bj, registry, DEFAULTS);
    const none = planImport(bj, registry, { ...DEFAULTS, datumShift: 'none' }, built);
    expect(built.crs?.shift.id).toBe('epsg15919');
    expect(none.crs?.shift.id).toBe('none');
    expect(none.converted).not.toBe(built.converted);
    expect(planImport(bj, registry, { ...DEFAULTS, datumShift: 'towgs84:1' }).stop).toBe(
      'shift-unrecognised',
    );
    const swapped = planImport(shapefile, registry, { ...DEFAULTS, crs: 'EPSG:4549|swap' });
    expect(swapped.converted?.misplaced).toBe(true);
    expect(planKey(1, { ...DEFAULTS, datumShift: 'none' })).not.toBe(planKey(1, DEFAULTS));
  });

  it('stops at matching when the chosen field is not in the file', () => {
    const plan = planImport(shapefile, registry, { ...DEFAULTS, matchField: 'NOPE' });
    expect(plan).toMatchObject({ stop: 'field-missing', field: 'NOPE', match: null, merged: null });
    expect(plan.converted).not.toBeNull();
  });

  it('matches by hand and adds new parks from drafts', () => {
    const plan = planImport(shapefile, registry, {
      ...DEFAULTS,
      manual: new Map([[2, null]]),
      newParks: [draftToNewPark(2, DRAFT)],
    });
    expect(plan.match?.unmatched.map((u) => [u.feature, u.reason])).toEqual([[2, 'skipped']]);
    expect(plan.merged?.added).toEqual(['zj-new-materials']);
  });

  it('reuses the stages whose inputs did not change', () => {
    const first = planImport(shapefile, registry, DEFAULTS);
    const quality = planImport(
      shapefile,
      registry,
      { ...DEFAULTS, boundary: 'approximate' },
      first,
    );
    expect(quality.converted).toBe(first.converted);
    expect(quality.match).toBe(first.match);
    expect(quality.merged).not.toBe(first.merged);

    const typed = planImport(
      shapefile,
      registry,
      { ...DEFAULTS, newParks: [draftToNewPark(2, DRAFT)] },
      quality,
    );
    expect(typed.match).toBe(quality.match);

    const system = planImport(shapefile, registry, { ...DEFAULTS, crs: 'EPSG:4528' }, first);
    expect(system.converted).not.toBe(first.converted);
    // Another file shares nothing with the plan before.
    const other = readImportFiles([fixture('parks-4549.zip')]);
    expect(planImport(other, registry, DEFAULTS, first).converted).not.toBe(first.converted);
  });

  it('gives the same plan with or without a previous one', () => {
    const fresh = planImport(shapefile, registry, { ...DEFAULTS, boundary: 'approximate' });
    const reused = planImport(
      shapefile,
      registry,
      { ...DEFAULTS, boundary: 'approximate' },
      planImport(shapefile, registry, DEFAULTS),
    );
    expect(reused.merged).toEqual(fresh.merged);
  });
});

describe('draftToNewPark', () => {
  it('drops empty optional fields and keeps a zone only for a linked park', () => {
    expect(draftToNewPark(2, DRAFT)).toEqual({
      feature: 2,
      id: 'zj-new-materials',
      name: { zh: '镇江新材料产业园' },
      kind: 'elevated',
      zone: null,
      level: 'municipal',
      district: '丹徒区',
      lead: ['advanced-materials'],
      source: { title: 'parks-4549.zip' },
    });
    const linked = draftToNewPark(2, {
      ...DRAFT,
      kind: 'linked',
      nameEn: 'New Materials',
      sourceUrl: 'https://example.org/a',
    });
    expect(linked).toMatchObject({
      zone: 'zj-etdz',
      name: { zh: '镇江新材料产业园', en: 'New Materials' },
      source: { title: 'parks-4549.zip', url: 'https://example.org/a' },
    });
  });
});

describe('planKey', () => {
  it('is equal exactly when the file and every choice are', () => {
    const key = planKey(1, DEFAULTS);
    expect(planKey(1, { ...DEFAULTS, manual: new Map() })).toBe(
      planKey(1, { ...DEFAULTS, manual: new Map() }),
    );
    expect(planKey(2, DEFAULTS)).not.toBe(key);
    expect(planKey(1, { ...DEFAULTS, boundary: 'approximate' })).not.toBe(key);
    expect(planKey(1, { ...DEFAULTS, manual: new Map([[2, 'gt']]) })).not.toBe(
      planKey(1, { ...DEFAULTS, manual: new Map([[2, null]]) }),
    );
    expect(planKey(1, { ...DEFAULTS, newParks: [draftToNewPark(2, DRAFT)] })).not.toBe(
      planKey(1, { ...DEFAULTS, newParks: [draftToNewPark(2, { ...DRAFT, id: 'x' })] }),
    );
  });
});
