import type { Finding, Rule } from '../findings';

/** How rules report: a finding against one file, for a record id (or null for the file). */
export type Report = (id: string | null, rule: Rule, message: string) => void;

/** A {@link Report} that adds findings against `file` to `findings`. */
export function reporter(findings: Finding[], file: string): Report {
  return (id, rule, message) => findings.push({ file, id, rule, message });
}

/** Whether a value is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An area for a message: "1.23 km²". */
export const km2 = (n: number): string => `${n.toFixed(2)} km²`;

/** A share for a message: "4.5%". */
export const percent = (n: number): string => `${(n * 100).toFixed(1)}%`;

/** The text of a thrown value. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
