import type { pinyin as pinyinProPinyin } from 'pinyin-pro';
import type { Name } from '../data/schema';
import type { RegistryIndex } from './membership';

/** A name's pinyin in lower-case letters and digits. */
export interface PinyinForms {
  /**
   * The syllables, separated by single spaces: "guan tang chuang xin she qu" for 官塘创新社区.
   * A run of letters or digits in the name ("20GWh") is one syllable.
   */
  readonly full: string;
  /** The first letter of each syllable (a Latin run whole): "gtcxsq" for 官塘创新社区. */
  readonly initials: string;
}

/** Converts a name to its pinyin forms. */
export type ToPinyin = (text: string) => PinyinForms;

/**
 * How a result matched, best first: the whole name, the start of a name, anywhere in a name, the
 * start of the pinyin initials, the start of the full pinyin, anywhere in the pinyin.
 */
export const MATCH_TIERS = [
  'exact',
  'prefix',
  'substring',
  'pinyin-initials-prefix',
  'pinyin-full-prefix',
  'pinyin-substring',
] as const;

/** One of {@link MATCH_TIERS}. */
export type MatchTier = (typeof MATCH_TIERS)[number];

/**
 * Where in a displayed name, or in the alias that matched (`field` 'alias', in
 * {@link SearchResult.alias}), the query was found: `[start, end)` in UTF-16 code units.
 */
export interface MatchHighlight {
  readonly field: 'zh' | 'en' | 'alias';
  readonly start: number;
  readonly end: number;
}

/** A search hit. */
export interface SearchResult {
  readonly kind: 'park' | 'project';
  readonly id: string;
  /** The park to select: the park itself, or the project's park. */
  readonly parkId: string;
  /** The name to show: the official name, also when the match was on an alias. */
  readonly name: Name;
  readonly tier: MatchTier;
  /**
   * The park's alias that matched ("镇江综保区" for 镇江综合保税区), shown beside the name so that
   * the user sees why the park was found; null when the match was on the name itself.
   */
  readonly alias: string | null;
  /**
   * The matched part of `name.zh`, `name.en` or `alias`, for highlighting; null when the match
   * was on the pinyin or ignored punctuation, so that no position in the shown text corresponds
   * to it.
   */
  readonly highlight: MatchHighlight | null;
}

interface SearchEntry {
  readonly kind: 'park' | 'project';
  readonly id: string;
  readonly parkId: string;
  readonly name: Name;
  readonly zh: NameForms;
  readonly en: NameForms | null;
  readonly pinyin: PinyinIndex | null;
  /** A park's aliases; null for a park without any and for projects, so they cost nothing. */
  readonly aliases: readonly AliasForms[] | null;
}

/** One alias prepared like a name. */
interface AliasForms {
  readonly alias: string;
  readonly forms: NameForms;
  readonly pinyin: PinyinIndex | null;
}

/** Pinyin prepared for matching: syllables run together, and where each syllable starts. */
interface PinyinIndex {
  readonly initials: string;
  readonly compact: string;
  readonly syllableStarts: ReadonlySet<number>;
}

function pinyinIndex(forms: PinyinForms): PinyinIndex {
  const syllableStarts = new Set<number>();
  let compact = '';
  for (const syllable of forms.full.split(' ')) {
    if (syllable === '') continue;
    syllableStarts.add(compact.length);
    compact += syllable;
  }
  return { initials: forms.initials, compact, syllableStarts };
}

/** A name normalised for matching, and the same without spaces and punctuation. */
interface NameForms {
  readonly text: string;
  readonly compact: string;
  /** Whether positions in `text` are positions in the original name (for highlighting). */
  readonly alignedWithName: boolean;
}

/** The prepared, immutable search data; build it once per registry (and again once pinyin loads). */
export interface SearchIndex {
  /** Parks in list order, then projects park by park: the order of equally good results. */
  readonly entries: readonly SearchEntry[];
}

/** Queries are cut to this many characters: no name is longer, and it bounds the work. */
export const MAX_QUERY_LENGTH = 100;

const SPACE_AND_PUNCTUATION = /[\p{White_Space}\p{P}\p{S}]+/gu;

/**
 * Folds case and width (full-width ＧＴ is GT, （ is ( ) so that the query matches however it was
 * typed.
 */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function nameForms(name: string): NameForms {
  const text = normalise(name);
  return {
    text,
    compact: text.replace(SPACE_AND_PUNCTUATION, ''),
    alignedWithName: text.length === name.length,
  };
}

/**
 * Turns the output of any pinyin converter into the forms the index compares: lower-case, `ü`
 * as `v` (as typed on pinyin keyboards), letters and digits only.
 */
export function pinyinKey(text: string): string {
  return normalise(text)
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Prepares parks and projects for {@link search}. Without `toPinyin` (before pinyin-pro has
 * loaded) names still match; pinyin tiers then never do. Pure: O(parks + projects), paid on the
 * first search rather than here: the app builds the index when it starts, and for tens of
 * thousands of parks that took a quarter of a second of the start-up, for a search that may
 * never come.
 */
export function buildSearchIndex(index: RegistryIndex, toPinyin?: ToPinyin): SearchIndex {
  let entries: readonly SearchEntry[] | null = null;
  return {
    get entries(): readonly SearchEntry[] {
      entries ??= searchEntries(index, toPinyin);
      return entries;
    },
  };
}

function searchEntries(index: RegistryIndex, toPinyin?: ToPinyin): readonly SearchEntry[] {
  const pinyinOf = (text: string): PinyinIndex | null =>
    toPinyin ? pinyinIndex(toPinyin(text)) : null;
  const entry = (
    kind: SearchEntry['kind'],
    id: string,
    parkId: string,
    name: Name,
    aliases: readonly string[],
  ): SearchEntry => ({
    kind,
    id,
    parkId,
    name,
    zh: nameForms(name.zh),
    en: name.en === undefined ? null : nameForms(name.en),
    pinyin: pinyinOf(name.zh),
    aliases:
      aliases.length === 0
        ? null
        : aliases.map((alias) => ({ alias, forms: nameForms(alias), pinyin: pinyinOf(alias) })),
  });
  const parks = index.parks.map(({ properties: park }) =>
    entry('park', park.id, park.id, park.name, park.aliases),
  );
  const projects = index.parks.flatMap(({ properties: park }) =>
    (index.projectsByPark.get(park.id) ?? []).map((project) =>
      entry('project', project.id, park.id, project.name, NO_ALIASES),
    ),
  );
  return [...parks, ...projects];
}

const NO_ALIASES: readonly string[] = [];

const TIER_RANK: ReadonlyMap<MatchTier, number> = new Map(MATCH_TIERS.map((tier, i) => [tier, i]));

function rank(tier: MatchTier): number {
  return TIER_RANK.get(tier) ?? MATCH_TIERS.length;
}

interface NameMatch {
  readonly tier: MatchTier;
  readonly highlight: MatchHighlight | null;
}

/** A match and, when it was on an alias rather than the name, which alias. */
interface EntryMatch extends NameMatch {
  readonly alias: string | null;
}

/**
 * Where a match goes in the results: by tier, and within a tier a match on the name before one
 * on an alias, so that the official name of one park comes before another park's nickname.
 */
function order(match: EntryMatch): number {
  return rank(match.tier) * 2 + (match.alias === null ? 0 : 1);
}

function matchName(
  forms: NameForms,
  field: MatchHighlight['field'],
  query: string,
  compactQuery: string,
): NameMatch | null {
  const at = forms.text.indexOf(query);
  if (at >= 0) {
    const tier: MatchTier =
      forms.text.length === query.length ? 'exact' : at === 0 ? 'prefix' : 'substring';
    const highlight = forms.alignedWithName ? { field, start: at, end: at + query.length } : null;
    return { tier, highlight };
  }
  // "联东官塘" for 联东·官塘科技港: the same tiers, ignoring spaces and punctuation on both sides.
  if (compactQuery === '') return null;
  const compactAt = forms.compact.indexOf(compactQuery);
  if (compactAt < 0) return null;
  const tier: MatchTier =
    forms.compact.length === compactQuery.length
      ? 'exact'
      : compactAt === 0
        ? 'prefix'
        : 'substring';
  return { tier, highlight: null };
}

function matchPinyin(forms: PinyinIndex, query: string): MatchTier | null {
  if (forms.initials.startsWith(query)) return 'pinyin-initials-prefix';
  if (forms.compact.startsWith(query)) return 'pinyin-full-prefix';
  if (forms.initials.includes(query) || includesAtSyllableStart(forms, query)) {
    return 'pinyin-substring';
  }
  return null;
}

/**
 * Whether `query` occurs in the full pinyin starting at a syllable: "tang" is in 官塘
 * (guan|tang), but "gt" is not in 航天 (hang|tian), which a plain substring test would say.
 */
function includesAtSyllableStart(forms: PinyinIndex, query: string): boolean {
  for (let at = forms.compact.indexOf(query); at >= 0; at = forms.compact.indexOf(query, at + 1)) {
    if (forms.syllableStarts.has(at)) return true;
  }
  return false;
}

function better(a: EntryMatch | null, b: EntryMatch | null): EntryMatch | null {
  if (a === null) return b;
  if (b === null) return a;
  return order(b) < order(a) ? b : a;
}

const onName = (match: NameMatch | null): EntryMatch | null =>
  match === null ? null : { ...match, alias: null };

/** The best match of `query` on an entry's names, then its aliases, then the pinyin of both. */
function matchEntry(
  entry: SearchEntry,
  text: string,
  compactText: string,
  pinyinQuery: string,
): EntryMatch | null {
  let best = better(
    onName(matchName(entry.zh, 'zh', text, compactText)),
    entry.en ? onName(matchName(entry.en, 'en', text, compactText)) : null,
  );
  // Tested before looping: most entries have no aliases, and a loop over nothing still costs.
  const aliases = entry.aliases;
  if (aliases !== null) {
    for (const { alias, forms } of aliases) {
      const match = matchName(forms, 'alias', text, compactText);
      if (match !== null) best = better(best, { ...match, alias });
    }
  }
  // Every pinyin tier ranks below every name tier, so pinyin is only worth trying without one.
  if (best !== null || pinyinQuery === '') return best;
  const tier = entry.pinyin ? matchPinyin(entry.pinyin, pinyinQuery) : null;
  best = tier === null ? null : { tier, highlight: null, alias: null };
  if (aliases !== null) {
    for (const { alias, pinyin } of aliases) {
      const aliasTier = pinyin ? matchPinyin(pinyin, pinyinQuery) : null;
      if (aliasTier !== null) best = better(best, { tier: aliasTier, highlight: null, alias });
    }
  }
  return best;
}

/**
 * Parks and projects matching `query`, best first, at most `limit`.
 *
 * Matches the Chinese and English names and a park's aliases (高新区, 镇江综保区; case- and
 * width-insensitive, anywhere in the text) and, when the index has pinyin, the pinyin of the
 * Chinese name and of the aliases: initials ("gt", "gtcxsq") and full syllables ("guantang",
 * "guan tang"), spaces optional. Ranking is by {@link MATCH_TIERS}; within a tier a match on a
 * name comes before a match on an alias, then parks before projects, and otherwise the index
 * order (the list order) is kept.
 */
export function search(index: SearchIndex, query: string, limit: number): readonly SearchResult[] {
  const text = normalise(query.slice(0, MAX_QUERY_LENGTH)).trim();
  if (text === '' || limit <= 0) return [];
  const compactText = text.replace(SPACE_AND_PUNCTUATION, '');
  // Only a query typed in Latin letters can be pinyin; "gt" yes, "官塘" or "gt港" no.
  const pinyinQuery = /^[a-z0-9\s'’·-]+$/.test(text) ? pinyinKey(text) : '';

  // One bucket per place in the order (tier, then name before alias), filled in index order: the
  // ranking is then stable by construction and O(entries) without a sort. A bucket stops growing
  // at `limit`, as nothing past it can show.
  const buckets: SearchResult[][] = [...MATCH_TIERS, ...MATCH_TIERS].map(() => []);
  for (const entry of index.entries) {
    const best = matchEntry(entry, text, compactText, pinyinQuery);
    if (best === null) continue;
    const bucket = buckets[order(best)];
    if (bucket === undefined || bucket.length >= limit) continue;
    bucket.push({
      kind: entry.kind,
      id: entry.id,
      parkId: entry.parkId,
      name: entry.name,
      tier: best.tier,
      alias: best.alias,
      highlight: best.highlight,
    });
  }
  // Parks precede projects in the index, so within a tier parks come first.
  return buckets.flat().slice(0, limit);
}

type PinyinPro = typeof pinyinProPinyin;

/**
 * A {@link ToPinyin} over pinyin-pro's `pinyin` function. pinyin-pro reads each character in
 * context (长城 is chang cheng); letters and digits in a name ("20GWh") are kept as they are.
 */
export function makeToPinyin(pinyin: PinyinPro): ToPinyin {
  return (text) => {
    const syllables: string[] = [];
    let initials = '';
    for (const item of pinyin(text, { type: 'all', toneType: 'none', nonZh: 'consecutive' })) {
      if (item.isZh) {
        syllables.push(pinyinKey(item.pinyin));
        initials += pinyinKey(item.first);
      } else {
        // A non-Chinese run: each word of letters or digits is one syllable, kept whole.
        for (const word of item.origin.split(/[^\p{L}\p{N}]+/u)) {
          const key = pinyinKey(word);
          if (key === '') continue;
          syllables.push(key);
          initials += key;
        }
      }
    }
    return { full: syllables.join(' '), initials };
  };
}

/**
 * Loads pinyin-pro (about 300 kB) on demand, in its own chunk, and returns a {@link ToPinyin}.
 * Call it after the first render; search works on names until it resolves.
 */
export async function loadPinyin(): Promise<ToPinyin> {
  const { pinyin } = await import('pinyin-pro');
  return makeToPinyin(pinyin);
}
