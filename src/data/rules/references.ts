import type { Table } from './collect';
import type { Report } from './report';

/** References between records (a park's zone and lead chains, a project's park and chain), with "did you mean". */

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

/** Whether a referenced id is a valid record, a record that failed its schema, or nothing. */
type Resolution = 'valid' | 'invalid' | 'unknown';

/** `invalid`: the record exists but failed its schema, which is reported already. */
function resolve<T>(table: Table<T>, id: string): Resolution {
  if (table.byId.has(id)) return 'valid';
  return table.seen.has(id) ? 'invalid' : 'unknown';
}

/** Reports `field`'s id when it names no record of `table`, suggesting the closest id. */
export function checkReference<T>(
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
