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
