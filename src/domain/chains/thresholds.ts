/**
 * Coverage of a segment IN THIS REGISTRY: what the registry records, never a claim about what
 * Zhenjiang has. The UI words it so ("本登记中…").
 * - `gap` (空白): no project and no firm in the segment;
 * - `weak` (薄弱): fewer than {@link WEAK_BELOW} records, projects and firms together;
 * - `present` (已有): at least {@link WEAK_BELOW}.
 */
export type CoverageState = 'gap' | 'weak' | 'present';

/**
 * A segment with fewer records than this (projects and key firms together) is `weak`. Three,
 * because one or two records are one or two news reports: a segment resting on them changes state
 * when a single report is corrected, while three independent records start to show a cluster
 * (集聚). A firm and its own project count as two records: both were reported.
 */
export const WEAK_BELOW = 3;

/** The coverage state of a segment with these counts. */
export function coverageState(
  projects: number,
  firms: number,
  weakBelow = WEAK_BELOW,
): CoverageState {
  const records = projects + firms;
  if (records === 0) return 'gap';
  return records < weakBelow ? 'weak' : 'present';
}
