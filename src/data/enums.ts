/**
 * The closed vocabularies of the park registry, apart from the schema so that the app can use
 * them without loading the validation library.
 */

export const CHAIN_STATUSES = ['confirmed', 'reported', 'provisional'] as const;
export const PARK_KINDS = ['main', 'linked', 'elevated'] as const;
export const PARK_LEVELS = ['national', 'provincial', 'municipal', 'county'] as const;
export const AREA_BASES = ['administrative', 'planned', 'core'] as const;
export const BOUNDARY_QUALITIES = ['official', 'approximate', 'schematic'] as const;
export const PROJECT_STATUSES = ['planned', 'signed', 'under-construction', 'operating'] as const;
/** Where a segment (环节) sits in its chain, upstream to downstream, then services. */
export const SEGMENT_STAGES = ['upstream', 'midstream', 'downstream', 'services'] as const;
/** `official`: a Zhenjiang source lists the segment; `generic`: a standard structure. */
export const SEGMENT_BASES = ['official', 'generic'] as const;
/** How a project's segment is known: the report places it there, or the editors did. */
export const SEGMENT_ASSIGNMENTS = ['reported', 'inferred'] as const;
/**
 * A firm's role: `key-firm` named as a leader in a report; `champion` a national 制造业单项冠军;
 * `chain-leader` an official 链主 designation (only with that designation cited).
 */
export const FIRM_ROLES = ['key-firm', 'champion', 'chain-leader'] as const;
/** Districts and functional zones of Zhenjiang, by their Chinese names. */
export const DISTRICTS = [
  '京口区',
  '润州区',
  '丹徒区',
  '镇江新区',
  '丹阳市',
  '句容市',
  '扬中市',
] as const;
