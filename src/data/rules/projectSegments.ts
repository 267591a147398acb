import type { Project } from '../schema';
import type { Report } from './report';
import { checkSegment, type SegmentLookup } from './segments';

/**
 * A project's segment and the pairs of fields that go together: `park` with `park_basis`,
 * `segment` with `segment_basis`, and a `location` only for a project with a park.
 */

function pairFinding(project: Project, field: 'park' | 'segment', report: Report): void {
  const basisField = `${field}_basis` as const;
  const value = project[field];
  const basis = project[basisField];
  if (value === null && basis !== null) {
    report(
      project.id,
      'basis-pair',
      `${basisField} is '${basis}' but ${field} is null: set ${basisField} to null too, or name the ${field}`,
    );
  } else if (value !== null && basis === null) {
    report(
      project.id,
      'basis-pair',
      `${field} '${value}' has no ${basisField}: say whether the report names it ('reported') or the editors chose it ('inferred')`,
    );
  }
}

/** The project rules over every project that passed its schema. */
export function projectSegmentFindings(
  projects: Iterable<Project>,
  lookup: SegmentLookup,
  report: Report,
): void {
  for (const project of projects) {
    pairFinding(project, 'park', report);
    pairFinding(project, 'segment', report);
    if (project.segment !== null)
      checkSegment(lookup, project.chain, project.segment, 'segment', project.id, report);
    if (project.location && project.park === null) {
      report(
        project.id,
        'location-without-park',
        'has a location but no park: a located project must lie in a park; name the park or remove the location',
      );
    }
  }
}
