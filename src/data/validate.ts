import * as v from 'valibot';
import {
  ChainSchema,
  ChainsFileSchema,
  ClusterSchema,
  ParkFeatureSchema,
  ParksFileSchema,
  ProjectSchema,
  ProjectsFileSchema,
} from './schema';
import type { Chain, Cluster, ParkFeature, ParkKind, Project, Registry } from './schema';
import {
  areaKm2,
  areaOutsideKm2,
  checkGeometry,
  checkLonLat,
  findOverlaps,
  formatPosition,
  pointInGeometry,
} from '../domain/geometry';
import type { GeometryRule } from '../domain/geometry';
import type { Position } from 'geojson';

/**
 * The registry validator: the schema per record plus every rule that looks across records
 * (unique ids, references, 一园区一主导产业, geometry, overlaps, containment). It reports every
 * finding instead of stopping at the first, and returns what did load so the app can still show it.
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
  | 'overlap'
  | 'outside-zone'
  | 'area-mismatch'
  | 'project-outside-park'
  | 'geometry-error';

/** What each rule checks, in a sentence. */
export const RULES: Readonly<Record<Rule, string>> = {
  'file-unavailable': 'a registry file could not be read or fetched',
  json: 'a registry file is not valid JSON',
  schema: 'a file or record does not match the schema (required fields, types, enums, URLs)',
  rfc7946: 'parks.geojson follows RFC 7946 (no crs member)',
  'duplicate-id': 'ids are unique within their file',
  'unknown-reference':
    'chain.cluster, park.zone, park.lead, project.park and project.chain resolve',
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
  overlap: 'parks do not overlap, except a park and its own zone',
  'outside-zone': 'a park with a zone lies inside it',
  'area-mismatch': "a schematic park's drawn area is within 5% of its reported area_km2",
  'project-outside-park': "a project's location lies inside its park",
  'geometry-error': 'a geometry operation failed on a park shape',
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

/** Display names of the three registry files. */
export interface RegistryFiles {
  readonly chains: string;
  readonly parks: string;
  readonly projects: string;
}

/** The file names used when the caller does not say where the files came from. */
export const DEFAULT_FILES: RegistryFiles = {
  chains: 'chains.json',
  parks: 'parks.geojson',
  projects: 'projects.json',
};

/** How far a schematic park's drawn area may stray from its reported area: 5%. */
export const AREA_TOLERANCE = 0.05;

/** Shared area below this is digitising slop along a common edge, not an overlap. */
export const OVERLAP_TOLERANCE_KM2 = 0.01;

/** The lead-chain counts 一园区一主导产业 allows, by park kind. */
export const LEAD_LIMITS: Readonly<
  Record<ParkKind, { readonly min: number; readonly max: number }>
> = {
  main: { min: 1, max: 2 },
  linked: { min: 1, max: 1 },
  elevated: { min: 1, max: 1 },
};

/** The raw contents of the three files; `undefined` means the file could not be read (already reported). */
export interface RegistryInput {
  readonly chains: unknown;
  readonly parks: unknown;
  readonly projects: unknown;
}

/** Options of {@link validateRegistry}. */
export interface ValidateOptions {
  /** Names to report findings against; defaults to {@link DEFAULT_FILES}. */
  readonly files?: RegistryFiles;
  /**
   * When given, receives the milliseconds each step took (`parks.schema`, `parks.rules`,
   * `parks.overlaps`, …), added to what it already holds: the benchmark's view inside the
   * validator, at no cost when absent.
   */
  readonly timings?: Record<string, number>;
  /**
   * Deep-freeze the registry (the default). A caller that posts the registry to another thread
   * can pass false: structured cloning drops the freeze, and freezing every coordinate pair of a
   * large registry costs about a second per 10,000 parks.
   */
  readonly freeze?: boolean;
}

/** The result of {@link validateRegistry}. */
export interface ValidationResult {
  readonly registry: Registry;
  readonly findings: Finding[];
}

export { formatFinding } from './finding';

/** Recursively freezes a value so that accidental mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    // An index loop: Reflect.ownKeys on each of millions of coordinate pairs was most of the cost.
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) deepFreeze(item);
    }
  } else {
    for (const key of Reflect.ownKeys(value))
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

type Report = (id: string | null, rule: Rule, message: string) => void;

function reporter(findings: Finding[], file: string): Report {
  return (id, rule, message) => findings.push({ file, id, rule, message });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Says what a schema issue means for the field it names; `root` names the value itself when the
 * issue is about the whole thing ("the file", "the record").
 */
export function describeIssue(issue: v.BaseIssue<unknown>, root = 'the value'): string {
  const path = v.getDotPath(issue);
  // JSON has no undefined: an undefined input is a key that is not there at all.
  if (issue.kind === 'schema' && issue.type === 'object' && issue.input === undefined && path) {
    return `${path} is missing`;
  }
  const found = issue.message.includes('received') ? '' : ` (found ${issue.received})`;
  return `${path ?? root}: ${issue.message}${found}`;
}

/** A record's issue; a record without a readable id is named by its place in the file. */
function recordIssue(issue: v.BaseIssue<unknown>, id: string | null, where: string): string {
  if (id !== null) return describeIssue(issue, 'the record');
  return v.getDotPath(issue) ? `${where}: ${describeIssue(issue)}` : describeIssue(issue, where);
}

/** Everything known about one file's records after the first pass. */
interface Table<T> {
  /** The file could be read; when false, references into it cannot be checked. */
  readonly available: boolean;
  readonly file: string;
  /** Ids seen in the file, including records that failed their schema. */
  readonly seen: ReadonlySet<string>;
  /** Records that passed their schema, first of each id only, in file order. */
  readonly byId: ReadonlyMap<string, T>;
}

interface CollectSpec<T> {
  readonly schema: v.GenericSchema<unknown, T>;
  /**
   * A quicker parse that returns what `schema` would output, or null when it cannot vouch for the
   * record; `schema` then parses it and reports exactly what is wrong.
   */
  readonly quick?: (record: unknown) => T | null;
  /** Where the id sits in a raw record. */
  readonly rawId: (record: unknown) => unknown;
  /** The array's name in the file, for records without a readable id: "features[3]". */
  readonly arrayName: string;
}

/**
 * Validates each record against its schema and drops later duplicates: the app keys parks and
 * projects by id (feature-state, URL), so a second record with the same id cannot be shown.
 */
function collect<T>(
  records: readonly unknown[],
  spec: CollectSpec<T>,
  available: boolean,
  file: string,
  report: Report,
): Table<T> {
  const seen = new Map<string, number>();
  const byId = new Map<string, T>();
  records.forEach((record, index) => {
    const rawId = spec.rawId(record);
    const id = typeof rawId === 'string' && rawId !== '' ? rawId : null;
    const where = `${spec.arrayName}[${index}]`;
    if (id !== null) {
      const first = seen.get(id);
      if (first !== undefined) {
        report(
          id,
          'duplicate-id',
          `${where} repeats the id of ${spec.arrayName}[${first}]: ids must be unique in this file; rename one of them`,
        );
        return;
      }
      seen.set(id, index);
    }
    const quick = spec.quick?.(record) ?? null;
    if (quick !== null) {
      if (id !== null) byId.set(id, quick);
      return;
    }
    const result = v.safeParse(spec.schema, record);
    if (!result.success) {
      for (const issue of result.issues) report(id, 'schema', recordIssue(issue, id, where));
      return;
    }
    if (id !== null) byId.set(id, result.output);
  });
  return { available, file, seen: new Set(seen.keys()), byId };
}

function isPosition(value: unknown): boolean {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return false;
  for (const n of value) if (typeof n !== 'number' || Number.isNaN(n)) return false;
  return true;
}

function isRings(value: unknown): boolean {
  return (
    Array.isArray(value) && value.every((ring) => Array.isArray(ring) && ring.every(isPosition))
  );
}

/**
 * A park geometry as ParkGeometrySchema outputs it (`type` and `coordinates`, nothing else), or
 * null when the schema must look at it. The schema copies every coordinate pair into a new array;
 * this checks the same rules and keeps the parsed arrays, which for 50,000 parks saves millions
 * of allocations and most of the garbage collection of the load.
 */
function quickGeometry(raw: unknown): ParkFeature['geometry'] | null {
  if (!isRecord(raw)) return null;
  const { type, coordinates } = raw;
  if (type === 'Polygon' && isRings(coordinates))
    return { type, coordinates: coordinates as Position[][] };
  if (type === 'MultiPolygon' && Array.isArray(coordinates) && coordinates.every(isRings))
    return { type, coordinates: coordinates as Position[][][] };
  return null;
}

/** ParkFeatureSchema with the geometry left to {@link quickGeometry}. */
const ParkWithoutGeometrySchema = v.object({ ...ParkFeatureSchema.entries, geometry: v.unknown() });

/** A park as ParkFeatureSchema outputs it, or null to let the schema parse and report it. */
function quickPark(record: unknown): ParkFeature | null {
  if (!isRecord(record)) return null;
  const geometry = quickGeometry(record['geometry']);
  if (!geometry) return null;
  const rest = v.safeParse(ParkWithoutGeometrySchema, record);
  return rest.success ? { ...rest.output, geometry } : null;
}

/** Checks a file's top level; returns the record arrays it holds, leniently, so the records can still be checked. */
function fileArrays(
  raw: unknown,
  schema: v.GenericSchema,
  keys: readonly string[],
  report: Report,
): Record<string, unknown[]> {
  if (raw === undefined) return Object.fromEntries(keys.map((key) => [key, []]));
  const result = v.safeParse(schema, raw);
  if (!result.success)
    for (const issue of result.issues) report(null, 'schema', describeIssue(issue, 'the file'));
  const object = isRecord(raw) ? raw : {};
  return Object.fromEntries(
    keys.map((key) => [key, Array.isArray(object[key]) ? object[key] : []]),
  );
}

function asOfOf(raw: unknown): string | null {
  return isRecord(raw) &&
    typeof raw['as_of'] === 'string' &&
    v.is(ChainsFileSchema.entries.as_of, raw['as_of'])
    ? raw['as_of']
    : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The id a typo most likely meant, if one is close enough to suggest. */
export function closestId(wanted: string, ids: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 4)) + 1;
  for (const id of ids) {
    const distance = editDistance(wanted, id);
    if (distance < bestDistance) [best, bestDistance] = [id, distance];
  }
  return best;
}

type Resolution = 'valid' | 'invalid' | 'unknown';

/** `invalid`: the record exists but failed its schema, which is reported already. */
function resolve<T>(table: Table<T>, id: string): Resolution {
  if (table.byId.has(id)) return 'valid';
  return table.seen.has(id) ? 'invalid' : 'unknown';
}

function checkReference<T>(
  table: Table<T>,
  id: string,
  field: string,
  noun: string,
  ownId: string,
  report: Report,
): void {
  if (resolve(table, id) !== 'unknown') return;
  if (!table.available) {
    report(
      ownId,
      'unknown-reference',
      `${field} '${id}' cannot be checked: ${table.file} could not be loaded`,
    );
    return;
  }
  const suggestion = closestId(id, table.seen);
  const fix = suggestion
    ? `did you mean '${suggestion}'?`
    : `use the id of a ${noun} in ${table.file}`;
  report(ownId, 'unknown-reference', `${field} '${id}' is not a ${noun} in ${table.file}: ${fix}`);
}

const KIND_NAMES: Readonly<Record<ParkKind, string>> = {
  main: 'a main zone',
  linked: 'a linked park',
  elevated: 'an elevated park',
};

function leadFindings(park: ParkFeature['properties'], report: Report): void {
  const unique = [...new Set(park.lead)];
  const repeated = park.lead.filter((id, i) => park.lead.indexOf(id) !== i);
  if (repeated.length > 0) {
    report(
      park.id,
      'lead-duplicate',
      `lead lists ${[...new Set(repeated)].join(', ')} more than once: list each chain once`,
    );
  }
  const { min, max } = LEAD_LIMITS[park.kind];
  if (unique.length >= min && unique.length <= max) return;
  const allowed = min === max ? `exactly ${min} lead chain` : `${min}–${max} lead chains`;
  const found =
    unique.length === 0
      ? 'found none: add its designated chain to lead'
      : `found ${unique.length}: ${unique.join(', ')}; keep the designated one${max > 1 ? 's' : ''} in lead and move the rest to industries`;
  report(
    park.id,
    'lead-count',
    `${KIND_NAMES[park.kind]} must have ${allowed} (一园区一主导产业), ${found}`,
  );
}

function zoneFindings(
  park: ParkFeature['properties'],
  parks: Table<ParkFeature>,
  report: Report,
): void {
  if (park.kind === 'main') {
    if (park.zone !== null)
      report(
        park.id,
        'zone-on-main',
        `a main zone belongs to no other zone, but zone is '${park.zone}': set zone to null`,
      );
    return;
  }
  if (park.zone === null) {
    if (park.kind === 'linked')
      report(park.id, 'missing-zone', 'a linked park must name its main zone in zone (一区多园)');
    return;
  }
  checkReference(parks, park.zone, 'zone', 'park', park.id, report);
  const zone = parks.byId.get(park.zone);
  if (zone && zone.properties.kind !== 'main') {
    report(
      park.id,
      'zone-not-main',
      `zone '${park.zone}' is ${KIND_NAMES[zone.properties.kind]}, not a main zone: point zone at the main zone this park belongs to`,
    );
  }
}

const km2 = (n: number): string => `${n.toFixed(2)} km²`;
const percent = (n: number): string => `${(n * 100).toFixed(1)}%`;

function areaFinding(park: ParkFeature, report: Report): void {
  const reported = park.properties.area_km2;
  if (park.properties.boundary !== 'schematic' || reported === null) return;
  const drawn = areaKm2(park.geometry);
  const off = Math.abs(drawn - reported) / reported;
  if (off <= AREA_TOLERANCE) return;
  report(
    park.properties.id,
    'area-mismatch',
    `the schematic boundary encloses ${km2(drawn)} but area_km2 is ${reported} (${percent(off)} off, limit ${percent(AREA_TOLERANCE)}): scale the shape to the reported area or correct area_km2`,
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A linked (or any zoned) park must lie inside its zone. */
function containmentFinding(park: ParkFeature, zone: ParkFeature, report: Report): void {
  const id = park.properties.id;
  let outside: number;
  try {
    outside = areaOutsideKm2(park.geometry, zone.geometry);
  } catch (error) {
    report(
      id,
      'geometry-error',
      `could not test whether the park lies inside its zone '${zone.properties.id}': ${errorText(error)}`,
    );
    return;
  }
  if (outside <= OVERLAP_TOLERANCE_KM2) return;
  const share = outside / areaKm2(park.geometry);
  report(
    id,
    'outside-zone',
    `${km2(outside)} (${percent(share)}) of the park lies outside its zone '${zone.properties.id}': redraw it inside the zone, or correct zone`,
  );
}

function overlapFindings(parks: readonly ParkFeature[], report: Report): void {
  const zoneOf = new Map(parks.map((park) => [park.properties.id, park.properties.zone]));
  const items = parks.map((park) => ({ id: park.properties.id, geometry: park.geometry }));
  const { overlaps, failures } = findOverlaps(items, {
    toleranceKm2: OVERLAP_TOLERANCE_KM2,
    exempt: (a, b) => zoneOf.get(a) === b || zoneOf.get(b) === a,
  });
  for (const { a, b, areaKm2: shared } of overlaps) {
    report(
      a,
      'overlap',
      `overlaps park '${b}' by ${km2(shared)}: parks may overlap only their own zone; redraw the shared boundary, or set zone if one lies in the other`,
    );
  }
  for (const { a, b, reason } of failures) {
    report(a, 'geometry-error', `could not compute the overlap with park '${b}': ${reason}`);
  }
}

/** Park-by-park rules; returns the parks whose shapes can be measured. */
function parkFindings(
  parks: Table<ParkFeature>,
  chains: Table<Chain>,
  report: Report,
): ParkFeature[] {
  const measurable: ParkFeature[] = [];
  for (const park of parks.byId.values()) {
    const p = park.properties;
    zoneFindings(p, parks, report);
    for (const lead of p.lead) checkReference(chains, lead, 'lead chain', 'chain', p.id, report);
    leadFindings(p, report);
    const geometry = checkGeometry(park.geometry);
    for (const problem of geometry.problems) report(p.id, problem.rule, problem.message);
    if (!geometry.usable) continue;
    measurable.push(park);
    areaFinding(park, report);
  }
  return measurable;
}

function containmentFindings(measurable: readonly ParkFeature[], report: Report): void {
  const byId = new Map(measurable.map((park) => [park.properties.id, park]));
  for (const park of measurable) {
    const zone = park.properties.zone === null ? undefined : byId.get(park.properties.zone);
    if (zone && zone.properties.kind === 'main' && park.properties.kind !== 'main')
      containmentFinding(park, zone, report);
  }
}

function projectFindings(
  projects: Table<Project>,
  parks: Table<ParkFeature>,
  chains: Table<Chain>,
  measurable: ReadonlySet<string>,
  report: Report,
): void {
  for (const project of projects.byId.values()) {
    checkReference(parks, project.park, 'park', 'park', project.id, report);
    checkReference(chains, project.chain, 'chain', 'chain', project.id, report);
    if (!project.location) continue;
    const problems = checkLonLat(project.location);
    for (const problem of problems)
      report(project.id, problem.rule, `location: ${problem.message}`);
    const park = parks.byId.get(project.park);
    if (problems.length > 0 || !park || !measurable.has(project.park)) continue;
    if (!pointInGeometry(project.location, park.geometry)) {
      report(
        project.id,
        'project-outside-park',
        `location ${formatPosition(project.location)} is not inside its park '${project.park}': move the point into the park, or correct park`,
      );
    }
  }
}

function rawParkId(record: unknown): unknown {
  return isRecord(record) && isRecord(record['properties'])
    ? record['properties']['id']
    : undefined;
}

function rawId(record: unknown): unknown {
  return isRecord(record) ? record['id'] : undefined;
}

/**
 * Validates the three registry files: each record against its schema, then unique ids,
 * references, 一园区一主导产业, zones, geometry, overlaps, containment, schematic areas and
 * project locations. Every finding is reported; nothing throws. The registry holds every record
 * that passed its schema (the first of each id), deep-frozen.
 */
export function validateRegistry(
  input: RegistryInput,
  options: ValidateOptions = {},
): ValidationResult {
  const files = options.files ?? DEFAULT_FILES;
  const timings = options.timings;
  let lapStart = timings ? performance.now() : 0;
  /** Adds the time since the last lap to `phase` (only when timings were asked for). */
  const lap = (phase: string): void => {
    if (!timings) return;
    const now = performance.now();
    timings[phase] = (timings[phase] ?? 0) + (now - lapStart);
    lapStart = now;
  };
  const findings: Finding[] = [];
  const reportChains = reporter(findings, files.chains);
  const reportParks = reporter(findings, files.parks);
  const reportProjects = reporter(findings, files.projects);

  const chainArrays = fileArrays(
    input.chains,
    ChainsFileSchema,
    ['clusters', 'chains'],
    reportChains,
  );
  const chainsAvailable = input.chains !== undefined;
  const clusters = collect(
    chainArrays['clusters'] ?? [],
    { schema: ClusterSchema, rawId, arrayName: 'clusters' },
    chainsAvailable,
    files.chains,
    reportChains,
  );
  const chains = collect(
    chainArrays['chains'] ?? [],
    { schema: ChainSchema, rawId, arrayName: 'chains' },
    chainsAvailable,
    files.chains,
    reportChains,
  );
  for (const chain of chains.byId.values())
    checkReference(clusters, chain.cluster, 'cluster', 'cluster', chain.id, reportChains);
  lap('chains');

  const parkArrays = fileArrays(input.parks, ParksFileSchema, ['features'], reportParks);
  if (isRecord(input.parks) && 'crs' in input.parks) {
    reportParks(
      null,
      'rfc7946',
      'remove the crs member: RFC 7946 GeoJSON is always WGS-84 lon/lat',
    );
  }
  const parks = collect(
    parkArrays['features'] ?? [],
    { schema: ParkFeatureSchema, quick: quickPark, rawId: rawParkId, arrayName: 'features' },
    input.parks !== undefined,
    files.parks,
    reportParks,
  );
  lap('parks.schema');
  const measurable = parkFindings(parks, chains, reportParks);
  lap('parks.rules');
  containmentFindings(measurable, reportParks);
  lap('parks.containment');
  overlapFindings(measurable, reportParks);
  lap('parks.overlaps');

  const projectArrays = fileArrays(
    input.projects,
    ProjectsFileSchema,
    ['projects'],
    reportProjects,
  );
  const projects = collect(
    projectArrays['projects'] ?? [],
    { schema: ProjectSchema, rawId, arrayName: 'projects' },
    input.projects !== undefined,
    files.projects,
    reportProjects,
  );
  lap('projects.schema');
  const measurableIds = new Set(measurable.map((park) => park.properties.id));
  projectFindings(projects, parks, chains, measurableIds, reportProjects);
  lap('projects.rules');

  const asOf =
    [asOfOf(input.chains), asOfOf(input.projects)]
      .filter((d): d is string => d !== null)
      .sort()
      .pop() ?? '';
  const collected: Registry = {
    asOf,
    clusters: [...clusters.byId.values()] satisfies Cluster[],
    chains: [...chains.byId.values()],
    parks: [...parks.byId.values()],
    projects: [...projects.byId.values()],
  };
  const registry = options.freeze === false ? collected : deepFreeze(collected);
  lap('freeze');
  return { registry, findings };
}
