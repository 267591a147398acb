import type { ParkFeature } from '../schema';
import { areaKm2 } from '../../geometry/measure';
import { areaOutsideKm2, findOverlaps } from '../../geometry/overlaps';
import { errorText, km2, percent, type Report } from './report';

/** Rules between park shapes: a zoned park lies inside its zone, and parks do not overlap. */

/** Shared area below this is digitising slop along a common edge, not an overlap. */
export const OVERLAP_TOLERANCE_KM2 = 0.01;

/** A linked (or any zoned) park must lie inside its zone. */
function containmentFinding(park: ParkFeature, zone: ParkFeature, report: Report): void {
  const id = park.properties.id;
  let outside: number;
  try {
    outside = areaOutsideKm2(park.geometry, zone.geometry);
  } catch (error) {
    report(
      id,
      'geometry-error',
      `could not test whether the park lies inside its zone '${zone.properties.id}': ${errorText(error)}`,
    );
    return;
  }
  if (outside <= OVERLAP_TOLERANCE_KM2) return;
  const share = outside / areaKm2(park.geometry);
  report(
    id,
    'outside-zone',
    `${km2(outside)} (${percent(share)}) of the park lies outside its zone '${zone.properties.id}': redraw it inside the zone, or correct zone`,
  );
}

/** Reports every pair of parks that overlap by more than the tolerance, except a park and its zone. */
export function overlapFindings(parks: readonly ParkFeature[], report: Report): void {
  const zoneOf = new Map(parks.map((park) => [park.properties.id, park.properties.zone]));
  const items = parks.map((park) => ({ id: park.properties.id, geometry: park.geometry }));
  const { overlaps, failures } = findOverlaps(items, {
    toleranceKm2: OVERLAP_TOLERANCE_KM2,
    exempt: (a, b) => zoneOf.get(a) === b || zoneOf.get(b) === a,
  });
  for (const { a, b, areaKm2: shared } of overlaps) {
    report(
      a,
      'overlap',
      `overlaps park '${b}' by ${km2(shared)}: parks may overlap only their own zone; redraw the shared boundary, or set zone if one lies in the other`,
    );
  }
  for (const { a, b, reason } of failures) {
    report(a, 'geometry-error', `could not compute the overlap with park '${b}': ${reason}`);
  }
}

/** Reports each zoned park that strays outside its (main) zone. */
export function containmentFindings(measurable: readonly ParkFeature[], report: Report): void {
  const byId = new Map(measurable.map((park) => [park.properties.id, park]));
  for (const park of measurable) {
    const zone = park.properties.zone === null ? undefined : byId.get(park.properties.zone);
    if (zone && zone.properties.kind === 'main' && park.properties.kind !== 'main')
      containmentFinding(park, zone, report);
  }
}
