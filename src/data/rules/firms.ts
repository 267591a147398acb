import type { Chain, Firm, ParkFeature } from '../schema';
import type { Table } from './collect';
import { checkReference } from './references';
import type { Report } from './report';
import { checkSegment, type SegmentLookup } from './segments';

/**
 * Firms: park, chain and segments resolve, and a role that claims a designation cites it — a
 * `chain-leader` a source naming the 链主 designation, a `champion` one naming the 单项冠军.
 */

/** The word a source of each designated role must contain, in its title or note. */
export const ROLE_DESIGNATIONS = { 'chain-leader': '链主', champion: '单项冠军' } as const;

const ROLE_NAMES = {
  'chain-leader': 'a chain leader (链主)',
  champion: 'a champion (制造业单项冠军)',
} as const;

function designationFinding(firm: Firm, report: Report): void {
  if (firm.role === 'key-firm') return;
  const word = ROLE_DESIGNATIONS[firm.role];
  const cited = firm.sources.some((s) => s.title.includes(word) || (s.note ?? '').includes(word));
  if (cited) return;
  report(
    firm.id,
    'role-without-designation',
    `role is ${ROLE_NAMES[firm.role]}, but no source’s title or note names the ${word} designation: cite it, or make the role key-firm`,
  );
}

/** Tables the firm rules look into. */
export interface FirmTables {
  readonly parks: Table<ParkFeature>;
  readonly chains: Table<Chain>;
}

/** The firm rules over every firm that passed its schema. */
export function firmFindings(
  firms: Iterable<Firm>,
  tables: FirmTables,
  lookup: SegmentLookup,
  report: Report,
): void {
  for (const firm of firms) {
    if (firm.park !== null)
      checkReference(tables.parks, firm.park, 'park', 'park', firm.id, report);
    checkReference(tables.chains, firm.chain, 'chain', 'chain', firm.id, report);
    const repeated = new Set<string>();
    for (const segment of firm.segments) {
      if (repeated.has(segment)) continue;
      repeated.add(segment);
      checkSegment(lookup, firm.chain, segment, 'segment', firm.id, report);
    }
    designationFinding(firm, report);
  }
}
