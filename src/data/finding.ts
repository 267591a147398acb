import type { Finding } from './validate';

/** A finding as one line: `FILE: ID: problem [rule]` (id `-` when the finding is about the file). */
export function formatFinding(finding: Finding): string {
  return `${finding.file}: ${finding.id ?? '-'}: ${finding.message} [${finding.rule}]`;
}
