import type { ParkSummary, RegistryPark, RegistryProject } from '../data/registry';
import { parkChains, type ChainId, type ClusterId, type RegistryIndex } from './membership';

/** Projects counted together: how many, their known investment, and how many lack one. */
export interface ProjectTotals {
  readonly count: number;
  /** Sum of the known investments, in 亿元 (100 million CNY). */
  readonly investmentCny100m: number;
  /** Projects whose investment was not reported (not counted in the sum). */
  readonly unknownInvestmentCount: number;
}

interface MutableProjectTotals {
  count: number;
  investmentCny100m: number;
  unknownInvestmentCount: number;
}

/** Totals of no projects, to add into. */
export function emptyProjectTotals(): MutableProjectTotals {
  return { count: 0, investmentCny100m: 0, unknownInvestmentCount: 0 };
}

/** Adds one project to running totals. */
function addProject(into: MutableProjectTotals, project: RegistryProject): void {
  into.count += 1;
  if (project.investment_cny_100m === null) into.unknownInvestmentCount += 1;
  else into.investmentCny100m += project.investment_cny_100m;
}

/** Counts projects and sums their known investment. */
export function projectTotals(projects: readonly RegistryProject[]): ProjectTotals {
  const totals = emptyProjectTotals();
  for (const project of projects) addProject(totals, project);
  return totals;
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
export function leadFocus(park: ParkSummary, projects: readonly RegistryProject[]): LeadFocus {
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

/**
 * What the registry says about one park once its projects and chains are worked through: the
 * figures the detail, the list's off-focus flag and the statistics all read, computed once per park
 * by the registry view (domain/registryView.ts).
 */
export interface ParkFacts {
  /** All the park's projects, whatever their chain. */
  readonly projects: ProjectTotals;
  /** The park's projects totalled per chain (of the project), for the per-chain project figures. */
  readonly projectsByChain: ReadonlyArray<readonly [ChainId, ProjectTotals]>;
  /** The clusters of the park's lead chains that the registry knows, each once. */
  readonly clusters: readonly ClusterId[];
  readonly focus: LeadFocus;
  /** {@link isOffFocus} of {@link ParkFacts.focus}. */
  readonly offFocus: boolean;
}

/** Works out a park's {@link ParkFacts}: O(its projects). */
export function parkFacts(index: RegistryIndex, park: RegistryPark): ParkFacts {
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
  const focus = leadFocus(park.properties, projects);
  return {
    projects: projectTotals(projects),
    projectsByChain: [...byChain],
    clusters: [...clusters],
    focus,
    offFocus: isOffFocus(focus),
  };
}
