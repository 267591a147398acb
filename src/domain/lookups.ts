/**
 * Read-only maps that hold less than a Map of their own: the registry's index keeps one Map from
 * park id to list position and answers several lookups from it, and finds projects by id by a walk
 * over the list. At 50,000 parks and 150,000 projects, a Map per lookup was 5.5 MB of the page's
 * heap (issue #16).
 */

/**
 * What both lookups share: lookups of their own, and iteration over a Map of every entry built for
 * it and not kept (no reader of the index iterates these on the page; tests and tools may).
 */
abstract class BuiltOnIteration<V> implements ReadonlyMap<string, V> {
  abstract get size(): number;
  abstract get(key: string): V | undefined;
  abstract has(key: string): boolean;
  /** A Map of every entry, for iteration. */
  protected abstract whole(): Map<string, V>;

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    this.whole().forEach((value, key) => callback(value, key, this));
  }

  entries(): MapIterator<[string, V]> {
    return this.whole().entries();
  }

  keys(): MapIterator<string> {
    return this.whole().keys();
  }

  values(): MapIterator<V> {
    return this.whole().values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/**
 * A map whose values are worked out from a position: `positions` gives each key's position,
 * `valueAt` the value there. `get` and `has` cost one lookup in `positions`.
 */
export class PositionLookup<V> extends BuiltOnIteration<V> {
  constructor(
    private readonly positions: ReadonlyMap<string, number>,
    private readonly valueAt: (position: number) => V,
  ) {
    super();
  }

  get size(): number {
    return this.positions.size;
  }

  get(key: string): V | undefined {
    const position = this.positions.get(key);
    return position === undefined ? undefined : this.valueAt(position);
  }

  has(key: string): boolean {
    return this.positions.has(key);
  }

  override keys(): MapIterator<string> {
    return this.positions.keys();
  }

  protected whole(): Map<string, V> {
    const map = new Map<string, V>();
    for (const [key, position] of this.positions) map.set(key, this.valueAt(position));
    return map;
  }
}

/**
 * A map that finds a value by walking `list` for the one whose `keyOf` is the key, remembering the
 * last one found: for a lookup only a person's action uses (opening a project, a link naming one),
 * where one walk over 150,000 projects takes a few milliseconds and a Map of them held 3.7 MB for
 * as long as the page is open. Not for loops; a key that appears twice finds the first.
 */
export class ScanLookup<V> extends BuiltOnIteration<V> {
  private last: { readonly key: string; readonly value: V | undefined } | undefined;

  constructor(
    private readonly list: readonly V[],
    private readonly keyOf: (value: V) => string,
  ) {
    super();
  }

  get size(): number {
    return this.whole().size;
  }

  get(key: string): V | undefined {
    if (this.last?.key === key) return this.last.value;
    const value = this.list.find((item) => this.keyOf(item) === key);
    this.last = { key, value };
    return value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** First key winning, as in {@link ScanLookup.get}. */
  protected whole(): Map<string, V> {
    const map = new Map<string, V>();
    for (const item of this.list) {
      const key = this.keyOf(item);
      if (!map.has(key)) map.set(key, item);
    }
    return map;
  }
}
