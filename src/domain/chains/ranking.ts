import type { ParkKind } from '../../data/schema';
import type { ChainIndex } from './chainIndex';
import { inScope, type ChainScope } from './scope';
import type { FirmLike, ParkLike, ProjectLike } from './types';

/**
 * "Where can a new project go?" For a chain and one of its segments, the parks ranked by reasons
 * that are spelled out, never folded into an opaque score.
 */

/** How many of a park's projects and firms are in some segments. */
export interface RecordCount {
  readonly projects: number;
  readonly firms: number;
}

/** Projects and firms of a park in one neighbouring segment. */
export interface NeighbourCount extends RecordCount {
  readonly segmentId: string;
  /** `up`: the segment supplies the chosen one; `down`: it takes from it. */
  readonly direction: 'up' | 'down';
}

/** The park's lead chains would break 一园区一主导产业 if this chain were added to them. */
export interface RuleWarning {
  readonly kind: ParkKind;
  /** The park's current lead chains. */
  readonly lead: readonly string[];
  /** How many lead chains its kind allows: 2 for a main zone, 1 for a linked or elevated park. */
  readonly allowed: number;
}

/** Why a park is on the list. Every field is one reason the UI spells out. */
export interface PlacementReasons {
  /** The park has the chain among its lead industries (一园区一主导产业). */
  readonly leadsChain: boolean;
  /** Projects and firms already in the chosen segment here (clustering). */
  readonly sameSegment: RecordCount;
  /** Non-zero counts in the segments just up- and downstream (local supply), in strip order. */
  readonly neighbours: readonly NeighbourCount[];
  /** Projects and firms of the chain in its other segments (or in none). */
  readonly elsewhereInChain: RecordCount;
  /** Set when the park does not lead the chain and has no room for another lead chain. */
  readonly ruleWarning: RuleWarning | null;
}

/** A park in the ranking. */
export interface RankedPark {
  readonly parkId: string;
  /** 1-based position in the list. */
  readonly rank: number;
  readonly reasons: PlacementReasons;
  /** True when every reason equals the previous park's: the list order decided between them. */
  readonly tiedWithPrevious: boolean;
}

/** How many lead chains a park of each kind may have (一园区一主导产业). */
export const LEAD_LIMIT: Readonly<Record<ParkKind, number>> = { main: 2, linked: 1, elevated: 1 };

/** The rule warning for adding `chainId` to the park's lead chains, or null when it fits. */
export function ruleWarning(park: ParkLike, chainId: string): RuleWarning | null {
  if (park.lead.includes(chainId)) return null;
  const allowed = LEAD_LIMIT[park.kind];
  return park.lead.length + 1 > allowed ? { kind: park.kind, lead: park.lead, allowed } : null;
}

function total(count: RecordCount): number {
  return count.projects + count.firms;
}

/**
 * The order of the list, reason by reason (the first difference decides):
 * 1. parks leading the chain first (the rule names where a chain's projects belong);
 * 2. then parks that could take the chain without breaking the rule;
 * 3. more projects and firms in the chosen segment first;
 * 4. more in the segments just up- and downstream first;
 * 5. more elsewhere in the chain first;
 * 6. ties: the park list's own order (kind, level, name, id), so the result is deterministic.
 */
export function compareReasons(a: PlacementReasons, b: PlacementReasons): number {
  return (
    Number(b.leadsChain) - Number(a.leadsChain) ||
    Number(a.ruleWarning !== null) - Number(b.ruleWarning !== null) ||
    total(b.sameSegment) - total(a.sameSegment) ||
    neighbourTotal(b) - neighbourTotal(a) ||
    total(b.elsewhereInChain) - total(a.elsewhereInChain)
  );
}

function neighbourTotal(reasons: PlacementReasons): number {
  return reasons.neighbours.reduce((sum, n) => sum + total(n), 0);
}

/** Whether a park has any reason to be listed: it leads the chain or hosts some of it. */
function hasReason(reasons: PlacementReasons): boolean {
  return (
    reasons.leadsChain ||
    total(reasons.sameSegment) > 0 ||
    reasons.neighbours.length > 0 ||
    total(reasons.elsewhereInChain) > 0
  );
}

function countByPark<T extends ProjectLike | FirmLike>(
  records: readonly T[],
  scope: ChainScope,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) {
    if (record.park === null || !inScope(scope, record.park)) continue;
    counts.set(record.park, (counts.get(record.park) ?? 0) + 1);
  }
  return counts;
}

/**
 * The parks where a new project of `chainId` in `segmentId` could go, best first, with their
 * reasons. Listed: the parks in `scope` that lead the chain or already host any of it; parks with
 * none of that are left out (the registry gives no reason for them). `parks` in list order
 * decides ties. Empty for an unknown chain or a segment of another chain.
 */
export function rankParksForSegment(
  index: ChainIndex,
  parks: readonly ParkLike[],
  chainId: string,
  segmentId: string,
  scope: ChainScope,
): readonly RankedPark[] {
  const entry = index.segmentById.get(segmentId);
  if (!index.chainById.has(chainId) || entry?.chainId !== chainId) return [];
  const neighbours = index.neighbours.get(segmentId) ?? { up: [], down: [] };
  const chain = index.chainById.get(chainId);
  const ordered = (chain?.segments ?? []).map((s) => s.id);
  const neighbourIds = ordered.filter(
    (id) => neighbours.up.includes(id) || neighbours.down.includes(id),
  );

  const segmentProjects = (id: string): Map<string, number> =>
    countByPark(index.projectsBySegment.get(id) ?? [], scope);
  const segmentFirms = (id: string): Map<string, number> =>
    countByPark(index.firmsBySegment.get(id) ?? [], scope);
  const sameProjects = segmentProjects(segmentId);
  const sameFirms = segmentFirms(segmentId);
  const neighbourCounts = neighbourIds.map((id) => ({
    id,
    direction: neighbours.up.includes(id) ? ('up' as const) : ('down' as const),
    projects: segmentProjects(id),
    firms: segmentFirms(id),
  }));
  const chainProjects = countByPark(index.projectsByChain.get(chainId) ?? [], scope);
  // A firm in two segments of the chain counts once for the chain.
  const chainFirms = countByPark(index.firmsByChain.get(chainId) ?? [], scope);
  const firmsInSegmentAt = (parkId: string, ids: readonly string[]): number =>
    (index.firmsByChain.get(chainId) ?? []).filter(
      (f) => f.park === parkId && f.segments.some((s) => ids.includes(s)),
    ).length;

  const candidates = parks
    .filter((park) => scope.parkIncluded(park.id))
    .map((park, order) => {
      const same: RecordCount = {
        projects: sameProjects.get(park.id) ?? 0,
        firms: sameFirms.get(park.id) ?? 0,
      };
      const near: NeighbourCount[] = neighbourCounts
        .map((n) => ({
          segmentId: n.id,
          direction: n.direction,
          projects: n.projects.get(park.id) ?? 0,
          firms: n.firms.get(park.id) ?? 0,
        }))
        .filter((n) => total(n) > 0);
      // "Elsewhere": the chain's records here that are neither in the segment nor a neighbour.
      const nearProjects = near.reduce((sum, n) => sum + n.projects, 0);
      const nearFirms = firmsInSegmentAt(park.id, [segmentId, ...neighbourIds]);
      const reasons: PlacementReasons = {
        leadsChain: park.lead.includes(chainId),
        sameSegment: same,
        neighbours: near,
        elsewhereInChain: {
          projects: (chainProjects.get(park.id) ?? 0) - same.projects - nearProjects,
          firms: (chainFirms.get(park.id) ?? 0) - nearFirms,
        },
        ruleWarning: ruleWarning(park, chainId),
      };
      return { parkId: park.id, order, reasons };
    })
    .filter((candidate) => hasReason(candidate.reasons));

  candidates.sort((a, b) => compareReasons(a.reasons, b.reasons) || a.order - b.order);
  return candidates.map((candidate, i) => {
    const previous = candidates[i - 1];
    return {
      parkId: candidate.parkId,
      rank: i + 1,
      reasons: candidate.reasons,
      tiedWithPrevious:
        previous !== undefined && compareReasons(previous.reasons, candidate.reasons) === 0,
    };
  });
}
