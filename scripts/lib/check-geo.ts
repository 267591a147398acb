/**
 * The build's own checks over geo/, run by build-parks.ts after the project's validator
 * (src/data/validate.ts, as `npm run validate` runs it): only what the app does not need but the
 * build promises. Schema, references, lead counts, zones, winding and self-intersection are the
 * validator's and are not repeated here. For drawn stand-ins these are stricter than the app:
 * - a schematic shape lies on land, inside its district, and encloses its reported area to 1 %
 *   (the validator allows 5 %);
 * - coordinates have at most 6 decimals and lie in the city's own box (tighter than the
 *   validator's plausibility box);
 * - every shape is OGC-valid;
 * - parks overlap, and linked parks leave their zone, by no more than rounding noise (1 m²; the
 *   validator allows 0.01 km² of slop);
 * - only a linked park names a zone, an area basis comes with an area, chain colours differ, and
 *   the taxonomy has 4 clusters and 8 chains.
 * It reads the registry the validator returned, so a record the validator rejected is not here.
 */
import { join } from 'node:path';
import type { Position } from 'geojson';
import { area, difference, featureCollection, intersect, union } from '@turf/turf';
import type { Registry } from '../../src/data/registry';
import { areaOutsideKm2, findOverlaps } from '../../src/geometry/overlaps';
import { polygonsOf } from '../../src/geometry/polygons';
import { type Areal, arealProblems, featureOf, readCollection } from './geo';

/** Zhenjiang's extent with a small margin: the build draws nothing outside it. */
const CITY_BOX = [118.9, 31.6, 120.0, 32.35] as const;
/** The AMap district polygons a park filed under each district must lie in. */
const DISTRICT_POLYGONS: Record<string, readonly string[]> = {
  京口区: ['京口区'],
  润州区: ['润州区'],
  丹徒区: ['丹徒区'],
  // A functional zone: its towns lie in the AMap 京口区 (and, by some accounts, 丹徒区) polygons.
  镇江新区: ['京口区', '丹徒区'],
  丹阳市: ['丹阳市'],
  句容市: ['句容市'],
  扬中市: ['扬中市'],
};
/** Areas below this (m²) are rounding noise, not overlaps. */
const NOISE_M2 = 1;
const NOISE_KM2 = NOISE_M2 / 1e6;
/** How far a schematic shape's drawn area may stray from its reported area. */
const SCHEMATIC_AREA_TOLERANCE = 0.01;

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

const m2 = (f: { geometry: Areal } | null): number => (f ? area(f.geometry) : 0);

function decimalsOk(g: Areal): boolean {
  return polygonsOf(g)
    .flat(2)
    .every((p: Position) => p.every((c) => Math.abs(c * 1e6 - Math.round(c * 1e6)) < 1e-6));
}

function taxonomyProblems(registry: Registry): string[] {
  const problems: string[] = [];
  for (const col of duplicates(registry.chains.map((c) => c.color.toLowerCase())))
    problems.push(`chains.json: colour ${col} used twice`);
  if (registry.clusters.length !== 4)
    problems.push(`chains.json: ${registry.clusters.length} clusters, expected 4`);
  if (registry.chains.length !== 8)
    problems.push(`chains.json: ${registry.chains.length} chains, expected 8`);
  return problems;
}

/** Every build-only problem of the validated `registry` whose basemap is in `dir`/basemap/. */
export function checkGeo(dir: string, registry: Registry): string[] {
  const problems = taxonomyProblems(registry);
  const parks = registry.parks;
  const districts = readCollection<Areal>(join(dir, 'basemap', 'districts.geojson'));
  const water = readCollection<Areal>(join(dir, 'basemap', 'water.geojson'));
  const allWater = union(featureCollection(water.map((w) => featureOf(w.geometry, {}))));
  for (const park of parks) {
    const p = park.properties;
    const where = `parks.geojson ${p.id}`;
    const shape = featureOf(park.geometry as Areal, { id: p.id });
    if (p.kind !== 'linked' && p.zone !== null)
      problems.push(`${where}: only a linked park has a zone`);
    if (p.area_km2 === null && (p.area_basis !== null || p.area_year !== null))
      problems.push(`${where}: area basis/year without an area`);
    for (const problem of arealProblems(shape.geometry)) problems.push(`${where}: ${problem}`);
    if (!decimalsOk(shape.geometry)) problems.push(`${where}: more than 6 decimal places`);
    const [x0, y0, x1, y1] = CITY_BOX;
    const outside = polygonsOf(shape.geometry)
      .flat(2)
      .some((q) => (q[0] ?? 0) < x0 || (q[0] ?? 0) > x1 || (q[1] ?? 0) < y0 || (q[1] ?? 0) > y1);
    if (outside) problems.push(`${where}: coordinates outside Zhenjiang (swapped lon/lat?)`);
    // Placement rules for drawn stand-ins only: an official boundary is what it is.
    if (p.boundary !== 'schematic') continue;
    if (p.area_km2 !== null) {
      const drawn = m2(shape) / 1e6;
      const err = Math.abs(drawn - p.area_km2) / p.area_km2;
      if (err > SCHEMATIC_AREA_TOLERANCE)
        problems.push(
          `${where}: drawn ${drawn.toFixed(2)} km² vs reported ${p.area_km2} km² (${(err * 100).toFixed(1)} %)`,
        );
    }
    const names = DISTRICT_POLYGONS[p.district] ?? [];
    const home = districts.filter((d) => names.includes(String(d.properties?.['name_zh'])));
    const homeUnion = home.length > 1 ? union(featureCollection(home)) : (home[0] ?? null);
    const outsideDistrict = homeUnion
      ? m2(difference(featureCollection([shape, homeUnion])))
      : m2(shape);
    if (outsideDistrict > NOISE_M2)
      problems.push(`${where}: ${(outsideDistrict / 1e6).toFixed(3)} km² outside ${p.district}`);
    const wet = allWater ? m2(intersect(featureCollection([shape, allWater]))) : 0;
    if (wet > NOISE_M2) problems.push(`${where}: ${(wet / 1e6).toFixed(3)} km² in the water`);
  }
  // The validator's overlap search, at the build's tolerance instead of the app's.
  const zoneOf = new Map(parks.map((park) => [park.properties.id, park.properties.zone]));
  const { overlaps, failures } = findOverlaps(
    parks.map((park) => ({ id: park.properties.id, geometry: park.geometry })),
    {
      toleranceKm2: NOISE_KM2,
      exempt: (a, b) => zoneOf.get(a) === b || zoneOf.get(b) === a,
    },
  );
  for (const { a, b, areaKm2 } of overlaps)
    problems.push(`parks.geojson ${a} and ${b}: overlap by ${areaKm2.toFixed(3)} km²`);
  for (const { a, b, reason } of failures)
    problems.push(`parks.geojson ${a} and ${b}: overlap not computable: ${reason}`);
  const byId = new Map(parks.map((park) => [park.properties.id, park]));
  for (const park of parks) {
    const p = park.properties;
    const zone = p.zone === null ? undefined : byId.get(p.zone);
    if (p.kind !== 'linked' || !zone) continue;
    const out = areaOutsideKm2(park.geometry, zone.geometry);
    if (out > NOISE_KM2)
      problems.push(
        `parks.geojson ${p.id}: ${out.toFixed(3)} km² outside its zone ${p.zone ?? ''}`,
      );
  }
  return problems;
}
