import type { ProjectTotals } from '../parkFacts';
import { sortParkIds, type ChainIndex } from './chainIndex';
import { inScope, type ChainScope } from './scope';
import { coverageState, WEAK_BELOW, type CoverageState } from './thresholds';
import type { FirmLike, ProjectLike, SegmentLike } from './types';

/** One segment's coverage in this registry under the current scope. */
export interface SegmentCoverage {
  readonly segment: SegmentLike;
  /** The projects counted, in name order, those without a park included (when in scope). */
  readonly projects: readonly ProjectLike[];
  /** The counted projects without a reported park: they are not on the map. */
  readonly unplacedProjects: readonly ProjectLike[];
  /** The key firms counted, in name order. */
  readonly firms: readonly FirmLike[];
  /** Parks hosting the segment (a counted project or firm in it), in list order. */
  readonly parkIds: readonly string[];
  /** The counted projects' known investment. */
  readonly investment: ProjectTotals;
  readonly state: CoverageState;
}

/** A chain's coverage: its segments in strip order, and what the registry leaves unassigned. */
export interface ChainCoverage {
  readonly chainId: string;
  readonly segments: readonly SegmentCoverage[];
  /** Counted projects of the chain without a segment. */
  readonly unsegmentedProjects: readonly ProjectLike[];
  /** The threshold the states were computed with (see thresholds.ts). */
  readonly weakBelow: number;
}

/** Count, known investment and unknown-investment count of some projects. */
export function projectTotals(projects: readonly ProjectLike[]): ProjectTotals {
  let investmentCny100m = 0;
  let unknownInvestmentCount = 0;
  for (const project of projects) {
    if (project.investment_cny_100m === null) unknownInvestmentCount += 1;
    else investmentCny100m += project.investment_cny_100m;
  }
  return { count: projects.length, investmentCny100m, unknownInvestmentCount };
}

/** One segment's coverage; an unknown segment id gives null. */
export function segmentCoverage(
  index: ChainIndex,
  segmentId: string,
  scope: ChainScope,
  weakBelow = WEAK_BELOW,
): SegmentCoverage | null {
  const entry = index.segmentById.get(segmentId);
  if (!entry) return null;
  const projects = (index.projectsBySegment.get(segmentId) ?? []).filter((p) =>
    inScope(scope, p.park),
  );
  const firms = (index.firmsBySegment.get(segmentId) ?? []).filter((f) => inScope(scope, f.park));
  const parks = new Set<string>();
  for (const record of [...projects, ...firms]) if (record.park !== null) parks.add(record.park);
  return {
    segment: entry.segment,
    projects,
    unplacedProjects: projects.filter((p) => p.park === null),
    firms,
    parkIds: sortParkIds(index, parks),
    investment: projectTotals(projects),
    state: coverageState(projects.length, firms.length, weakBelow),
  };
}

/**
 * The coverage of every segment of a chain, in strip order, for the registry under `scope`; null
 * for an unknown chain. O(records of the chain).
 */
export function chainCoverage(
  index: ChainIndex,
  chainId: string,
  scope: ChainScope,
  weakBelow = WEAK_BELOW,
): ChainCoverage | null {
  const chain = index.chainById.get(chainId);
  if (!chain) return null;
  const segments = chain.segments.flatMap((segment) => {
    const coverage = segmentCoverage(index, segment.id, scope, weakBelow);
    return coverage ? [coverage] : [];
  });
  const known = new Set(chain.segments.map((segment) => segment.id));
  const unsegmentedProjects = (index.projectsByChain.get(chainId) ?? []).filter(
    (p) => (p.segment === null || !known.has(p.segment)) && inScope(scope, p.park),
  );
  return { chainId, segments, unsegmentedProjects, weakBelow };
}

/** The projects of a segment's coverage in one park, in name order. */
export function segmentProjectsInPark(
  coverage: SegmentCoverage,
  parkId: string,
): readonly ProjectLike[] {
  return coverage.projects.filter((project) => project.park === parkId);
}

/** The firms of a segment's coverage in one park, in name order. */
export function segmentFirmsInPark(coverage: SegmentCoverage, parkId: string): readonly FirmLike[] {
  return coverage.firms.filter((firm) => firm.park === parkId);
}
