import type { ParkFeature } from '../data/schema';

/**
 * Matches the features of an official file to the registry's parks through one attribute (the
 * "match field"): by park id, or by name — Chinese or English, compared after normalising width,
 * case, spaces and punctuation, and again without bracketed parts ("镇江经济技术开发区（镇江新区）"
 * matches "镇江经济技术开发区"). A user can then assign any feature by hand.
 */

/** How a feature came to belong to a park. */
export type MatchedBy = 'id' | 'name' | 'manual';

/** Why a feature matched no park. */
export type UnmatchedReason = 'no-value' | 'no-park' | 'ambiguous' | 'skipped';

/** What became of one feature. */
export interface FeatureMatch {
  readonly feature: number;
  /** The match field's value, as text ('' when empty). */
  readonly value: string;
  readonly parkId: string | null;
  readonly by: MatchedBy | null;
  /** Why there is no park, when there is none. */
  readonly reason: UnmatchedReason | null;
  /** The parks an ambiguous value could be. */
  readonly candidates: readonly string[];
}

/** Features matched, unmatched, and parks the file does not cover. */
export interface MatchResult {
  readonly field: string | null;
  readonly features: readonly FeatureMatch[];
  /** Park id → the features that make its new boundary (several become a MultiPolygon). */
  readonly matched: ReadonlyMap<string, readonly number[]>;
  readonly unmatched: readonly FeatureMatch[];
  /** Parks of the registry no feature matched: their boundaries stay as they are. */
  readonly missing: readonly string[];
}

/** A feature as matching sees it: its index and attributes. */
export interface MatchableFeature {
  readonly index: number;
  readonly properties: Readonly<Record<string, unknown>>;
}

/**
 * A name reduced to what identifies it: NFKC (full-width letters, digits and brackets become
 * ASCII), lower case, without spaces and the punctuation people vary (·, -, _, quotes).
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000·•・\-_'"“”‘’、,，.。]/g, '');
}

/** A name without its bracketed parts: "镇江经济技术开发区(镇江新区)" → "镇江经济技术开发区". */
function withoutBrackets(normalised: string): string {
  return normalised.replace(/[([【〔][^)\]】〕]*[)\]】〕]/g, '');
}

/** The value of a feature's field as text. */
export function fieldValue(properties: Readonly<Record<string, unknown>>, field: string): string {
  const value = properties[field];
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

interface ParkKeys {
  readonly ids: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, readonly string[]>;
  readonly loose: ReadonlyMap<string, readonly string[]>;
}

function add(map: Map<string, string[]>, key: string, id: string): void {
  if (!key) return;
  const list = map.get(key) ?? [];
  if (!list.includes(id)) list.push(id);
  map.set(key, list);
}

function keysOf(parks: readonly ParkFeature[]): ParkKeys {
  const ids = new Map<string, string>();
  const names = new Map<string, string[]>();
  const loose = new Map<string, string[]>();
  for (const park of parks) {
    const p = park.properties;
    ids.set(p.id.toLowerCase(), p.id);
    for (const name of [p.name.zh, p.name.en]) {
      if (!name) continue;
      const normal = normaliseName(name);
      add(names, normal, p.id);
      add(loose, withoutBrackets(normal), p.id);
    }
  }
  return { ids, names, loose };
}

function matchOne(
  value: string,
  keys: ParkKeys,
): Pick<FeatureMatch, 'parkId' | 'by' | 'reason' | 'candidates'> {
  if (!value) return { parkId: null, by: null, reason: 'no-value', candidates: [] };
  const id = keys.ids.get(value.toLowerCase());
  if (id) return { parkId: id, by: 'id', reason: null, candidates: [] };
  const normal = normaliseName(value);
  for (const candidates of [keys.names.get(normal), keys.loose.get(withoutBrackets(normal))]) {
    if (!candidates || candidates.length === 0) continue;
    if (candidates.length === 1 && candidates[0]) {
      return { parkId: candidates[0], by: 'name', reason: null, candidates: [] };
    }
    return { parkId: null, by: null, reason: 'ambiguous', candidates };
  }
  return { parkId: null, by: null, reason: 'no-park', candidates: [] };
}

/**
 * Matches features to parks through `field`; `manual` assigns features by hand (a park id, or
 * null to leave a feature out), overriding the field.
 */
export function matchFeatures(
  features: readonly MatchableFeature[],
  field: string | null,
  parks: readonly ParkFeature[],
  manual: ReadonlyMap<number, string | null> = new Map(),
): MatchResult {
  const keys = keysOf(parks);
  const known = new Set(parks.map((park) => park.properties.id));
  const results: FeatureMatch[] = features.map((feature) => {
    const value = field === null ? '' : fieldValue(feature.properties, field);
    if (manual.has(feature.index)) {
      const parkId = manual.get(feature.index) ?? null;
      if (parkId !== null && known.has(parkId)) {
        return {
          feature: feature.index,
          value,
          parkId,
          by: 'manual',
          reason: null,
          candidates: [],
        };
      }
      return {
        feature: feature.index,
        value,
        parkId: null,
        by: null,
        reason: 'skipped',
        candidates: [],
      };
    }
    return { feature: feature.index, value, ...matchOne(value, keys) };
  });
  const matched = new Map<string, number[]>();
  for (const result of results) {
    if (result.parkId === null) continue;
    matched.set(result.parkId, [...(matched.get(result.parkId) ?? []), result.feature]);
  }
  return {
    field,
    features: results,
    matched,
    unmatched: results.filter((result) => result.parkId === null),
    missing: parks.map((park) => park.properties.id).filter((id) => !matched.has(id)),
  };
}

/** Field names that usually hold a park's name or id, most telling first. */
const NAME_LIKE =
  /^(id|park_?id|code|name|name_?zh|name_?cn|mc|名称|园区名称|园区|名字|编号|yqmc)$/i;

/**
 * The field that matches the most parks (ties: a field named like a name or id, then file order);
 * when no field matches any park, the first field named like one, else the first field.
 */
export function suggestMatchField(
  features: readonly MatchableFeature[],
  fields: readonly string[],
  parks: readonly ParkFeature[],
): string | null {
  let best: { field: string; count: number; named: boolean } | null = null;
  for (const field of fields) {
    const result = matchFeatures(features, field, parks);
    const count = result.matched.size;
    const named = NAME_LIKE.test(field);
    if (!best || count > best.count || (count === best.count && named && !best.named)) {
      best = { field, count, named };
    }
  }
  if (best && best.count > 0) return best.field;
  return fields.find((field) => NAME_LIKE.test(field)) ?? fields[0] ?? null;
}
