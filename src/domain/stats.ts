import type { ParkFeature, ParkProperties, Project } from '../data/schema';
import { parkChains, type ChainId, type ClusterId, type RegistryIndex } from './membership';

/** Projects counted together: how many, their known investment, and how many lack one. */
export interface ProjectTotals {
  readonly count: number;
  /** Sum of the known investments, in 亿元 (100 million CNY). */
  readonly investmentCny100m: number;
  /** Projects whose investment was not reported (not counted in the sum). */
  readonly unknownInvestmentCount: number;
}

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
export type ComputedArea = (park: ParkFeature) => number;

interface MutableProjectTotals {
  count: number;
  investmentCny100m: number;
  unknownInvestmentCount: number;
}

interface MutableGroup {
  parks: number;
  reportedAreaKm2: number;
  unknownAreaCount: number;
  computedAreaKm2: number;
  projects: MutableProjectTotals;
}

function emptyProjectTotals(): MutableProjectTotals {
  return { count: 0, investmentCny100m: 0, unknownInvestmentCount: 0 };
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

function addProjects(into: MutableProjectTotals, from: ProjectTotals): void {
  into.count += from.count;
  into.investmentCny100m += from.investmentCny100m;
  into.unknownInvestmentCount += from.unknownInvestmentCount;
}

/** Counts projects and sums their known investment. */
export function projectTotals(projects: readonly Project[]): ProjectTotals {
  const totals = emptyProjectTotals();
  for (const project of projects) addProject(totals, project);
  return totals;
}

function addProject(into: MutableProjectTotals, project: Project): void {
  into.count += 1;
  if (project.investment_cny_100m === null) into.unknownInvestmentCount += 1;
  else into.investmentCny100m += project.investment_cny_100m;
}

function addPark(group: MutableGroup, share: ParkShare, computedAreaKm2: number): void {
  group.parks += 1;
  if (share.reportedAreaKm2 === null) group.unknownAreaCount += 1;
  else group.reportedAreaKm2 += share.reportedAreaKm2;
  group.computedAreaKm2 += computedAreaKm2;
  addProjects(group.projects, share.projectTotals);
}

/** What a park adds to the statistics apart from its drawn area, which the caller measures. */
interface ParkShare {
  readonly reportedAreaKm2: number | null;
  readonly projectTotals: ProjectTotals;
  /** The park's projects totalled per chain (of the project), for the per-chain project figures. */
  readonly projectTotalsByChain: ReadonlyArray<readonly [ChainId, ProjectTotals]>;
  /** The park's chains that the registry knows, with their groups' keys. */
  readonly chains: readonly ChainId[];
  /** The clusters of those chains, each once. */
  readonly clusters: readonly ClusterId[];
}

// A Map inside, not a WeakMap: it lives as long as the index anyway, and looks up faster.
const sharesByIndex = new WeakMap<RegistryIndex, Map<ParkFeature, ParkShare>>();

/**
 * A park's share, computed on its first filter change and kept as long as the index: the filter
 * changes often and the parks never do.
 */
function shareOf(
  index: RegistryIndex,
  shares: Map<ParkFeature, ParkShare>,
  park: ParkFeature,
): ParkShare {
  const known = shares.get(park);
  if (known) return known;
  const projects = index.projectsByPark.get(park.properties.id) ?? [];
  // A Set, so that a park whose two lead chains share a cluster counts there once.
  const clusters = new Set<ClusterId>();
  for (const chainId of parkChains(park.properties)) {
    const cluster = index.chainById.get(chainId)?.cluster;
    if (cluster !== undefined) clusters.add(cluster);
  }
  const byChain = new Map<ChainId, MutableProjectTotals>();
  for (const project of projects) {
    let totals = byChain.get(project.chain);
    if (!totals) byChain.set(project.chain, (totals = emptyProjectTotals()));
    addProject(totals, project);
  }
  const share: ParkShare = {
    reportedAreaKm2: park.properties.area_km2,
    projectTotals: projectTotals(projects),
    projectTotalsByChain: [...byChain],
    chains: parkChains(park.properties),
    clusters: [...clusters],
  };
  shares.set(park, share);
  return share;
}

/**
 * Statistics over `parks` (the visible parks), per chain, per cluster and in total. See
 * {@link FilteredStats} for how parks with two lead chains are counted. O(parks + their projects).
 */
export function filteredStats(
  index: RegistryIndex,
  parks: readonly ParkFeature[],
  computedArea: ComputedArea,
): FilteredStats {
  const total = emptyGroup();
  const byCluster = new Map(index.clusters.map((cluster) => [cluster.id, emptyGroup()]));
  const byChain = new Map(index.chains.map((chain) => [chain.id, emptyGroup()]));
  const projectsOfChain = new Map(index.chains.map((chain) => [chain.id, emptyProjectTotals()]));

  let shares = sharesByIndex.get(index);
  if (!shares) sharesByIndex.set(index, (shares = new Map()));
  for (const park of parks) {
    const share = shareOf(index, shares, park);
    const computed = computedArea(park);
    addPark(total, share, computed);
    for (const chainId of share.chains) {
      const chainGroup = byChain.get(chainId);
      if (chainGroup) addPark(chainGroup, share, computed);
    }
    for (const cluster of share.clusters) {
      const clusterGroup = byCluster.get(cluster);
      if (clusterGroup) addPark(clusterGroup, share, computed);
    }

    for (const [chainId, totals] of share.projectTotalsByChain) {
      const into = projectsOfChain.get(chainId);
      if (into) addProjects(into, totals);
    }
  }

  return { total, byCluster, byChain, projectsOfChain };
}

/** How much of a park's activity lies in its lead chains (一园区一主导产业). */
export interface LeadFocus {
  /** The park's projects. */
  readonly projects: number;
  /** Of those, the projects whose chain is one of the park's lead chains. */
  readonly projectsInLead: number;
  /** `projectsInLead / projects`; null without projects. */
  readonly projectShare: number | null;
  /** Known investment of all the park's projects, in 亿元 (unreported investments count as 0). */
  readonly knownInvestment: number;
  /** Known investment of the projects in lead chains, in 亿元. */
  readonly knownInvestmentInLead: number;
  /** `knownInvestmentInLead / knownInvestment`; null without known investment. */
  readonly investmentShare: number | null;
}

/** The share of a park's projects, and of their known investment, that fall in its lead chains. */
export function leadFocus(park: ParkProperties, projects: readonly Project[]): LeadFocus {
  const lead = new Set(parkChains(park));
  let projectsInLead = 0;
  let investment = 0;
  let investmentInLead = 0;
  for (const project of projects) {
    const inLead = lead.has(project.chain);
    if (inLead) projectsInLead += 1;
    const amount = project.investment_cny_100m ?? 0;
    investment += amount;
    if (inLead) investmentInLead += amount;
  }
  return {
    projects: projects.length,
    projectsInLead,
    projectShare: projects.length === 0 ? null : projectsInLead / projects.length,
    knownInvestment: investment,
    knownInvestmentInLead: investmentInLead,
    investmentShare: investment === 0 ? null : investmentInLead / investment,
  };
}

/** Below this share of projects in its lead chains, a park is off its focus. */
export const FOCUS_THRESHOLD = 0.5;

/** With fewer projects than this, a share says too little to call a park off its focus. */
export const FOCUS_MIN_PROJECTS = 2;

/**
 * Whether a park has drifted from "one park, one lead industry": at least two projects, and fewer
 * than half of them in its lead chains. Exactly half is still on focus.
 */
export function isOffFocus(focus: LeadFocus): boolean {
  return (
    focus.projects >= FOCUS_MIN_PROJECTS && focus.projectsInLead / focus.projects < FOCUS_THRESHOLD
  );
}
