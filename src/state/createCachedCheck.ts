import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';

/** An input to check, with a key that is equal exactly when two inputs are. */
export interface Keyed<T> {
  readonly key: string;
  readonly value: T;
}

type Outcome<R> = { readonly result: R } | { readonly error: unknown };

/** A check that runs on demand, once per distinct input. */
export interface CachedCheck<R> {
  /** The result for the current input, or undefined while it is still to be (or being) checked. */
  readonly result: Accessor<R | undefined>;
  /** Why the check of the current input failed (it is run again when next asked for). */
  readonly error: Accessor<unknown>;
  /** Whether the current input waits for its check. */
  readonly pending: Accessor<boolean>;
  /** The result for the current input (undefined: no input), checking it now if not done yet. */
  now(): Promise<R | undefined>;
}

/** Options of {@link createCachedCheck}. */
export interface CachedCheckOptions {
  /** How long the input must stay the same before it is checked (ms). */
  readonly delay: number;
  /**
   * How many results to keep. Each may hold a whole registry, so a few: enough that going back
   * to an earlier input (undoing a keystroke, picking the previous option again) costs nothing.
   */
  readonly keep?: number;
}

/**
 * Runs an expensive `check` of a reactive input — debounced, so that typing does not run it per
 * keystroke, and cached by the input's key, so that each distinct input is checked once however
 * often it comes back. `now()` skips the wait (an Apply button needs the answer at once). The
 * import panel checks its merged registry with it; a second import kind can check its own input
 * the same way. Cancels a waiting check on cleanup.
 */
export function createCachedCheck<T, R>(
  input: Accessor<Keyed<T> | null>,
  check: (value: T) => R | Promise<R>,
  options: CachedCheckOptions,
): CachedCheck<R> {
  const keep = options.keep ?? 4;
  const cache = new Map<string, Promise<R>>();
  const [done, setDone] = createSignal<{ key: string; outcome: Outcome<R> } | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = (item: Keyed<T>): Promise<R> => {
    let running = cache.get(item.key);
    // Most recently used last, so that the oldest result is the one let go.
    if (running) cache.delete(item.key);
    else running = Promise.resolve().then(() => check(item.value));
    cache.set(item.key, running);
    for (const key of cache.keys()) if (cache.size > keep) cache.delete(key);
    const publish = (outcome: Outcome<R>): void => {
      if (input()?.key === item.key) setDone({ key: item.key, outcome });
    };
    running.then(
      (result) => publish({ result }),
      (error: unknown) => {
        // A failed check is not an answer: asking again for the same input runs it again.
        cache.delete(item.key);
        publish({ error });
      },
    );
    return running;
  };

  createEffect(
    on(input, (item) => {
      clearTimeout(timer);
      if (!item) return;
      if (cache.has(item.key)) void run(item).catch(() => undefined);
      else timer = setTimeout(() => void run(item).catch(() => undefined), options.delay);
    }),
  );
  onCleanup(() => clearTimeout(timer));

  const outcome = (): Outcome<R> | undefined => {
    const current = done();
    return current && current.key === input()?.key ? current.outcome : undefined;
  };
  return {
    result: () => {
      const current = outcome();
      return current && 'result' in current ? current.result : undefined;
    },
    error: () => {
      const current = outcome();
      return current && 'error' in current ? current.error : undefined;
    },
    pending: () => input() !== null && outcome() === undefined,
    now: () => {
      const item = input();
      if (!item) return Promise.resolve(undefined);
      clearTimeout(timer);
      return run(item);
    },
  };
}

/**
 * `source`, but changing only once it has stayed the same for `delay` ms; `flush()` takes the
 * current value at once (a choice from a list is not typing, and need not wait).
 */
export function createDebounced<T>(
  source: Accessor<T>,
  delay: number,
): { readonly value: Accessor<T>; readonly settled: Accessor<boolean>; flush(): void } {
  const [value, setValue] = createSignal<T>(source());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    setValue(() => source());
  };
  createEffect(
    on(
      source,
      () => {
        clearTimeout(timer);
        timer = setTimeout(flush, delay);
      },
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(timer));
  return { value, settled: () => value() === source(), flush };
}
