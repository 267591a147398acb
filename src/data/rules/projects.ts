import type { Chain, ParkFeature, Project } from '../schema';
import { checkLonLat, formatPosition } from '../../geometry/coordinates';
import { pointInGeometry } from '../../geometry/overlaps';
import type { Table } from './collect';
import { checkReference } from './references';
import type { Report } from './report';

/** Project rules: references to a park (when it has one) and a chain, and a location inside the park. */

/** Reports each project's broken references and misplaced location. */
export function projectFindings(
  projects: Table<Project>,
  parks: Table<ParkFeature>,
  chains: Table<Chain>,
  measurable: ReadonlySet<string>,
  report: Report,
): void {
  for (const project of projects.byId.values()) {
    if (project.park !== null)
      checkReference(parks, project.park, 'park', 'park', project.id, report);
    checkReference(chains, project.chain, 'chain', 'chain', project.id, report);
    // A located project without a park is rules/projectSegments.ts's location-without-park.
    if (!project.location || project.park === null) continue;
    const problems = checkLonLat(project.location);
    for (const problem of problems)
      report(project.id, problem.rule, `location: ${problem.message}`);
    const park = parks.byId.get(project.park);
    if (problems.length > 0 || !park || !measurable.has(project.park)) continue;
    if (!pointInGeometry(project.location, park.geometry)) {
      report(
        project.id,
        'project-outside-park',
        `location ${formatPosition(project.location)} is not inside its park '${project.park}': move the point into the park, or correct park`,
      );
    }
  }
}
