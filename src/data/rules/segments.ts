import type { Chain } from '../schema';
import type { Table } from './collect';
import { closestId } from './references';
import type { Report } from './report';

/**
 * References to segments: a project's `segment` and a firm's `segments` must be segments of the
 * record's own chain (segment ids are global, so a segment of another chain is named as such).
 */

/** Which chain each segment id belongs to (the first, where ids repeat). */
export function segmentOwners(chains: Table<Chain>): ReadonlyMap<string, string> {
  const owners = new Map<string, string>();
  for (const chain of chains.byId.values())
    for (const segment of chain.segments)
      if (!owners.has(segment.id)) owners.set(segment.id, chain.id);
  return owners;
}

/** Everything a segment check needs, built once per validation. */
export interface SegmentLookup {
  readonly chains: Table<Chain>;
  readonly owners: ReadonlyMap<string, string>;
}

/**
 * Reports `segment` unless it is a segment of `chainId`. Says nothing when the chain itself does
 * not resolve (that is reported as an unknown reference already).
 */
export function checkSegment(
  lookup: SegmentLookup,
  chainId: string,
  segment: string,
  field: string,
  ownId: string,
  report: Report,
): void {
  const chain = lookup.chains.byId.get(chainId);
  if (!chain) return;
  const owner = lookup.owners.get(segment);
  if (owner === chainId) return;
  if (owner !== undefined) {
    report(
      ownId,
      'segment-not-in-chain',
      `${field} '${segment}' is a segment of chain '${owner}', not of its chain '${chainId}': use a segment of '${chainId}', or correct chain`,
    );
    return;
  }
  const own = chain.segments.map((s) => s.id);
  const suggestion = closestId(segment, own);
  const fix = suggestion
    ? `did you mean '${suggestion}'?`
    : `use one of the segments of '${chainId}' in ${lookup.chains.file}`;
  report(
    ownId,
    'segment-not-in-chain',
    `${field} '${segment}' is not a segment of its chain '${chainId}': ${fix}`,
  );
}
