import { DISTRICTS, PARK_KINDS, PARK_LEVELS } from '../data/enums';
import { chainIndexOf } from './chains/registryChains';
import {
  NO_CHAIN,
  decodeChainSelection,
  encodeChainSelection,
  mapChainListItems,
  type ChainRemap,
  type ChainSelection,
} from './chains/urlChain';
import { defaultFilter, type FilterState } from './filter';
import { DEFAULT_LANG, isLang, type Lang } from './i18n';
import { MAP_PARAM, readMapView } from './mapView';
import type { RegistryIndex } from './membership';

/** Everything visible apart from the camera, which the map keeps in the `map=` parameter (domain/mapView.ts). */
export interface AppUrlState {
  readonly filter: FilterState;
  /** The selected park's id. */
  readonly park: string | null;
  /** The selected project's id; when set, `park` is that project's park. */
  readonly project: string | null;
  /** The open chain view (`chain=`) and its selected segment (`segment=`); none when absent. */
  readonly chain?: ChainSelection;
  readonly lang: Lang;
}

/** What a hash decodes to: the state, and the parameters that were ignored (for a notice). */
export interface DecodedHash {
  readonly state: AppUrlState;
  /** `key=value` of each ignored parameter or list item, shortened, at most {@link MAX_IGNORED}. */
  readonly ignored: readonly string[];
  /** Old chain ids that were read as their successors (a notice says so); absent when none. */
  readonly remapped?: readonly ChainRemap[];
}

/** The value of a list parameter in which nothing is checked (an empty value would be lost). */
export const NONE_VALUE = 'none';

/**
 * Longer hashes are cut here before parsing. Real links stay far below it (a full state with every
 * district percent-encoded is a few hundred characters); the cap bounds the work a pasted or
 * hostile link can cause.
 */
export const MAX_HASH_LENGTH = 4096;

/** At most this many ignored entries are reported, each shortened to {@link MAX_IGNORED_CHARS}. */
export const MAX_IGNORED = 10;

/** The longest an ignored entry is reported, ellipsis included: enough to recognise it. */
export const MAX_IGNORED_CHARS = 60;

// A view's values are numbers and slashes; anything else in `map=` is not worth keeping.
const MAP_VALUE_PATTERN = /^[0-9eE+\-./]{1,100}$/;

type ListKey = 'chains' | 'kinds' | 'levels' | 'districts';
const LIST_KEYS: readonly ListKey[] = ['chains', 'kinds', 'levels', 'districts'];

/** The canonical order of each list's values, which the encoder writes in. */
function listUniverse(index: RegistryIndex, key: ListKey): readonly string[] {
  switch (key) {
    case 'chains':
      return index.chains.map((chain) => chain.id);
    case 'kinds':
      return PARK_KINDS;
    case 'levels':
      return PARK_LEVELS;
    case 'districts':
      return DISTRICTS;
  }
}

function stripHashMark(hash: string): string {
  return hash.startsWith('#') ? hash.slice(1) : hash;
}

/** Splits `key=value` at the first `=`; `value` is null when there is no `=`. */
function splitParam(segment: string): { key: string; value: string | null } {
  const at = segment.indexOf('=');
  return at < 0
    ? { key: segment, value: null }
    : { key: segment.slice(0, at), value: segment.slice(at + 1) };
}

/**
 * Decodes a hash value as URLSearchParams does (`+` is a space, `%XX` is a byte), but
 * returns null for a malformed escape instead of passing it through.
 */
function decodeValue(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The raw `map=…` segment of a hash, if it has a plausible one. */
function mapSegment(hash: string): string | null {
  for (const segment of stripHashMark(hash).slice(0, MAX_HASH_LENGTH).split('&')) {
    const { key, value } = splitParam(segment);
    if (key === MAP_PARAM && value !== null && MAP_VALUE_PATTERN.test(value)) return segment;
  }
  return null;
}

/**
 * Whether a hash carries a camera view (`map=…`) that the map will restore: a link without one
 * gets the view fitted to its selected park instead.
 */
export function hasMapView(hash: string): boolean {
  return readMapView(hash) !== null;
}

function encodeList(universe: readonly string[], checked: ReadonlySet<string>): string | null {
  const values = universe.filter((value) => checked.has(value));
  if (values.length === universe.length) return null;
  if (values.length === 0) return NONE_VALUE;
  // Commas stay literal: they separate items, and no id or district name contains one.
  return values.map((value) => encodeURIComponent(value)).join(',');
}

/**
 * The hash for `state`, starting with `#`, or '' when there is nothing to write.
 *
 * The `map=` parameter is copied from `currentHash` verbatim and kept first, because the map layer
 * owns it: it rewrites it in place after every move, keeping the other parameters. Then come `chains`, `kinds`, `levels`, `districts` (the
 * checked values in canonical order; left out when all are checked, `none` when none are),
 * `park`, `project`, `chain`, `segment` and `lang` (left out for Chinese). Other parameters of `currentHash` are
 * dropped: the hash holds this app's state and nothing stale.
 *
 * Values are percent-encoded (district names are Chinese).
 */
export function encodeHash(state: AppUrlState, index: RegistryIndex, currentHash: string): string {
  const params: string[] = [];
  const map = mapSegment(currentHash);
  if (map !== null) params.push(map);
  for (const key of LIST_KEYS) {
    const value = encodeList(listUniverse(index, key), state.filter[key]);
    if (value !== null) params.push(`${key}=${value}`);
  }
  if (state.park !== null) params.push(`park=${encodeURIComponent(state.park)}`);
  if (state.project !== null) params.push(`project=${encodeURIComponent(state.project)}`);
  params.push(...encodeChainSelection(state.chain ?? NO_CHAIN));
  if (state.lang !== DEFAULT_LANG) params.push(`lang=${state.lang}`);
  return params.length === 0 ? '' : `#${params.join('&')}`;
}

function shorten(text: string): string {
  if (text.length <= MAX_IGNORED_CHARS) return text;
  const head = text.slice(0, MAX_IGNORED_CHARS - 1);
  // Never end on half of a surrogate pair.
  return `${/[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head}…`;
}

/** Collects ignored entries, keeping the first few and counting the rest. */
function makeIgnoredList(): { ignore: (entry: string) => void; entries: () => string[] } {
  const kept: string[] = [];
  let count = 0;
  return {
    ignore(entry) {
      count += 1;
      if (kept.length < MAX_IGNORED) kept.push(shorten(entry));
    },
    entries() {
      if (count <= kept.length) return kept;
      // The last slot says how many more there were, counting the entry it replaces.
      return [...kept.slice(0, -1), `… (+${count - kept.length + 1})`];
    },
  };
}

/**
 * A list parameter's checked values, or null when no item is known. Items are split before they
 * are decoded, so a percent-encoded comma cannot smuggle in an item boundary.
 */
function decodeList<T extends string>(
  universe: readonly T[],
  key: ListKey,
  rawValue: string,
  ignore: (entry: string) => void,
): Set<T> | null {
  if (rawValue === NONE_VALUE) return new Set();
  const known: ReadonlyMap<string, T> = new Map(universe.map((value) => [value, value]));
  const checked = new Set<T>();
  for (const rawItem of rawValue.split(',')) {
    if (rawItem === '') continue;
    const item = decodeValue(rawItem);
    const value = item === null ? undefined : known.get(item);
    if (value !== undefined) checked.add(value);
    else ignore(`${key}=${item ?? rawItem}`);
  }
  return checked.size > 0 ? checked : null;
}

/** The part of a hash that is parsed: all of it, or whole parameters up to the length cap. */
function boundedBody(hash: string, ignore: (entry: string) => void): string {
  const body = stripHashMark(hash);
  if (body.length <= MAX_HASH_LENGTH) return body;
  // Cut at a parameter boundary, so no parameter is applied half-read.
  const cut = body.lastIndexOf('&', MAX_HASH_LENGTH);
  const kept = cut < 0 ? '' : body.slice(0, cut);
  ignore(body.slice(kept.length, kept.length + MAX_IGNORED_CHARS));
  return kept;
}

/**
 * The state a hash describes, and what in it was ignored. Never throws.
 *
 * Unknown keys, unknown chains, kinds, levels, districts, parks and projects, malformed escapes,
 * empty values, repeated keys (the first counts) and whatever lies past {@link MAX_HASH_LENGTH}
 * are ignored and listed; the rest is applied. A list none of whose items is known is ignored as
 * a whole and leaves everything checked: reading it as "nothing checked" would hide every park
 * because of a typo or a renamed chain. A known project selects its park too, overriding a
 * different `park=`. The camera's `map=` is left to the map layer and not reported. The ignored entries
 * may contain any text from the link: show them as text, never as markup.
 */
export function decodeHash(hash: string, index: RegistryIndex): DecodedHash {
  const ignored = makeIgnoredList();
  const { ignore } = ignored;
  const filter = defaultFilter(index);
  let chains = filter.chains;
  let kinds = filter.kinds;
  let levels = filter.levels;
  let districts = filter.districts;
  let parkParam: string | null = null;
  let projectParam: string | null = null;
  let lang: Lang = DEFAULT_LANG;
  let chainParam: string | null = null;
  let segmentParam: string | null = null;
  const remapped: ChainRemap[] = [];
  const chainIndex = chainIndexOf(index);
  const seen = new Set<string>();

  for (const segment of boundedBody(hash, ignore).split('&')) {
    if (segment === '') continue;
    const { key, value: rawValue } = splitParam(segment);
    if (key === MAP_PARAM) continue;
    if (rawValue === null || rawValue === '' || seen.has(key)) {
      ignore(segment);
      continue;
    }
    seen.add(key);
    switch (key) {
      case 'chains': {
        // Old chain ids become their successors before the list is checked.
        const items = rawValue.split(',').map((item) => decodeValue(item) ?? item);
        const mapped = mapChainListItems(chainIndex, items);
        remapped.push(...mapped.remapped);
        const value = mapped.items.map((item) => encodeURIComponent(item)).join(',');
        chains = decodeList(listUniverse(index, key), key, value, ignore) ?? chains;
        break;
      }
      case 'chain':
        chainParam = decodeValue(rawValue) ?? rawValue;
        break;
      case 'segment':
        segmentParam = decodeValue(rawValue) ?? rawValue;
        break;
      case 'kinds':
        kinds = decodeList(PARK_KINDS, key, rawValue, ignore) ?? kinds;
        break;
      case 'levels':
        levels = decodeList(PARK_LEVELS, key, rawValue, ignore) ?? levels;
        break;
      case 'districts':
        districts = decodeList(DISTRICTS, key, rawValue, ignore) ?? districts;
        break;
      case 'park': {
        const value = decodeValue(rawValue);
        if (value !== null && index.parkById.has(value)) parkParam = value;
        else ignore(`park=${value ?? rawValue}`);
        break;
      }
      case 'project': {
        const value = decodeValue(rawValue);
        if (value !== null && index.projectById.has(value)) projectParam = value;
        else ignore(`project=${value ?? rawValue}`);
        break;
      }
      case 'lang': {
        const value = decodeValue(rawValue);
        if (value !== null && isLang(value)) lang = value;
        else ignore(`lang=${value ?? rawValue}`);
        break;
      }
      default:
        ignore(segment);
    }
  }

  let park = parkParam;
  let project: string | null = null;
  const selectedProject = projectParam === null ? undefined : index.projectById.get(projectParam);
  if (
    selectedProject !== undefined &&
    selectedProject.park !== null &&
    index.parkById.has(selectedProject.park)
  ) {
    if (parkParam !== null && parkParam !== selectedProject.park) ignore(`park=${parkParam}`);
    park = selectedProject.park;
    project = selectedProject.id;
  } else if (selectedProject !== undefined) {
    ignore(`project=${selectedProject.id}`);
  }

  const chain =
    chainParam === null && segmentParam === null
      ? { selection: NO_CHAIN, remapped: [] }
      : decodeChainSelection(chainIndex, chainParam, segmentParam, ignore);
  remapped.push(...chain.remapped);

  return {
    state: {
      filter: { chains, kinds, levels, districts },
      park,
      project,
      // Absent when no chain view is open, as in links from before the chain view.
      ...(chain.selection.chain === null ? {} : { chain: chain.selection }),
      lang,
    },
    ignored: ignored.entries(),
    ...(remapped.length === 0 ? {} : { remapped }),
  };
}
