import { describe, expect, it } from 'vitest';
import { chainCoverage, projectTotals, segmentCoverage } from '../../../src/domain/chains/coverage';
import { neighbourSegments, sortParkIds } from '../../../src/domain/chains/chainIndex';
import { WHOLE_REGISTRY, filterScope, type ChainScope } from '../../../src/domain/chains/scope';
import { WEAK_BELOW, coverageState } from '../../../src/domain/chains/thresholds';
import { defaultFilter, toggleDistrict } from '../../../src/domain/filter';
import { indexRegistry } from '../../../src/domain/membership';
import { buildRegistry, makePark } from '../../fixtures/sampleRegistry';
import { aero, firm, fixtureIndex, project, projects } from './fixture';

const ids = (records: readonly { id: string }[]): string[] => records.map((r) => r.id);

describe('coverage thresholds', () => {
  it('is a gap with no project and no firm, weak below the threshold, present from it', () => {
    expect(WEAK_BELOW).toBe(3);
    expect(coverageState(0, 0)).toBe('gap');
    expect(coverageState(1, 0)).toBe('weak');
    expect(coverageState(0, 2)).toBe('weak');
    expect(coverageState(2, 1)).toBe('present');
    expect(coverageState(0, 3)).toBe('present');
  });

  it('takes another threshold when given one', () => {
    expect(coverageState(1, 0, 1)).toBe('present');
    expect(coverageState(4, 0, 5)).toBe('weak');
  });
});

describe('segment coverage over the whole registry', () => {
  const index = fixtureIndex();
  const coverage = chainCoverage(index, 'aero', WHOLE_REGISTRY);

  it('lists every segment of the chain in strip order', () => {
    expect(coverage?.segments.map((s) => s.segment.id)).toEqual(aero.segments.map((s) => s.id));
  });

  it('counts projects, firms, host parks and known investment per segment', () => {
    const byId = new Map(coverage?.segments.map((s) => [s.segment.id, s]));
    const parts = byId.get('a-parts');
    expect(ids(parts?.projects ?? [])).toEqual(['pr1', 'pr2']);
    expect(ids(parts?.firms ?? [])).toEqual(['f1']);
    expect(parts?.parkIds).toEqual(['p-main-aero', 'p-linked']);
    expect(parts?.investment).toEqual({
      count: 2,
      investmentCny100m: 10,
      unknownInvestmentCount: 1,
    });
    expect(parts?.state).toBe('present');

    // A firm in two segments counts in both; host parks come in the park list's order.
    const materials = byId.get('a-materials');
    expect(ids(materials?.firms ?? [])).toEqual(['f1']);
    expect(materials?.parkIds).toEqual(['p-main-aero', 'p-main-two']);
    expect(materials?.state).toBe('weak');

    expect(byId.get('a-assembly')?.state).toBe('weak');
    expect(byId.get('a-services')?.state).toBe('gap');
    expect(byId.get('a-services')?.projects).toEqual([]);
  });

  it('counts a project and a firm without a park for the segment, not for a park', () => {
    const mro = segmentCoverage(index, 'a-mro', WHOLE_REGISTRY);
    expect(ids(mro?.projects ?? [])).toEqual(['pr5']);
    expect(ids(mro?.unplacedProjects ?? [])).toEqual(['pr5']);
    expect(ids(mro?.firms ?? [])).toEqual(['f2']);
    expect(mro?.parkIds).toEqual([]);
    expect(mro?.state).toBe('weak');
  });

  it('keeps the chain’s projects without a segment apart', () => {
    expect(ids(coverage?.unsegmentedProjects ?? [])).toEqual(['pr6']);
  });

  it('does not count a project naming another chain’s segment', () => {
    const stray = fixtureIndex({ projects: [project('x', 'ships', 'a-parts', 'p-linked')] });
    expect(segmentCoverage(stray, 'a-parts', WHOLE_REGISTRY)?.projects).toEqual([]);
    expect(ids(chainCoverage(stray, 'ships', WHOLE_REGISTRY)?.unsegmentedProjects ?? [])).toEqual([
      'x',
    ]);
  });

  it('gives null for an unknown chain or segment', () => {
    expect(chainCoverage(index, 'nope', WHOLE_REGISTRY)).toBeNull();
    expect(segmentCoverage(index, 'nope', WHOLE_REGISTRY)).toBeNull();
  });

  it('moving one project to another segment changes exactly those two segments', () => {
    const moved = projects.map((p) => (p.id === 'pr4' ? { ...p, segment: 'a-services' } : p));
    const before = chainCoverage(index, 'aero', WHOLE_REGISTRY)?.segments ?? [];
    const after =
      chainCoverage(fixtureIndex({ projects: moved }), 'aero', WHOLE_REGISTRY)?.segments ?? [];
    const changed = before
      .filter((s, i) => JSON.stringify(s) !== JSON.stringify(after[i]))
      .map((s) => s.segment.id);
    expect(changed).toEqual(['a-assembly', 'a-services']);
    expect(after.find((s) => s.segment.id === 'a-services')?.state).toBe('weak');
    expect(after.find((s) => s.segment.id === 'a-assembly')?.state).toBe('gap');
  });
});

describe('segment coverage under a scope', () => {
  const index = fixtureIndex();
  const withoutLinked: ChainScope = {
    parkIncluded: (id) => id !== 'p-linked',
    unplacedIncluded: false,
  };

  it('leaves out records in excluded parks and, when narrowed, those without a park', () => {
    const parts = segmentCoverage(index, 'a-parts', withoutLinked);
    expect(ids(parts?.projects ?? [])).toEqual(['pr1']);
    expect(parts?.parkIds).toEqual(['p-main-aero']);
    expect(parts?.state).toBe('weak');
    const mro = segmentCoverage(index, 'a-mro', withoutLinked);
    expect(mro?.projects).toEqual([]);
    expect(mro?.firms).toEqual([]);
    expect(mro?.state).toBe('gap');
  });

  it('builds the scope from the panel’s kind, level and district filters, not its chains', () => {
    const registry = buildRegistry({
      parks: [
        makePark({
          id: 'a',
          name: { zh: '甲' },
          kind: 'main',
          level: 'national',
          district: '京口区',
          lead: ['x'],
        }),
        makePark({
          id: 'b',
          name: { zh: '乙' },
          kind: 'main',
          level: 'national',
          district: '丹阳市',
          lead: ['y'],
        }),
      ],
      projects: [],
    });
    const registryIndex = indexRegistry(registry);
    const all = defaultFilter(registryIndex);
    const full = filterScope(registryIndex, { ...all, chains: new Set() });
    expect([full.parkIncluded('a'), full.parkIncluded('b'), full.unplacedIncluded]).toEqual([
      true,
      true,
      true,
    ]);
    const narrowed = filterScope(registryIndex, toggleDistrict(all, '丹阳市'));
    expect([narrowed.parkIncluded('a'), narrowed.parkIncluded('b')]).toEqual([true, false]);
    expect(narrowed.unplacedIncluded).toBe(false);
    expect(narrowed.parkIncluded('unknown')).toBe(false);
  });
});

describe('chain index helpers', () => {
  it('finds the neighbours in the nearest stage before and after, skipping absent stages', () => {
    expect(neighbourSegments(aero, 'a-assembly')).toEqual({
      up: ['a-materials'],
      down: ['a-mro'],
    });
    expect(neighbourSegments(aero, 'a-materials')).toEqual({
      up: [],
      down: ['a-parts', 'a-assembly'],
    });
    expect(neighbourSegments(aero, 'a-services')).toEqual({ up: ['a-mro'], down: [] });
    const gapped = { ...aero, segments: aero.segments.filter((s) => s.stage !== 'midstream') };
    expect(neighbourSegments(gapped, 'a-materials').down).toEqual(['a-mro']);
    expect(neighbourSegments(aero, 'unknown')).toEqual({ up: [], down: [] });
  });

  it('sorts park ids in list order, unknown ones last by id', () => {
    expect(sortParkIds(fixtureIndex(), ['zz', 'p-linked', 'aa', 'p-main-aero'])).toEqual([
      'p-main-aero',
      'p-linked',
      'aa',
      'zz',
    ]);
  });

  it('totals known investment and counts the unknown', () => {
    expect(projectTotals([firmless(1), firmless(null), firmless(2.5)])).toEqual({
      count: 3,
      investmentCny100m: 3.5,
      unknownInvestmentCount: 1,
    });
    expect(firm('f', 'aero', [], null).segments).toEqual([]);
  });
});

function firmless(investment: number | null): ReturnType<typeof project> {
  return project(`p${String(investment)}`, 'aero', null, null, { investment_cny_100m: investment });
}
