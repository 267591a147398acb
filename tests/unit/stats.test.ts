import { describe, expect, it } from 'vitest';
import type { ParkFeature, Project } from '../../src/data/schema';
import type { Registry } from '../../src/data/registry';
import { defaultFilter, visibleParks } from '../../src/domain/filter';
import { indexRegistry } from '../../src/domain/membership';
import { isOffFocus, leadFocus, projectTotals } from '../../src/domain/parkFacts';
import { createRegistryView, type RegistryView } from '../../src/domain/registryView';
import { filteredStats, type ParkGroupStats } from '../../src/domain/stats';
import {
  CHAIN,
  CLUSTER,
  PARK,
  buildRegistry,
  makePark,
  makeProject,
  registry,
} from '../fixtures/sampleRegistry';

const ALL = defaultFilter(indexRegistry(registry));

/** Made-up polygon areas, so that every sum below can be worked out by hand. */
const COMPUTED_KM2: Record<string, number> = {
  [PARK.etdz]: 200,
  [PARK.aero]: 9,
  [PARK.hitech]: 10,
  [PARK.guantang]: 14,
  [PARK.danyangHitech]: 170,
  [PARK.yangzhong]: 25,
  [PARK.dantuAuto]: 3,
  [PARK.jurong]: 12,
};

/** The registry's view, measuring each park's polygon as `areaOf` says (a test's made-up areas). */
function viewWithAreas(data: Registry, areaOf: (park: ParkFeature) => number): RegistryView {
  const parkOf = new Map(data.parks.map((park) => [park.geometry, park]));
  return createRegistryView(indexRegistry(data), {
    areaKm2: (geometry) => {
      const park = parkOf.get(geometry);
      return park ? areaOf(park) : Number.NaN;
    },
    bboxOf: () => [0, 0, 0, 0],
  });
}

const index = viewWithAreas(registry, (park) => COMPUTED_KM2[park.properties.id] ?? 0);

/** Compares a group with expected figures, sums to 1e-9 (they are floating-point). */
function expectGroup(actual: ParkGroupStats | undefined, expected: ParkGroupStats): void {
  expect(actual).toBeDefined();
  if (!actual) return;
  expect(actual.parks).toBe(expected.parks);
  expect(actual.reportedAreaKm2).toBeCloseTo(expected.reportedAreaKm2, 9);
  expect(actual.unknownAreaCount).toBe(expected.unknownAreaCount);
  expect(actual.computedAreaKm2).toBeCloseTo(expected.computedAreaKm2, 9);
  expect(actual.projects.count).toBe(expected.projects.count);
  expect(actual.projects.investmentCny100m).toBeCloseTo(expected.projects.investmentCny100m, 9);
  expect(actual.projects.unknownInvestmentCount).toBe(expected.projects.unknownInvestmentCount);
}

describe('filteredStats over all parks', () => {
  const stats = filteredStats(index, visibleParks(index, ALL));

  it('totals every park once', () => {
    expectGroup(stats.total, {
      parks: 8,
      reportedAreaKm2: 222 + 10 + 14.57 + 175.85 + 27.4,
      unknownAreaCount: 3, // 高新区, 生态汽车产业园, 句容经开区
      computedAreaKm2: 443,
      projects: { count: 11, investmentCny100m: 32 + 10 + 30 + 95, unknownInvestmentCount: 7 },
    });
  });

  it('counts a two-chain park in both chains', () => {
    // 镇江经开区 leads with materials and aerospace.
    expectGroup(stats.byChain.get(CHAIN.aerospace), {
      parks: 2, // 经开区, 航空航天产业园
      reportedAreaKm2: 232,
      unknownAreaCount: 0,
      computedAreaKm2: 209,
      projects: { count: 4, investmentCny100m: 42, unknownInvestmentCount: 2 },
    });
    expectGroup(stats.byChain.get(CHAIN.materials), {
      parks: 2, // 经开区, 丹阳高新区
      reportedAreaKm2: 397.85,
      unknownAreaCount: 0,
      computedAreaKm2: 370,
      projects: { count: 3, investmentCny100m: 42, unknownInvestmentCount: 1 },
    });
    expect(stats.byChain.get(CHAIN.medical)?.parks).toBe(1);
  });

  it('sums each cluster over its parks', () => {
    expectGroup(stats.byCluster.get(CLUSTER.equipment), {
      parks: 4, // 扬中经开区, 高新区, 经开区, 航空航天产业园
      reportedAreaKm2: 27.4 + 222 + 10,
      unknownAreaCount: 1,
      computedAreaKm2: 244,
      projects: { count: 9, investmentCny100m: 167, unknownInvestmentCount: 5 },
    });
    expectGroup(stats.byCluster.get(CLUSTER.materials), {
      parks: 4, // 经开区, 丹阳高新区, 生态汽车产业园, 句容经开区
      reportedAreaKm2: 397.85,
      unknownAreaCount: 2,
      computedAreaKm2: 385,
      projects: { count: 3, investmentCny100m: 42, unknownInvestmentCount: 1 },
    });
    expect(stats.byCluster.get(CLUSTER.digital)?.parks).toBe(1);
    expect(stats.byCluster.get(CLUSTER.health)?.parks).toBe(1);
  });

  it('counts projects by their own chain in projectsOfChain', () => {
    expect(stats.projectsOfChain.get(CHAIN.newEnergy)).toEqual({
      count: 3,
      investmentCny100m: 95,
      unknownInvestmentCount: 2,
    });
    expect(stats.projectsOfChain.get(CHAIN.power)).toEqual({
      count: 2,
      investmentCny100m: 30,
      unknownInvestmentCount: 1,
    });
    expect(stats.projectsOfChain.get(CHAIN.medical)).toEqual({
      count: 0,
      investmentCny100m: 0,
      unknownInvestmentCount: 0,
    });
  });
});

describe('filteredStats follows the filter', () => {
  it('counts only the parks given', () => {
    const runzhou = visibleParks(index, { ...ALL, districts: new Set(['润州区'] as const) });
    const stats = filteredStats(index, runzhou);
    expectGroup(stats.total, {
      parks: 2, // 高新区, 官塘
      reportedAreaKm2: 14.57,
      unknownAreaCount: 1,
      computedAreaKm2: 24,
      projects: { count: 5, investmentCny100m: 30, unknownInvestmentCount: 4 },
    });
    expect(stats.byChain.get(CHAIN.aerospace)?.parks).toBe(0);
    expect(stats.byCluster.get(CLUSTER.materials)?.parks).toBe(0);
    expect(stats.projectsOfChain.get(CHAIN.power)?.count).toBe(2);
  });

  it('is all zeros for no parks, with a row for every chain and cluster', () => {
    const stats = filteredStats(index, []);
    expect(stats.total.parks).toBe(0);
    expect(stats.byChain.size).toBe(7);
    expect(stats.byCluster.size).toBe(4);
    expect(stats.byChain.get(CHAIN.it)?.projects.count).toBe(0);
  });

  it('counts a park whose two lead chains share a cluster once in that cluster', () => {
    const twoEquipmentChains = makePark(
      {
        id: 'zj-hitech',
        name: { zh: '镇江高新技术产业开发区' },
        kind: 'main',
        level: 'national',
        district: '润州区',
        lead: [CHAIN.ships, CHAIN.power],
      },
      [119.36, 32.2],
      { area_km2: 12 },
    );
    const small = viewWithAreas(buildRegistry({ parks: [twoEquipmentChains] }), () => 4);
    const stats = filteredStats(small, small.parks);
    expect(stats.byChain.get(CHAIN.ships)?.parks).toBe(1);
    expect(stats.byChain.get(CHAIN.power)?.parks).toBe(1);
    expectGroup(stats.byCluster.get(CLUSTER.equipment), {
      parks: 1,
      reportedAreaKm2: 12,
      unknownAreaCount: 0,
      computedAreaKm2: 4,
      projects: { count: 0, investmentCny100m: 0, unknownInvestmentCount: 0 },
    });
    expect(stats.total.parks).toBe(1);
  });
});

describe('projectTotals', () => {
  it('sums known investment and counts the unknown', () => {
    expect(projectTotals(index.projectsByPark.get(PARK.hitech) ?? [])).toEqual({
      count: 3,
      investmentCny100m: 30,
      unknownInvestmentCount: 2,
    });
  });
});

describe('leadFocus and isOffFocus', () => {
  const focusOf = (id: string) => {
    const park = index.parkById.get(id);
    if (!park) throw new Error(`fixture park ${id}`);
    return leadFocus(park.properties, index.projectsByPark.get(id) ?? []);
  };

  it('is on focus when every project is in a lead chain', () => {
    const focus = focusOf(PARK.guantang);
    expect(focus).toEqual({
      projects: 2,
      projectsInLead: 2,
      projectShare: 1,
      knownInvestment: 0,
      knownInvestmentInLead: 0,
      investmentShare: null,
    });
    expect(isOffFocus(focus)).toBe(false);
  });

  it('counts any of two lead chains and weighs known investment', () => {
    // 经开区 leads with materials and aerospace; 孚能 is new energy.
    const focus = focusOf(PARK.etdz);
    expect(focus.projects).toBe(3);
    expect(focus.projectsInLead).toBe(2);
    expect(focus.projectShare).toBeCloseTo(2 / 3, 12);
    expect(focus.knownInvestment).toBe(42);
    expect(focus.investmentShare).toBe(1);
    expect(isOffFocus(focus)).toBe(false);
  });

  it('is off focus when fewer than half the projects are in a lead chain', () => {
    // 高新区 leads with shipbuilding; two of its three projects are power equipment.
    const focus = focusOf(PARK.hitech);
    expect(focus.projectsInLead).toBe(1);
    expect(focus.investmentShare).toBe(0);
    expect(isOffFocus(focus)).toBe(true);
    expect(isOffFocus(focusOf(PARK.yangzhong))).toBe(true);
  });

  it('has no share without projects, and needs two projects to call a park off focus', () => {
    const none = focusOf(PARK.jurong);
    expect(none.projectShare).toBeNull();
    expect(isOffFocus(none)).toBe(false);

    const guantang = index.parkById.get(PARK.guantang)?.properties;
    if (!guantang) throw new Error('fixture park gt');
    const offChain = (id: string): Project =>
      makeProject({ id, name: { zh: '测试项目' }, park: PARK.guantang, chain: CHAIN.ships });
    const inChain = makeProject({
      id: 'in',
      name: { zh: '测试项目' },
      park: PARK.guantang,
      chain: CHAIN.it,
    });
    expect(isOffFocus(leadFocus(guantang, [offChain('a')]))).toBe(false);
    expect(isOffFocus(leadFocus(guantang, [offChain('a'), inChain]))).toBe(false); // exactly half
    expect(isOffFocus(leadFocus(guantang, [offChain('a'), offChain('b'), inChain]))).toBe(true);
  });
});
