import { PROJECT_STATUSES } from '../../data/enums';
import type { ProjectStatus } from '../../data/schema';
import type { ChainIndex } from './chainIndex';
import { inScope, type ChainScope } from './scope';

/** Project counts by status, in pipeline order (planned → signed → under construction → operating). */
export type StatusCounts = Readonly<Record<ProjectStatus, number>>;

/** One year of the pipeline; `year` null collects the projects whose year is not reported. */
export interface PipelineYear {
  readonly year: number | null;
  readonly byStatus: StatusCounts;
  readonly total: number;
}

/** A chain's projects by status and by year, under the scope. */
export interface ChainPipeline {
  readonly chainId: string;
  readonly total: number;
  readonly byStatus: StatusCounts;
  /** Known years ascending, then the unknown year if any project lacks one. */
  readonly years: readonly PipelineYear[];
}

/** The statuses in pipeline order: the order of the chart's bars and legend. */
export const PIPELINE_ORDER: readonly ProjectStatus[] = PROJECT_STATUSES;

function zeroCounts(): Record<ProjectStatus, number> {
  return { planned: 0, signed: 0, 'under-construction': 0, operating: 0 };
}

/** The pipeline of a chain for the registry under `scope`; null for an unknown chain. */
export function chainPipeline(
  index: ChainIndex,
  chainId: string,
  scope: ChainScope,
): ChainPipeline | null {
  if (!index.chainById.has(chainId)) return null;
  const byStatus = zeroCounts();
  const byYear = new Map<number | null, Record<ProjectStatus, number>>();
  let count = 0;
  for (const project of index.projectsByChain.get(chainId) ?? []) {
    if (!inScope(scope, project.park)) continue;
    count += 1;
    byStatus[project.status] += 1;
    const year = byYear.get(project.year) ?? zeroCounts();
    year[project.status] += 1;
    byYear.set(project.year, year);
  }
  const years = [...byYear.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([year, counts]) => ({
      year,
      byStatus: counts,
      total: PIPELINE_ORDER.reduce((sum, status) => sum + counts[status], 0),
    }));
  return { chainId, total: count, byStatus, years };
}
