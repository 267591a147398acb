import type { ParkFeature } from '../schema';
import { simpleFeaturesProblems } from '../../geometry/simpleFeatures';
import type { Report } from './report';

/**
 * OGC Simple Features validity of each park shape (src/geometry/simpleFeatures.ts): parts that
 * overlap, share an edge or repeat; holes outside their shell, nested, or cutting the interior
 * apart; rings that touch themselves. Reported against the park; a park with such a shape is left
 * out of the area, overlap and containment rules, whose numbers on it would be wrong anyway (a
 * repeated part doubles the area).
 */
export function validityFindings(
  measurable: readonly ParkFeature[],
  report: Report,
): ParkFeature[] {
  const sound: ParkFeature[] = [];
  for (const park of measurable) {
    const problems = simpleFeaturesProblems(park.geometry);
    for (const problem of problems) report(park.properties.id, problem.rule, problem.message);
    if (problems.length === 0) sound.push(park);
  }
  return sound;
}
