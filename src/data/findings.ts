import type { GeometryRule } from '../geometry/problems';
import type { ValidityRule } from '../geometry/simpleFeatures';

/**
 * The validator's vocabulary: rule codes, what a finding is, the registry's file names and how a
 * finding reads as one line. Its one import is a type from the ground floor (erased at build), so
 * that the first bundle (ui/DataProblems.tsx) can format findings without pulling the validator
 * and Turf along, and nothing here leans on validate.ts.
 */

/** Stable codes of the rules, for grepping, filtering and tests. */
export type Rule =
  | 'file-unavailable'
  | 'json'
  | 'schema'
  | 'rfc7946'
  | 'duplicate-id'
  | 'unknown-reference'
  | 'lead-count'
  | 'lead-duplicate'
  | 'missing-zone'
  | 'zone-not-main'
  | 'zone-on-main'
  | GeometryRule
  | ValidityRule
  | 'overlap'
  | 'outside-zone'
  | 'area-mismatch'
  | 'project-outside-park'
  | 'geometry-error'
  | 'duplicate-segment-id'
  | 'segment-basis'
  | 'former-id-live'
  | 'alias-duplicate'
  | 'segment-not-in-chain'
  | 'basis-pair'
  | 'location-without-park'
  | 'role-without-designation';

/** What each rule checks, in a sentence. */
export const RULES: Readonly<Record<Rule, string>> = {
  'file-unavailable': 'a registry file could not be read or fetched',
  json: 'a registry file is not valid JSON',
  schema: 'a file or record does not match the schema (required fields, types, enums, URLs)',
  rfc7946: 'parks.geojson follows RFC 7946 (no crs member)',
  'duplicate-id': 'ids are unique within their file',
  'unknown-reference':
    'chain.cluster, park.zone, park.lead, project.park, project.chain, firm.park and firm.chain resolve',
  'lead-count':
    'a main zone has 1–2 lead chains; a linked or elevated park exactly 1 (一园区一主导产业)',
  'lead-duplicate': 'a park lists each lead chain once',
  'missing-zone': 'a linked park names the main zone it belongs to (一区多园)',
  'zone-not-main': "a park's zone is a park of kind main",
  'zone-on-main': 'a main zone belongs to no other zone',
  'empty-geometry': 'a park geometry has at least one ring per polygon',
  'ring-too-short': 'a ring has at least 4 positions',
  'ring-unclosed': 'a ring ends where it starts',
  'self-intersection': 'a ring does not cross itself',
  winding: 'outer rings are counterclockwise and holes clockwise (RFC 7946)',
  'coordinates-range': 'coordinates are WGS-84 degrees',
  'coordinates-swapped': 'coordinates are [lon, lat], not [lat, lon]',
  'outside-zhenjiang': 'coordinates lie in Zhenjiang',
  'ring-self-touch':
    'a ring does not touch or run back over itself (OGC Simple Features, as GEOS IsValid)',
  'ring-self-cross': 'a ring does not cross itself (OGC Simple Features)',
  'rings-cross': "a polygon's rings do not cross each other",
  'hole-outside-shell': 'a hole lies inside its outer ring',
  'holes-nested': 'holes do not lie inside or overlap each other',
  'interior-disconnected':
    'holes touch their outer ring and each other at most at points that leave the area in one piece',
  'parts-overlap': 'the parts of a MultiPolygon do not overlap',
  'parts-share-edge': 'the parts of a MultiPolygon touch at points only, not along edges',
  'duplicate-part': 'a MultiPolygon holds each part once',
  overlap: 'parks do not overlap, except a park and its own zone',
  'outside-zone': 'a park with a zone lies inside it',
  'area-mismatch': "a schematic park's drawn area is within 5% of its reported area_km2",
  'project-outside-park': "a project's location lies inside its park",
  'geometry-error': 'a geometry operation failed on a park shape',
  'duplicate-segment-id': 'segment ids are unique across all chains',
  'segment-basis':
    'an official segment cites a source; a generic one is an editors’ draft exactly when it cites none',
  'former-id-live': "a chain's former_ids name no live chain or cluster",
  'alias-duplicate':
    'an alias names one chain (or one park) only: it is not another’s alias or name, nor listed twice',
  'segment-not-in-chain': "a project's segment and a firm's segments are segments of its own chain",
  'basis-pair':
    'park_basis is null exactly when park is, and segment_basis exactly when segment is',
  'location-without-park': 'a project with a location names its park (the point must lie in it)',
  'role-without-designation':
    'a chain-leader cites a source naming its 链主 designation; a champion one naming its 单项冠军',
};

/** One thing wrong in the registry. */
export interface Finding {
  /** The file as the user knows it, e.g. "geo/parks.geojson". */
  readonly file: string;
  /** The record's id, or null for the file as a whole or a record without a readable id. */
  readonly id: string | null;
  readonly rule: Rule;
  /** What is wrong and, where it can, how to fix it. */
  readonly message: string;
}

/** Display names of the four registry files. */
export interface RegistryFiles {
  readonly chains: string;
  readonly parks: string;
  readonly projects: string;
  readonly firms: string;
}

/** The file names used when the caller does not say where the files came from. */
export const DEFAULT_FILES: RegistryFiles = {
  chains: 'chains.json',
  parks: 'parks.geojson',
  projects: 'projects.json',
  firms: 'firms.json',
};

/** A finding as one line: `FILE: ID: problem [rule]` (id `-` when the finding is about the file). */
export function formatFinding(finding: Finding): string {
  return `${finding.file}: ${finding.id ?? '-'}: ${finding.message} [${finding.rule}]`;
}
