import type {
  Bilingual,
  BoundaryQuality,
  District,
  ParkKind,
  ParkLevel,
  ProjectStatus,
} from '../data/schema';

/**
 * The labels of the schema's enum values, one group per enum. Beside the UI strings
 * (i18nStrings.ts) rather than in them, because these follow the data, not the screens.
 */

// The keys spell out their enum value, so each group below is checked for completeness against
// the schema's enums by its `satisfies` clause: a new kind without a label is a type error.
export const KIND_STRINGS = {
  'kind.main': { zh: '主体开发区', en: 'Main development zone' },
  'kind.linked': { zh: '辐射联动园区', en: 'Linked park' },
  'kind.elevated': { zh: '提级管理园区', en: 'Elevated-management park' },
} as const satisfies Record<`kind.${ParkKind}`, Bilingual>;

export const LEVEL_STRINGS = {
  'level.national': { zh: '国家级', en: 'National' },
  'level.provincial': { zh: '省级', en: 'Provincial' },
  'level.municipal': { zh: '市级', en: 'Municipal' },
  'level.county': { zh: '县级', en: 'County' },
} as const satisfies Record<`level.${ParkLevel}`, Bilingual>;

export const DISTRICT_STRINGS = {
  'district.京口区': { zh: '京口区', en: 'Jingkou District' },
  'district.润州区': { zh: '润州区', en: 'Runzhou District' },
  'district.丹徒区': { zh: '丹徒区', en: 'Dantu District' },
  'district.镇江新区': { zh: '镇江新区', en: 'Zhenjiang New Area' },
  'district.丹阳市': { zh: '丹阳市', en: 'Danyang' },
  'district.句容市': { zh: '句容市', en: 'Jurong' },
  'district.扬中市': { zh: '扬中市', en: 'Yangzhong' },
} as const satisfies Record<`district.${District}`, Bilingual>;

export const STATUS_STRINGS = {
  'status.planned': { zh: '规划', en: 'Planned' },
  'status.signed': { zh: '签约', en: 'Signed' },
  'status.under-construction': { zh: '在建', en: 'Under construction' },
  'status.operating': { zh: '投产运营', en: 'Operating' },
} as const satisfies Record<`status.${ProjectStatus}`, Bilingual>;

export const BOUNDARY_STRINGS = {
  'boundary.official': { zh: '官方边界', en: 'Official boundary' },
  'boundary.approximate': { zh: '近似边界', en: 'Approximate boundary' },
  'boundary.schematic': { zh: '示意边界', en: 'Schematic boundary' },
  'boundary.official.explain': {
    zh: '按公布的四至边界数字化。',
    en: 'Digitised from the published four-sided boundary (四至).',
  },
  'boundary.approximate.explain': {
    zh: '按报道描述的道路和地标勾绘，位置大致可信。',
    en: 'Traced from roads and landmarks named in reports; roughly where the park is.',
  },
  'boundary.schematic.explain': {
    zh: '在已知位置按报道面积绘制的示意图形，并非官方四至。',
    en: 'A shape of the reported area at the known location, not the official boundary.',
  },
} as const satisfies Record<`boundary.${BoundaryQuality}${'' | '.explain'}`, Bilingual>;

export const BASIS_STRINGS = {
  'basis.official': { zh: '官方', en: 'Official' },
  'basis.reported': { zh: '报道', en: 'Reported' },
  'basis.inferred': { zh: '推断', en: 'Inferred' },
} as const satisfies Record<`basis.${'official' | 'reported' | 'inferred'}`, Bilingual>;

export const AREA_BASIS_STRINGS = {
  'areaBasis.administrative': { zh: '行政区域面积', en: 'administrative area' },
  'areaBasis.planned': { zh: '规划面积', en: 'planned area' },
  'areaBasis.core': { zh: '核心区面积', en: 'core area' },
} as const satisfies Record<`areaBasis.${'administrative' | 'planned' | 'core'}`, Bilingual>;

export const CONFIDENCE_STRINGS = {
  'confidence.H': { zh: '高', en: 'High' },
  'confidence.M': { zh: '中', en: 'Medium' },
  'confidence.L': { zh: '低', en: 'Low' },
} as const satisfies Record<`confidence.${'H' | 'M' | 'L'}`, Bilingual>;

export const CHAIN_STATUS_STRINGS = {
  'chainStatus.confirmed': { zh: '已确认', en: 'Confirmed' },
  'chainStatus.reported': { zh: '有报道', en: 'Reported' },
  'chainStatus.provisional': { zh: '待确认', en: 'Provisional' },
} as const satisfies Record<`chainStatus.${'confirmed' | 'reported' | 'provisional'}`, Bilingual>;

// General UI strings, keyed by what they label; dotted keys group a panel's strings.
