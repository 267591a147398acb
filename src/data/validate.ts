import {
  ChainSchema,
  ChainsFileSchema,
  ClusterSchema,
  FirmSchema,
  FirmsFileSchema,
  ParkFeatureSchema,
  ParksFileSchema,
  ProjectSchema,
  ProjectsFileSchema,
} from './schema';
import type { Cluster, Firm } from './schema';
import type { Registry } from './registry';
import { DEFAULT_FILES, type Finding, type RegistryFiles } from './findings';
import { asOfOf, collect, fileArrays, rawId, rawParkId } from './rules/collect';
import { aliasFindings } from './rules/aliases';
import { chainFindings } from './rules/chains';
import { firmFindings } from './rules/firms';
import { parkFindings } from './rules/parks';
import { projectSegmentFindings } from './rules/projectSegments';
import { projectFindings } from './rules/projects';
import { segmentOwners, type SegmentLookup } from './rules/segments';
import { quickPark } from './rules/quickPark';
import { checkReference } from './rules/references';
import { isRecord, reporter } from './rules/report';
import { containmentFindings, overlapFindings } from './rules/shapes';
import { validityFindings } from './rules/validity';

/**
 * The registry validator: the schema per record plus every rule that looks across records
 * (unique ids, references, 一园区一主导产业, geometry, overlaps, containment). It reports every
 * finding instead of stopping at the first, and returns what did load so the app can still show it.
 *
 * This file is the order of the steps; each rule lives in its own file under rules/, taking the
 * collected tables and a `Report`. Adding a rule is a file there and one call (with its `lap`)
 * below. Rule codes and the finding type are in findings.ts.
 */

/** The raw contents of the four files; `undefined` means the file could not be read (already reported). */
export interface RegistryInput {
  readonly chains: unknown;
  readonly parks: unknown;
  readonly projects: unknown;
  readonly firms: unknown;
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

/**
 * The raw registry files of a validated registry, with `parks` in place of its parks: the inverse
 * of {@link validateRegistry}, so that an import merged into the registry is validated as files.
 */
export function registryInput(registry: Registry, parks: unknown): RegistryInput {
  return {
    chains: { as_of: registry.asOf, clusters: registry.clusters, chains: registry.chains },
    parks,
    projects: { as_of: registry.asOf, projects: registry.projects },
    firms: { as_of: registry.asOf, firms: registry.firms },
  };
}

/**
 * The raw registry files of a validated registry, with `projects` (a projects.json) in place of
 * its projects: how an imported or edited project list is validated as files.
 */
export function projectsInput(registry: Registry, projects: unknown): RegistryInput {
  const parks = {
    type: 'FeatureCollection',
    features: registry.parks.map((park) => ({
      type: 'Feature',
      properties: park.properties,
      geometry: park.geometry,
    })),
  };
  return { ...registryInput(registry, parks), projects };
}

/**
 * Validates the four registry files: each record against its schema, then unique ids,
 * references, 一园区一主导产业, zones, geometry, overlaps, containment, schematic areas,
 * project locations, and the chain, segment, alias and firm rules. Every finding is reported;
 * nothing throws. The registry holds every record
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
  chainFindings(chains, clusters, reportChains);
  const segments: SegmentLookup = { chains, owners: segmentOwners(chains) };
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
  const shaped = parkFindings(parks, chains, reportParks);
  aliasFindings(
    [...parks.byId.values()].map(({ properties: p }) => ({
      id: p.id,
      names: p.name.en === undefined ? [p.name.zh] : [p.name.zh, p.name.en],
      aliases: p.aliases,
    })),
    'park',
    reportParks,
  );
  lap('parks.rules');
  const measurable = validityFindings(shaped, reportParks);
  lap('parks.validity');
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
  projectSegmentFindings(projects.byId.values(), segments, reportProjects);
  lap('projects.rules');

  const reportFirms = reporter(findings, files.firms);
  const firmArrays = fileArrays(input.firms, FirmsFileSchema, ['firms'], reportFirms);
  const firms = collect(
    firmArrays['firms'] ?? [],
    { schema: FirmSchema, rawId, arrayName: 'firms' },
    input.firms !== undefined,
    files.firms,
    reportFirms,
  );
  firmFindings(firms.byId.values(), { parks, chains }, segments, reportFirms);
  lap('firms');

  const asOf =
    [asOfOf(input.chains), asOfOf(input.projects), asOfOf(input.firms)]
      .filter((d): d is string => d !== null)
      .sort()
      .pop() ?? '';
  const collected: Registry = {
    asOf,
    clusters: [...clusters.byId.values()] satisfies Cluster[],
    chains: [...chains.byId.values()],
    parks: [...parks.byId.values()],
    projects: [...projects.byId.values()],
    firms: [...firms.byId.values()] satisfies Firm[],
  };
  const registry = options.freeze === false ? collected : deepFreeze(collected);
  lap('freeze');
  return { registry, findings };
}
