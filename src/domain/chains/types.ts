import type { Bilingual, Name, ParkKind, ProjectStatus, Source } from '../../data/schema';

/**
 * The shapes the chain logic reads, as the team agreed them for #13 (COORDINATION.md, "the agreed
 * data shape"). They are structural: the schema's own types satisfy them, so the chain logic works
 * on the loaded registry and on small test fixtures alike, and reads no more than it needs.
 */

/** Where a segment sits in its chain: the stage order is the display order of the strip. */
export const SEGMENT_STAGES = ['upstream', 'midstream', 'downstream', 'services'] as const;

/** A segment's stage (上游 / 中游 / 下游 / 服务). */
export type SegmentStage = (typeof SEGMENT_STAGES)[number];

/** A segment (环节) of a chain, as in `geo/chains.json`. */
export interface SegmentLike {
  readonly id: string;
  readonly name: Bilingual;
  readonly stage: SegmentStage;
  /** `official` from a Zhenjiang source; `generic` a standard structure. */
  readonly basis: 'official' | 'generic';
  /** True when generic and no source gives it: the editors' draft. */
  readonly editors_draft: boolean;
  readonly sources: readonly Source[];
  readonly note?: Bilingual | undefined;
}

/** A size figure of a chain with its year and sources; conflicting figures are separate entries. */
export interface ChainFigureLike {
  readonly metric: Bilingual;
  readonly value: number;
  readonly unit: string;
  readonly year: number | null;
  readonly sources: readonly Source[];
  /** Qualifiers such as "more than" or "target", and what the figure covers. */
  readonly note?: Bilingual | undefined;
}

/** What the chain logic reads of a chain. */
export interface ChainLike {
  readonly id: string;
  readonly name: Bilingual;
  /** In stage order: the array order is the display order. */
  readonly segments: readonly SegmentLike[];
  /** Ids this chain replaced; a link with one of them maps to every chain listing it. */
  readonly former_ids: readonly string[];
}

/** What the chain logic reads of a park. */
export interface ParkLike {
  readonly id: string;
  readonly kind: ParkKind;
  readonly lead: readonly string[];
}

/** What the chain logic reads of a project. */
export interface ProjectLike {
  readonly id: string;
  readonly name: Name;
  /** Null when no report names the park: it counts for its chain and segment, not for a park. */
  readonly park: string | null;
  readonly chain: string;
  readonly segment: string | null;
  readonly status: ProjectStatus;
  readonly year: number | null;
  readonly investment_cny_100m: number | null;
}

/** What the chain logic reads of a key firm (geo/firms.json). */
export interface FirmLike {
  readonly id: string;
  readonly name: Name;
  readonly park: string | null;
  readonly chain: string;
  readonly segments: readonly string[];
  readonly role: 'key-firm' | 'champion' | 'chain-leader';
}
