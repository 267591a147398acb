import * as v from 'valibot';
import {
  CHAIN_STATUSES,
  PARK_KINDS,
  PARK_LEVELS,
  AREA_BASES,
  BOUNDARY_QUALITIES,
  PROJECT_STATUSES,
  DISTRICTS,
  SEGMENT_STAGES,
  SEGMENT_BASES,
  SEGMENT_ASSIGNMENTS,
  FIRM_ROLES,
} from './enums';

export {
  CHAIN_STATUSES,
  PARK_KINDS,
  PARK_LEVELS,
  AREA_BASES,
  BOUNDARY_QUALITIES,
  PROJECT_STATUSES,
  DISTRICTS,
  SEGMENT_STAGES,
  SEGMENT_BASES,
  SEGMENT_ASSIGNMENTS,
  FIRM_ROLES,
};

/**
 * The one schema of the park registry in geo/: used by the app when it loads the data and by
 * `npm run validate`. Structural checks live here; rules that look across records (references,
 * the lead-industry rule, geometry) live in validate.ts.
 */

/** A date as precise as the source gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
const PartialDateSchema = v.pipe(
  v.string(),
  v.regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'must be YYYY, YYYY-MM or YYYY-MM-DD',
  ),
);

/** A stable slug: lower-case letters, digits and hyphens. */
const IdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug of a-z, 0-9 and single hyphens'),
);

const NonEmptyString = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

/** Text in both UI languages. */
export const BilingualSchema = v.object({
  zh: NonEmptyString,
  en: NonEmptyString,
});

/** A name: Chinese is required (it is the official name); English where one is known. */
export const NameSchema = v.object({
  zh: NonEmptyString,
  en: v.optional(NonEmptyString),
});

/** A source link may only be http(s): anything else (javascript:, data:) is rejected. */
const HttpUrlSchema = v.pipe(
  v.string(),
  v.url('must be a URL'),
  v.regex(/^https?:\/\//i, 'must be an http or https URL'),
);

/** Where a fact comes from. `url` is absent when the source was seen only offline or as an excerpt. */
export const SourceSchema = v.object({
  title: NonEmptyString,
  url: v.optional(HttpUrlSchema),
  date: v.optional(PartialDateSchema),
  publisher: v.optional(NonEmptyString),
  note: v.optional(NonEmptyString),
});

const SourcesSchema = v.pipe(v.array(SourceSchema), v.minLength(1, 'needs at least one source'));

/** How sure the research is of a record's identity and facts (see research notes). */
export const ConfidenceSchema = v.picklist(['H', 'M', 'L']);

/** Whether a value was published (`reported`/`official`) or inferred by the editors. */
export const BasisSchema = v.picklist(['official', 'reported', 'inferred']);

export const ClusterSchema = v.object({
  id: IdSchema,
  name: BilingualSchema,
  status: v.picklist(CHAIN_STATUSES),
  sources: SourcesSchema,
});

/**
 * Alternative names of a record, for matching imported spreadsheets: each non-empty. Absent
 * reads as none, so data written before aliases existed (a stored import) still loads.
 */
const AliasesSchema = v.optional(v.array(NonEmptyString), []);

/** A list field added after the registry's first release: absent reads as empty. */
const laterList = <T extends v.GenericSchema>(item: T) => v.optional(v.array(item), []);

const YearSchema = v.pipe(v.number(), v.integer(), v.minValue(1980), v.maxValue(2100));

/**
 * A segment (环节) of a chain. `official`: a Zhenjiang source lists it (cited); `generic`: a
 * standard structure of such chains, cited where a source gives one, else `editors_draft`.
 */
export const SegmentSchema = v.object({
  /** Unique across all chains, so a segment id alone names it (URL `segment=`). */
  id: IdSchema,
  name: BilingualSchema,
  stage: v.picklist(SEGMENT_STAGES),
  basis: v.picklist(SEGMENT_BASES),
  /** True when the segment is generic and no source gives it: the editors' draft. */
  editors_draft: v.boolean(),
  /** May be empty only for an editors' draft (the validator checks). */
  sources: v.array(SourceSchema),
  note: v.optional(BilingualSchema),
});

/** A size figure of a chain as a source gives it; conflicting figures are separate entries. */
export const FigureSchema = v.object({
  metric: BilingualSchema,
  value: v.number(),
  unit: NonEmptyString,
  /** The year the figure is for; null when the source does not print it. */
  year: v.nullable(YearSchema),
  sources: SourcesSchema,
  /** Qualifiers such as "more than" or "target", and what the figure covers. */
  note: v.optional(BilingualSchema),
});

export const ChainSchema = v.object({
  id: IdSchema,
  cluster: IdSchema,
  /** `inferred` where no source assigns the chain to its cluster. */
  cluster_basis: BasisSchema,
  name: BilingualSchema,
  color: v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour')),
  status: v.picklist(CHAIN_STATUSES),
  /** In stage order: array order is display order. */
  segments: laterList(SegmentSchema),
  /** Ids this chain replaced: a link with one of them maps to every chain listing it. */
  former_ids: laterList(IdSchema),
  /** Other names in reports and spreadsheets, for import matching. */
  aliases: AliasesSchema,
  /** Size figures with their year; conflicting figures are separate entries. */
  figures: laterList(FigureSchema),
  note: v.optional(BilingualSchema),
  sources: SourcesSchema,
});

export const ChainsFileSchema = v.object({
  as_of: PartialDateSchema,
  clusters: v.array(v.unknown()),
  chains: v.array(v.unknown()),
});

export const ParkPropertiesSchema = v.object({
  id: IdSchema,
  name: NameSchema,
  kind: v.picklist(PARK_KINDS),
  /** The official kind was never published: `inferred` says so. */
  kind_basis: BasisSchema,
  /** The main zone a linked park belongs to (一区多园); null for a zone itself. */
  zone: v.nullable(IdSchema),
  level: v.picklist(PARK_LEVELS),
  district: v.picklist(DISTRICTS),
  /** Designated lead chains, constrained by 一园区一主导产业. */
  lead: v.array(IdSchema),
  lead_basis: BasisSchema,
  /** Common abbreviations and other names (镇江经开区, 高新区 …), unique across parks. */
  aliases: AliasesSchema,
  /** Industries as public reports list them: free text, unconstrained. */
  industries: v.array(BilingualSchema),
  area_km2: v.nullable(v.pipe(v.number(), v.gtValue(0, 'must be positive'))),
  area_basis: v.nullable(v.picklist(AREA_BASES)),
  area_year: v.nullable(YearSchema),
  established: v.nullable(PartialDateSchema),
  boundary: v.picklist(BOUNDARY_QUALITIES),
  /** How the boundary was drawn, and what it stands in for. */
  boundary_note: BilingualSchema,
  confidence: ConfidenceSchema,
  note: v.optional(BilingualSchema),
  sources: SourcesSchema,
  as_of: PartialDateSchema,
});

const PositionSchema = v.pipe(v.array(v.number()), v.minLength(2), v.maxLength(3));
const RingSchema = v.array(PositionSchema);

export const ParkGeometrySchema = v.variant('type', [
  v.object({ type: v.literal('Polygon'), coordinates: v.array(RingSchema) }),
  v.object({ type: v.literal('MultiPolygon'), coordinates: v.array(v.array(RingSchema)) }),
]);

export const ParkFeatureSchema = v.object({
  type: v.literal('Feature'),
  properties: ParkPropertiesSchema,
  geometry: ParkGeometrySchema,
});

export const ParksFileSchema = v.object({
  type: v.literal('FeatureCollection'),
  features: v.array(v.unknown()),
});

export const ProjectSchema = v.object({
  id: IdSchema,
  name: NameSchema,
  /**
   * Null when no report names the park: the project then counts for its chain and segment, not
   * for a park, and is not on the map.
   */
  park: v.nullable(IdSchema),
  /** `inferred` where the report does not name the park; null exactly when `park` is null. */
  park_basis: v.nullable(BasisSchema),
  chain: IdSchema,
  /** `inferred` where the editors assigned the chain from the project's industry. */
  chain_basis: BasisSchema,
  /** A segment of the project's chain; null (or absent) when none fits or it is not known. */
  segment: v.optional(v.nullable(IdSchema), null),
  /** `reported` where the report places the project in the segment; null exactly when `segment` is. */
  segment_basis: v.optional(v.nullable(v.picklist(SEGMENT_ASSIGNMENTS)), null),
  status: v.picklist(PROJECT_STATUSES),
  /** The year of the status (signed, groundbreaking, in operation). */
  year: v.nullable(YearSchema),
  /** Investment in 亿元 (100 million CNY), when reported. */
  investment_cny_100m: v.nullable(v.pipe(v.number(), v.minValue(0))),
  location: v.optional(v.tuple([v.number(), v.number()])),
  confidence: ConfidenceSchema,
  note: v.optional(BilingualSchema),
  sources: SourcesSchema,
});

export const ProjectsFileSchema = v.object({
  as_of: PartialDateSchema,
  projects: v.array(v.unknown()),
});

/** A key firm named in reports. */
export const FirmSchema = v.object({
  id: IdSchema,
  name: NameSchema,
  /** Null when no report names the park the firm is in. */
  park: v.nullable(IdSchema),
  chain: IdSchema,
  /** Segments of `chain` the firm works in (the editors' reading unless the note says otherwise). */
  segments: v.array(IdSchema),
  role: v.picklist(FIRM_ROLES),
  sources: SourcesSchema,
  note: v.optional(BilingualSchema),
});

export const FirmsFileSchema = v.object({
  as_of: PartialDateSchema,
  firms: v.array(v.unknown()),
});

export type Bilingual = v.InferOutput<typeof BilingualSchema>;
export type Name = v.InferOutput<typeof NameSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Cluster = v.InferOutput<typeof ClusterSchema>;
export type Chain = v.InferOutput<typeof ChainSchema>;
export type ParkProperties = v.InferOutput<typeof ParkPropertiesSchema>;
export type ParkGeometry = v.InferOutput<typeof ParkGeometrySchema>;
export type ParkFeature = v.InferOutput<typeof ParkFeatureSchema>;
export type Project = v.InferOutput<typeof ProjectSchema>;
export type Segment = v.InferOutput<typeof SegmentSchema>;
export type Figure = v.InferOutput<typeof FigureSchema>;
export type Firm = v.InferOutput<typeof FirmSchema>;
export type SegmentStage = (typeof SEGMENT_STAGES)[number];
export type SegmentBasis = (typeof SEGMENT_BASES)[number];
export type SegmentAssignment = (typeof SEGMENT_ASSIGNMENTS)[number];
export type FirmRole = (typeof FIRM_ROLES)[number];
export type ParkKind = (typeof PARK_KINDS)[number];
export type ParkLevel = (typeof PARK_LEVELS)[number];
export type District = (typeof DISTRICTS)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type BoundaryQuality = (typeof BOUNDARY_QUALITIES)[number];
