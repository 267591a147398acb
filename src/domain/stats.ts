import type { RegistryPark } from '../data/registry';
import { parkChains, type ChainId, type ClusterId } from './membership';
import { emptyProjectTotals, type ProjectTotals } from './parkFacts';
import type { RegistryView } from './registryView';

/** Figures over a group of parks. */
export interface ParkGroupStats {
  readonly parks: number;
  /** Sum of the reported `area_km2` where known. Bases (administrative, planned, core) are mixed. */
  readonly reportedAreaKm2: number;
  /** Parks without a reported area (not counted in the sum). */
  readonly unknownAreaCount: number;
  /** Sum of the areas of the drawn polygons. */
  readonly computedAreaKm2: number;
  /** All projects in these parks, whatever their chain. */
  readonly projects: ProjectTotals;
}

/**
 * Statistics of the visible parks.
 *
 * A park with two lead chains counts in both chains' rows but only once in its cluster's row
 * (when both chains are in the same cluster) and once in the total, so chain rows can add up to
 * more than their cluster and the total. Projects go with their park: a chain's row counts every
 * project in the parks that lead with that chain; {@link FilteredStats.projectsOfChain} counts by
 * the projects' own chains instead.
 */
export interface FilteredStats {
  readonly total: ParkGroupStats;
  /** Every cluster of the registry, in the same way as the total. */
  readonly byCluster: ReadonlyMap<ClusterId, ParkGroupStats>;
  /** Every chain of the registry: the visible parks that have it as a lead chain. */
  readonly byChain: ReadonlyMap<ChainId, ParkGroupStats>;
  /** Every chain of the registry: the projects of that chain located in visible parks. */
  readonly projectsOfChain: ReadonlyMap<ChainId, ProjectTotals>;
}

/** The computed (polygon) area of a park in km², as src/geometry/measure.ts measures it. */
export type ComputedArea = (park: RegistryPark) => number;

interface MutableGroup {
  parks: number;
  reportedAreaKm2: number;
  unknownAreaCount: number;
  computedAreaKm2: number;
  projects: ReturnType<typeof emptyProjectTotals>;
}

function emptyGroup(): MutableGroup {
  return {
    parks: 0,
    reportedAreaKm2: 0,
    unknownAreaCount: 0,
    computedAreaKm2: 0,
    projects: emptyProjectTotals(),
  };
}

function addProjects(into: MutableGroup['projects'], from: ProjectTotals): void {
  into.count += from.count;
  into.investmentCny100m += from.investmentCny100m;
  into.unknownInvestmentCount += from.unknownInvestmentCount;
}

function addPark(
  group: MutableGroup,
  reportedAreaKm2: number | null,
  computedAreaKm2: number,
  projects: ProjectTotals,
): void {
  group.parks += 1;
  if (reportedAreaKm2 === null) group.unknownAreaCount += 1;
  else group.reportedAreaKm2 += reportedAreaKm2;
  group.computedAreaKm2 += computedAreaKm2;
  addProjects(group.projects, projects);
}

/**
 * Statistics over `parks` (the visible parks), per chain, per cluster and in total. See
 * {@link FilteredStats} for how parks with two lead chains are counted. O(parks + their projects)
 * the first time, O(parks) after: each park's figures come from the view, which keeps them.
 */
export function filteredStats(view: RegistryView, parks: readonly RegistryPark[]): FilteredStats {
  const total = emptyGroup();
  const byCluster = new Map(view.clusters.map((cluster) => [cluster.id, emptyGroup()]));
  const byChain = new Map(view.chains.map((chain) => [chain.id, emptyGroup()]));
  const projectsOfChain = new Map(view.chains.map((chain) => [chain.id, emptyProjectTotals()]));

  for (const park of parks) {
    const id = park.properties.id;
    const facts = view.factsOf(id);
    const reported = park.properties.area_km2;
    const computed = view.areaOf(id);
    addPark(total, reported, computed, facts.projects);
    for (const chainId of parkChains(park.properties)) {
      const chainGroup = byChain.get(chainId);
      if (chainGroup) addPark(chainGroup, reported, computed, facts.projects);
    }
    for (const cluster of facts.clusters) {
      const clusterGroup = byCluster.get(cluster);
      if (clusterGroup) addPark(clusterGroup, reported, computed, facts.projects);
    }
    for (const [chainId, totals] of facts.projectsByChain) {
      const into = projectsOfChain.get(chainId);
      if (into) addProjects(into, totals);
    }
  }

  return { total, byCluster, byChain, projectsOfChain };
}
