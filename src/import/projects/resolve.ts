import type { ToPinyin } from '../../domain/search';
import { normaliseName } from '../match';

/**
 * Resolves what a ledger writes for a park, a chain or a segment to a registry id: by id, by
 * name (Chinese or English, normalised as the boundary matcher does, again without bracketed
 * parts and without a leading 镇江/镇江市), by the record's `aliases` (镇江经开区, 高新区 …),
 * by a chain's `former_ids` and former wording (新能源), and by pinyin. A value that fits none,
 * or more than one, is not guessed: it comes back with the candidates a person would consider,
 * for the importer to ask about once.
 */

/** One thing a value may name: its id and every name it goes by. */
export interface Named {
  readonly id: string;
  readonly names: readonly string[];
  /** Ids that now mean this record (a chain's `former_ids`). */
  readonly formerIds?: readonly string[];
}

/** What a value resolved to. */
export type Resolution =
  | { readonly kind: 'found'; readonly id: string; readonly by: 'id' | 'name' | 'alias' | 'pinyin' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly string[] }
  | { readonly kind: 'unknown'; readonly candidates: readonly string[] };

/** A prepared lookup over a list of {@link Named} records. */
export interface Resolver {
  resolve(value: string): Resolution;
}

const CITY_PREFIX = /^(江苏省)?(镇江市|镇江)/;

/** A record's name as compared: normalised, and again without its bracketed parts. */
function variants(name: string): string[] {
  const normal = normaliseName(name);
  const bare = normal.replace(/[([【〔][^)\]】〕]*[)\]】〕]/g, '');
  return [...new Set([normal, bare])].filter((key) => key !== '');
}

/**
 * A ledger's value as compared: as {@link variants}, and with the city dropped or shortened
 * ("镇江市官塘创新社区" finds 官塘创新社区, "镇江市经开区" the alias 镇江经开区). The city is never
 * added: "新区" alone is a question, not 镇江新区.
 */
function valueVariants(value: string): string[] {
  const out = new Set(variants(value));
  for (const key of [...out]) {
    out.add(key.replace(CITY_PREFIX, ''));
    out.add(key.replace(/^(江苏省)?镇江市/, '镇江'));
  }
  out.delete('');
  return [...out];
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(id);
  map.set(key, set);
}

/** Builds a resolver; `toPinyin` (pinyin-pro, loaded lazily) lets "zhenjiangxinqu" find 镇江新区. */
export function makeResolver(records: readonly Named[], toPinyin?: ToPinyin): Resolver {
  const ids = new Map<string, string>();
  const former = new Map<string, Set<string>>();
  const names = new Map<string, Set<string>>();
  const pinyin = new Map<string, Set<string>>();
  const all: { id: string; keys: string[] }[] = [];
  for (const record of records) {
    ids.set(record.id.toLowerCase(), record.id);
    for (const old of record.formerIds ?? []) add(former, old.toLowerCase(), record.id);
    const keys: string[] = [];
    for (const name of record.names) {
      for (const key of variants(name)) {
        add(names, key, record.id);
        keys.push(key);
      }
      if (toPinyin && /\p{Script=Han}/u.test(name)) {
        add(pinyin, toPinyin(name).full.replace(/\s+/g, ''), record.id);
      }
    }
    all.push({ id: record.id, keys });
  }
  const sorted = (set: Iterable<string>): string[] => [...set].sort();
  return {
    resolve(value: string): Resolution {
      const trimmed = value.trim();
      const id = ids.get(trimmed.toLowerCase());
      if (id) return { kind: 'found', id, by: 'id' };
      const olds = former.get(trimmed.toLowerCase());
      if (olds) {
        return olds.size === 1
          ? { kind: 'found', id: [...olds][0] ?? '', by: 'alias' }
          : { kind: 'ambiguous', candidates: sorted(olds) };
      }
      const hits = new Set<string>();
      for (const key of valueVariants(trimmed))
        for (const hit of names.get(key) ?? []) hits.add(hit);
      if (hits.size === 1) return { kind: 'found', id: [...hits][0] ?? '', by: 'name' };
      if (hits.size > 1) return { kind: 'ambiguous', candidates: sorted(hits) };
      const latin = normaliseName(trimmed).replace(/[^a-z]/g, '');
      if (toPinyin && latin.length >= 4 && latin === normaliseName(trimmed)) {
        const byPinyin = pinyin.get(latin);
        if (byPinyin?.size === 1)
          return { kind: 'found', id: [...byPinyin][0] ?? '', by: 'pinyin' };
        if (byPinyin && byPinyin.size > 1)
          return { kind: 'ambiguous', candidates: sorted(byPinyin) };
      }
      // Suggestions only: names that contain the value or that it contains ("新区" → 镇江新区 …).
      const shortest = variants(trimmed).sort((a, b) => a.length - b.length)[0] ?? '';
      const near =
        shortest.length < 2
          ? []
          : all
              .filter(({ keys }) =>
                keys.some(
                  (key) => key.includes(shortest) || (key.length >= 2 && shortest.includes(key)),
                ),
              )
              .map(({ id: candidate }) => candidate);
      return { kind: 'unknown', candidates: sorted(new Set(near)).slice(0, 8) };
    },
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function nameStrings(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  return [record['zh'], record['en']].filter((name): name is string => typeof name === 'string');
}

/** A park as the resolver sees it: id, names and `aliases` (when the registry has them). */
export function parkNamed(properties: { readonly id: string; readonly name: unknown }): Named {
  const aliases = stringList((properties as Record<string, unknown>)['aliases']);
  return { id: properties.id, names: [...nameStrings(properties.name), ...aliases] };
}

/** A chain as the resolver sees it: id, names, `aliases` and `former_ids` (when present). */
export function chainNamed(chain: { readonly id: string; readonly name: unknown }): Named {
  const record = chain as Record<string, unknown>;
  return {
    id: chain.id,
    names: [...nameStrings(chain.name), ...stringList(record['aliases'])],
    formerIds: stringList(record['former_ids']),
  };
}

/** A chain's segments with ids (the #13 shape); older registries' unnamed segments give none. */
export function segmentsOf(chain: unknown): Named[] {
  const segments = (chain as Record<string, unknown> | null)?.['segments'];
  if (!Array.isArray(segments)) return [];
  return segments.flatMap((segment: unknown) => {
    const record = segment as Record<string, unknown> | null;
    const id = record?.['id'];
    return typeof id === 'string' ? [{ id, names: nameStrings(record?.['name']) }] : [];
  });
}
