import * as v from 'valibot';
import { ChainsFileSchema } from '../schema';
import { isRecord, type Report } from './report';

/**
 * The validator's first pass over a file: its top level, then each record against its schema,
 * dropping later duplicates of an id. What it keeps is a {@link Table} the cross-record rules read.
 */

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
export interface Table<T> {
  /** The file could be read; when false, references into it cannot be checked. */
  readonly available: boolean;
  readonly file: string;
  /** Ids seen in the file, including records that failed their schema. */
  readonly seen: ReadonlySet<string>;
  /** Records that passed their schema, first of each id only, in file order. */
  readonly byId: ReadonlyMap<string, T>;
}

export interface CollectSpec<T> {
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
export function collect<T>(
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

/** Checks a file's top level; returns the record arrays it holds, leniently, so the records can still be checked. */
export function fileArrays(
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

/** A file's `as_of` date, or null when it has none that the schema accepts. */
export function asOfOf(raw: unknown): string | null {
  return isRecord(raw) &&
    typeof raw['as_of'] === 'string' &&
    v.is(ChainsFileSchema.entries.as_of, raw['as_of'])
    ? raw['as_of']
    : null;
}

/** Where a park's id sits in a raw GeoJSON feature. */
export function rawParkId(record: unknown): unknown {
  return isRecord(record) && isRecord(record['properties'])
    ? record['properties']['id']
    : undefined;
}

/** Where a record's id sits in a raw chain, cluster or project. */
export function rawId(record: unknown): unknown {
  return isRecord(record) ? record['id'] : undefined;
}
