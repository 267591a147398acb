import { describe, expect, it } from 'vitest';
import {
  chainCounts,
  clusterState,
  defaultFilter,
  isDefaultFilter,
  parkPasses,
  projectsOfParks,
  soloChain,
  toggleChain,
  toggleCluster,
  toggleDistrict,
  toggleKind,
  toggleLevel,
  visibleParks,
  type FilterState,
} from '../../src/domain/filter';
import { indexRegistry } from '../../src/domain/membership';
import { CHAIN, CLUSTER, PARK, registry } from '../fixtures/sampleRegistry';

const index = indexRegistry(registry);
const ALL = defaultFilter(index);

function park(id: string) {
  const found = index.parkById.get(id);
  if (!found) throw new Error(`fixture park ${id}`);
  return found.properties;
}

const visibleIds = (filter: FilterState): string[] =>
  visibleParks(index, filter).map((p) => p.properties.id);

/** A filter with only the given chains checked, everything else as in the default. */
const onlyChains = (...chains: string[]): FilterState => ({ ...ALL, chains: new Set(chains) });

describe('defaultFilter', () => {
  it('checks every chain, kind, level and district', () => {
    expect([...ALL.chains]).toEqual([
      'new-power-equipment',
      'shipbuilding-offshore',
      'aerospace',
      'high-performance-materials',
      'new-energy',
      'new-generation-it',
      'medical-biomedicine',
    ]);
    expect([...ALL.kinds]).toEqual(['main', 'linked', 'elevated']);
    expect([...ALL.levels]).toEqual(['national', 'provincial', 'municipal', 'county']);
    expect([...ALL.districts]).toEqual([
      '京口区',
      '润州区',
      '丹徒区',
      '镇江新区',
      '丹阳市',
      '句容市',
      '扬中市',
    ]);
    expect(isDefaultFilter(index, ALL)).toBe(true);
  });

  it('is no longer the default once anything is unchecked', () => {
    expect(isDefaultFilter(index, toggleChain(ALL, CHAIN.it))).toBe(false);
    expect(isDefaultFilter(index, toggleKind(ALL, 'linked'))).toBe(false);
    expect(isDefaultFilter(index, toggleLevel(ALL, 'county'))).toBe(false);
    expect(isDefaultFilter(index, toggleDistrict(ALL, '京口区'))).toBe(false);
  });
});

describe('parkPasses', () => {
  it('passes a two-chain park while either of its lead chains is checked', () => {
    const etdz = park(PARK.etdz); // lead: materials, aerospace
    expect(parkPasses(etdz, onlyChains(CHAIN.aerospace))).toBe(true);
    expect(parkPasses(etdz, onlyChains(CHAIN.materials))).toBe(true);
    expect(parkPasses(etdz, onlyChains(CHAIN.it, CHAIN.ships))).toBe(false);
  });

  it('ignores reported industries: only lead chains count', () => {
    // 镇江经开区 lists 新能源 among its reported industries but does not lead with it.
    expect(parkPasses(park(PARK.etdz), onlyChains(CHAIN.newEnergy))).toBe(false);
  });

  it('hides a park whose kind, level or district is unchecked', () => {
    const guantang = park(PARK.guantang); // elevated, municipal, 润州区
    expect(parkPasses(guantang, ALL)).toBe(true);
    expect(parkPasses(guantang, toggleKind(ALL, 'elevated'))).toBe(false);
    expect(parkPasses(guantang, toggleLevel(ALL, 'municipal'))).toBe(false);
    expect(parkPasses(guantang, toggleDistrict(ALL, '润州区'))).toBe(false);
    expect(parkPasses(guantang, toggleDistrict(ALL, '京口区'))).toBe(true);
  });

  it('never passes a park without lead chains', () => {
    expect(parkPasses({ ...park(PARK.guantang), lead: [] }, ALL)).toBe(false);
  });
});

describe('visibleParks', () => {
  it('returns every park in list order when nothing is filtered', () => {
    expect(visibleIds(ALL)).toEqual([
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

  it('applies the chain and the other filters together, keeping list order', () => {
    const materialsAndNewEnergy = onlyChains(CHAIN.materials, CHAIN.newEnergy);
    expect(visibleIds(materialsAndNewEnergy)).toEqual([
      PARK.etdz,
      PARK.danyangHitech,
      PARK.jurong,
      PARK.dantuAuto,
    ]);
    expect(visibleIds(toggleKind(materialsAndNewEnergy, 'main'))).toEqual([PARK.dantuAuto]);
    expect(visibleIds(toggleDistrict(materialsAndNewEnergy, '丹阳市'))).toEqual([
      PARK.etdz,
      PARK.jurong,
      PARK.dantuAuto,
    ]);
  });

  it('shows nothing when no chain is checked', () => {
    expect(visibleIds(onlyChains())).toEqual([]);
  });
});

describe('projectsOfParks', () => {
  it('lists the projects park by park, in the order of the parks given', () => {
    const parks = visibleParks(index, onlyChains(CHAIN.it, CHAIN.power));
    expect(projectsOfParks(index, parks).map((p) => p.id)).toEqual([
      // 扬中经开区 (main) first. The collation reads 长 out of context as zhǎng, after 尚 shàng.
      'suntech-modules',
      'great-wall-parts',
      'liandong-guantang', // 官塘 (elevated)
      'zhenjiang-data-lake',
    ]);
  });
});

describe('chainCounts', () => {
  it('counts the parks carrying each chain', () => {
    expect(Object.fromEntries(chainCounts(index, ALL))).toEqual({
      [CHAIN.power]: 1,
      [CHAIN.ships]: 1,
      [CHAIN.aerospace]: 2,
      [CHAIN.materials]: 2,
      [CHAIN.newEnergy]: 2,
      [CHAIN.it]: 1,
      [CHAIN.medical]: 1,
    });
  });

  it('ignores the chain filter, so unchecking a chain keeps its own count', () => {
    const counts = chainCounts(index, onlyChains(CHAIN.it));
    expect(counts.get(CHAIN.aerospace)).toBe(2);
    expect(counts.get(CHAIN.it)).toBe(1);
  });

  it('follows the kind, level and district filters', () => {
    const newArea: FilterState = { ...ALL, districts: new Set(['镇江新区'] as const) };
    expect(Object.fromEntries(chainCounts(index, newArea))).toEqual({
      [CHAIN.power]: 0,
      [CHAIN.ships]: 0,
      [CHAIN.aerospace]: 2,
      [CHAIN.materials]: 1,
      [CHAIN.newEnergy]: 0,
      [CHAIN.it]: 0,
      [CHAIN.medical]: 0,
    });
    const noLinked = toggleKind(ALL, 'linked');
    expect(chainCounts(index, noLinked).get(CHAIN.aerospace)).toBe(1);
    expect(chainCounts(index, noLinked).get(CHAIN.newEnergy)).toBe(1);
    expect(chainCounts(index, toggleLevel(ALL, 'national')).get(CHAIN.ships)).toBe(0);
  });
});

describe('clusterState and toggleCluster', () => {
  it('is checked, mixed or unchecked as its chains are', () => {
    expect(clusterState(index, CLUSTER.equipment, ALL)).toBe('checked');
    const noShips = toggleChain(ALL, CHAIN.ships);
    expect(clusterState(index, CLUSTER.equipment, noShips)).toBe('mixed');
    const noEquipment = toggleChain(toggleChain(noShips, CHAIN.power), CHAIN.aerospace);
    expect(clusterState(index, CLUSTER.equipment, noEquipment)).toBe('unchecked');
    expect(clusterState(index, 'no-such-cluster', ALL)).toBe('unchecked');
  });

  it('checks every chain of a mixed or unchecked cluster', () => {
    const mixed = toggleChain(ALL, CHAIN.ships);
    expect(toggleCluster(index, CLUSTER.equipment, mixed).chains).toEqual(ALL.chains);
    const unchecked = onlyChains(CHAIN.it);
    expect([...toggleCluster(index, CLUSTER.equipment, unchecked).chains].sort()).toEqual(
      [CHAIN.aerospace, CHAIN.power, CHAIN.it, CHAIN.ships].sort(),
    );
  });

  it("unchecks every chain of a checked cluster and leaves other clusters' chains alone", () => {
    const next = toggleCluster(index, CLUSTER.materials, ALL);
    expect(next.chains.has(CHAIN.materials)).toBe(false);
    expect(next.chains.has(CHAIN.newEnergy)).toBe(false);
    expect(next.chains.size).toBe(5);
    expect(clusterState(index, CLUSTER.materials, next)).toBe('unchecked');
    expect(clusterState(index, CLUSTER.equipment, next)).toBe('checked');
  });
});

describe('soloChain', () => {
  it('leaves only that chain checked and keeps the other filters', () => {
    const filtered = toggleKind(ALL, 'linked');
    const solo = soloChain(index, CHAIN.aerospace, filtered);
    expect([...solo.chains]).toEqual([CHAIN.aerospace]);
    expect(solo.kinds.has('linked')).toBe(false);
    expect(visibleIds(solo)).toEqual([PARK.etdz]);
  });

  it('restores all chains when the chain is already the only one', () => {
    const solo = soloChain(index, CHAIN.aerospace, ALL);
    expect(soloChain(index, CHAIN.aerospace, solo).chains).toEqual(ALL.chains);
  });

  it('switches to another chain when a different one is solo', () => {
    const solo = soloChain(index, CHAIN.aerospace, ALL);
    expect([...soloChain(index, CHAIN.it, solo).chains]).toEqual([CHAIN.it]);
  });
});

describe('actions', () => {
  it('return a new state and never change the one they are given', () => {
    const before = defaultFilter(index);
    toggleChain(before, CHAIN.it);
    toggleKind(before, 'main');
    toggleLevel(before, 'county');
    toggleDistrict(before, '扬中市');
    toggleCluster(index, CLUSTER.health, before);
    soloChain(index, CHAIN.it, before);
    expect(before).toEqual(ALL);
  });

  it('toggle a value back on', () => {
    expect(toggleChain(toggleChain(ALL, CHAIN.it), CHAIN.it).chains.has(CHAIN.it)).toBe(true);
    expect(toggleKind(toggleKind(ALL, 'main'), 'main').kinds.has('main')).toBe(true);
  });
});
