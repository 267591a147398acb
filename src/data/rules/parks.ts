import type { Chain, ParkFeature, ParkKind } from '../schema';
import { areaKm2 } from '../../geometry/measure';
import { checkGeometry } from '../../geometry/validity';
import type { Table } from './collect';
import { checkReference } from './references';
import { km2, percent, type Report } from './report';

/** Park-by-park rules: zones (一区多园), lead chains (一园区一主导产业), geometry, schematic areas. */

/** How far a schematic park's drawn area may stray from its reported area: 5%. */
export const AREA_TOLERANCE = 0.05;

/** The lead-chain counts 一园区一主导产业 allows, by park kind. */
export const LEAD_LIMITS: Readonly<
  Record<ParkKind, { readonly min: number; readonly max: number }>
> = {
  main: { min: 1, max: 2 },
  linked: { min: 1, max: 1 },
  elevated: { min: 1, max: 1 },
};

const KIND_NAMES: Readonly<Record<ParkKind, string>> = {
  main: 'a main zone',
  linked: 'a linked park',
  elevated: 'an elevated park',
};

function leadFindings(park: ParkFeature['properties'], report: Report): void {
  const unique = [...new Set(park.lead)];
  const repeated = park.lead.filter((id, i) => park.lead.indexOf(id) !== i);
  if (repeated.length > 0) {
    report(
      park.id,
      'lead-duplicate',
      `lead lists ${[...new Set(repeated)].join(', ')} more than once: list each chain once`,
    );
  }
  const { min, max } = LEAD_LIMITS[park.kind];
  if (unique.length >= min && unique.length <= max) return;
  const allowed = min === max ? `exactly ${min} lead chain` : `${min}–${max} lead chains`;
  const found =
    unique.length === 0
      ? 'found none: add its designated chain to lead'
      : `found ${unique.length}: ${unique.join(', ')}; keep the designated one${max > 1 ? 's' : ''} in lead and move the rest to industries`;
  report(
    park.id,
    'lead-count',
    `${KIND_NAMES[park.kind]} must have ${allowed} (一园区一主导产业), ${found}`,
  );
}

function zoneFindings(
  park: ParkFeature['properties'],
  parks: Table<ParkFeature>,
  report: Report,
): void {
  if (park.kind === 'main') {
    if (park.zone !== null)
      report(
        park.id,
        'zone-on-main',
        `a main zone belongs to no other zone, but zone is '${park.zone}': set zone to null`,
      );
    return;
  }
  if (park.zone === null) {
    if (park.kind === 'linked')
      report(park.id, 'missing-zone', 'a linked park must name its main zone in zone (一区多园)');
    return;
  }
  checkReference(parks, park.zone, 'zone', 'park', park.id, report);
  const zone = parks.byId.get(park.zone);
  if (zone && zone.properties.kind !== 'main') {
    report(
      park.id,
      'zone-not-main',
      `zone '${park.zone}' is ${KIND_NAMES[zone.properties.kind]}, not a main zone: point zone at the main zone this park belongs to`,
    );
  }
}

function areaFinding(park: ParkFeature, report: Report): void {
  const reported = park.properties.area_km2;
  if (park.properties.boundary !== 'schematic' || reported === null) return;
  const drawn = areaKm2(park.geometry);
  const off = Math.abs(drawn - reported) / reported;
  if (off <= AREA_TOLERANCE) return;
  report(
    park.properties.id,
    'area-mismatch',
    `the schematic boundary encloses ${km2(drawn)} but area_km2 is ${reported} (${percent(off)} off, limit ${percent(AREA_TOLERANCE)}): scale the shape to the reported area or correct area_km2`,
  );
}

/** Park-by-park rules; returns the parks whose shapes can be measured. */
export function parkFindings(
  parks: Table<ParkFeature>,
  chains: Table<Chain>,
  report: Report,
): ParkFeature[] {
  const measurable: ParkFeature[] = [];
  for (const park of parks.byId.values()) {
    const p = park.properties;
    zoneFindings(p, parks, report);
    for (const lead of p.lead) checkReference(chains, lead, 'lead chain', 'chain', p.id, report);
    leadFindings(p, report);
    const geometry = checkGeometry(park.geometry);
    for (const problem of geometry.problems) report(p.id, problem.rule, problem.message);
    if (!geometry.usable) continue;
    measurable.push(park);
    areaFinding(park, report);
  }
  return measurable;
}
