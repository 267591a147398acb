import type { Chain, Cluster } from '../schema';
import { aliasFindings } from './aliases';
import type { Table } from './collect';
import type { Report } from './report';

/**
 * Rules across the chains of chains.json: segment ids are unique over all chains, each segment's
 * basis agrees with its sources, a former id is not a live id, and no alias names two chains.
 */

function segmentBasisFinding(chain: Chain, report: Report): void {
  for (const segment of chain.segments) {
    const where = `segment '${segment.id}'`;
    const cited = segment.sources.length > 0;
    if (segment.basis === 'official' && !cited) {
      report(
        chain.id,
        'segment-basis',
        `${where} is official but cites no source: add the Zhenjiang source that lists it, or make it generic`,
      );
    } else if (segment.basis === 'official' && segment.editors_draft) {
      report(
        chain.id,
        'segment-basis',
        `${where} is official, so it is not an editors’ draft: set editors_draft to false`,
      );
    } else if (segment.basis === 'generic' && segment.editors_draft === cited) {
      report(
        chain.id,
        'segment-basis',
        cited
          ? `${where} cites a source, so it is not an editors’ draft: set editors_draft to false`
          : `${where} is generic and cites no source, so it is the editors’ draft: set editors_draft to true, or cite the source`,
      );
    }
  }
}

/** Segment ids across chains; the first chain to use an id keeps it. */
function duplicateSegmentFindings(chains: readonly Chain[], report: Report): void {
  const owner = new Map<string, string>();
  for (const chain of chains) {
    for (const segment of chain.segments) {
      const first = owner.get(segment.id);
      if (first === undefined) {
        owner.set(segment.id, chain.id);
        continue;
      }
      const place =
        first === chain.id ? 'another segment of this chain' : `a segment of chain '${first}'`;
      report(
        chain.id,
        'duplicate-segment-id',
        `segment '${segment.id}' repeats the id of ${place}: segment ids must be unique across all chains; rename one of them`,
      );
    }
  }
}

function formerIdFindings(chains: Table<Chain>, clusters: Table<Cluster>, report: Report): void {
  for (const chain of chains.byId.values()) {
    for (const former of chain.former_ids) {
      const live = chains.seen.has(former) ? 'chain' : clusters.seen.has(former) ? 'cluster' : null;
      if (live === null) continue;
      report(
        chain.id,
        'former-id-live',
        `former id '${former}' is the id of a live ${live}: a link with it must mean that ${live}; remove it from former_ids`,
      );
    }
  }
}

/** All chain rules; `chains` and `clusters` are the validator's tables of chains.json. */
export function chainFindings(
  chains: Table<Chain>,
  clusters: Table<Cluster>,
  report: Report,
): void {
  const valid = [...chains.byId.values()];
  duplicateSegmentFindings(valid, report);
  for (const chain of valid) segmentBasisFinding(chain, report);
  formerIdFindings(chains, clusters, report);
  aliasFindings(
    valid.map((chain) => ({
      id: chain.id,
      names: [chain.name.zh, chain.name.en],
      aliases: chain.aliases,
    })),
    'chain',
    report,
  );
}
