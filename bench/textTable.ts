/** Plain-text formatting shared by the printed tables (bench/report.ts, bench/reportTiles.ts). */

/** Kilobytes, one decimal. */
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
/** Megabytes, one decimal. */
export const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
/** Milliseconds, or seconds from 10 s on; a dash for no value. */
export const ms = (value: number | null | undefined): string =>
  value === null || value === undefined
    ? '—'
    : value >= 10_000
      ? `${(value / 1000).toFixed(1)} s`
      : `${Math.round(value)} ms`;
/** A ratio with two decimals and ×; a dash for none. */
export const ratio = (value: number | null): string =>
  value === null ? '—' : `${value.toFixed(2)}×`;

/** A plain-text table with right-aligned columns after the first. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, i) =>
    Math.max([...title].length, ...rows.map((row) => [...(row[i] ?? '')].length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...cell].length));
        return i === 0 ? cell + pad : pad + cell;
      })
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
