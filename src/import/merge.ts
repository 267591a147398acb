import type { Position } from 'geojson';
import type {
  Bilingual,
  BoundaryQuality,
  District,
  Name,
  ParkFeature,
  ParkGeometry,
  ParkKind,
  ParkLevel,
} from '../data/schema';
import type { Registry } from '../data/registry';
import { registryInput, validateRegistry, type ValidationResult } from '../data/validate';
import type { ConvertedFeature } from './convert';
import type { MatchResult } from './match';
import { text } from './text';

/**
 * Merges converted boundaries into the registry: a matched park gets the new geometry and the
 * chosen boundary quality, and keeps every other fact; an unmatched feature becomes a new park
 * once its required fields are filled. The result is validated with the registry's own rules
 * before anyone may apply it.
 */

/** The boundary qualities an import may set: an imported file is never a schematic stand-in. */
export type ImportedQuality = Exclude<BoundaryQuality, 'schematic'>;

/** What a user fills in to add an unmatched feature as a new park. */
export interface NewParkInput {
  /** The feature (its index in the file) that becomes the park's boundary. */
  readonly feature: number;
  readonly id: string;
  readonly name: Name;
  readonly kind: ParkKind;
  /** The main zone of a linked park; null otherwise. */
  readonly zone: string | null;
  readonly level: ParkLevel;
  readonly district: District;
  readonly lead: readonly string[];
  /** Where the park's facts come from (at least a title). */
  readonly source: { readonly title: string; readonly url?: string };
}

/** How to merge. */
export interface MergeOptions {
  readonly boundary: ImportedQuality;
  /** The file the boundaries come from, named in each boundary note. */
  readonly fileName: string;
  /** Today, YYYY-MM-DD: the new parks' `as_of` and the notes' date. */
  readonly date: string;
  /** The boundary note; by default it names the file and the date. */
  readonly boundaryNote?: Bilingual;
  readonly newParks?: readonly NewParkInput[];
}

/** The merged parks file and what changed. */
export interface MergeResult {
  /** The whole parks FeatureCollection, as plain JSON for the validator and for storage. */
  readonly parks: { readonly type: 'FeatureCollection'; readonly features: readonly unknown[] };
  /** Parks whose boundary was replaced, in registry order. */
  readonly changed: readonly string[];
  /** Parks added from unmatched features. */
  readonly added: readonly string[];
}

/** The default boundary note: where the boundary came from, and when. */
export function defaultBoundaryNote(
  fileName: string,
  date: string,
  quality: ImportedQuality,
): Bilingual {
  return quality === 'official'
    ? text(
        `官方边界，导入自 ${fileName}（${date}）。`,
        `Official boundary, imported from ${fileName} (${date}).`,
      )
    : text(
        `近似边界，导入自 ${fileName}（${date}）。`,
        `Approximate boundary, imported from ${fileName} (${date}).`,
      );
}

/** The polygons of several converted features, as one geometry. */
function combine(features: readonly ConvertedFeature[]): ParkGeometry | null {
  const polygons: Position[][][] = features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  if (polygons.length === 0) return null;
  return polygons.length === 1 && polygons[0]
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Plain JSON of a park feature (the registry's records are frozen). */
function plainFeature(properties: unknown, geometry: ParkGeometry): unknown {
  return { type: 'Feature', properties, geometry };
}

function newPark(
  input: NewParkInput,
  geometry: ParkGeometry,
  options: MergeOptions,
  note: Bilingual,
): unknown {
  const name: Name = input.name.en?.trim()
    ? { zh: input.name.zh.trim(), en: input.name.en.trim() }
    : { zh: input.name.zh.trim() };
  const source: Record<string, string> = { title: input.source.title.trim(), date: options.date };
  if (input.source.url?.trim()) source['url'] = input.source.url.trim();
  return plainFeature(
    {
      id: input.id.trim(),
      name,
      kind: input.kind,
      kind_basis: 'inferred',
      zone: input.kind === 'linked' ? input.zone : null,
      level: input.level,
      district: input.district,
      lead: [...input.lead],
      lead_basis: 'inferred',
      industries: [],
      area_km2: null,
      area_basis: null,
      area_year: null,
      established: null,
      boundary: options.boundary,
      boundary_note: note,
      confidence: 'M',
      sources: [source],
      as_of: options.date,
    },
    geometry,
  );
}

/**
 * Replaces the geometry of every matched park (setting `boundary` and `boundary_note`, keeping
 * every other property in its place) and appends the new parks. The registry is not changed.
 */
export function mergeImport(
  registry: Registry,
  converted: readonly ConvertedFeature[],
  match: MatchResult,
  options: MergeOptions,
): MergeResult {
  const byIndex = new Map(converted.map((f) => [f.index, f]));
  const featuresOf = (indices: readonly number[]): ConvertedFeature[] =>
    indices.map((i) => byIndex.get(i)).filter((f): f is ConvertedFeature => f !== undefined);
  const note =
    options.boundaryNote ?? defaultBoundaryNote(options.fileName, options.date, options.boundary);
  const changed: string[] = [];
  const features: unknown[] = registry.parks.map((park: ParkFeature) => {
    const indices = match.matched.get(park.properties.id);
    const geometry = indices ? combine(featuresOf(indices)) : null;
    if (!geometry) return plainFeature(park.properties, park.geometry);
    changed.push(park.properties.id);
    return plainFeature(
      { ...park.properties, boundary: options.boundary, boundary_note: note },
      geometry,
    );
  });
  const added: string[] = [];
  const matchedFeatures = new Set([...match.matched.values()].flat());
  for (const input of options.newParks ?? []) {
    if (matchedFeatures.has(input.feature)) continue;
    const geometry = combine(featuresOf([input.feature]));
    if (!geometry) continue;
    features.push(newPark(input, geometry, options, note));
    added.push(input.id.trim());
  }
  return {
    parks: {
      type: 'FeatureCollection',
      features: JSON.parse(JSON.stringify(features)) as unknown[],
    },
    changed,
    added,
  };
}

/** Validates merged parks with the registry's chains and projects, by the same rules as geo/. */
export function validateMerged(registry: Registry, parks: unknown): ValidationResult {
  return validateRegistry(registryInput(registry, parks));
}
