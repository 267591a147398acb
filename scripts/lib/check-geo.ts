/**
 * A quick gate over geo/ run by build-parks.ts: the project schema on every record, references,
 * the one-park-one-lead rule and the geometry rules (validity, winding, placement, overlaps,
 * areas, project locations). For schematic shapes it is stricter than the app needs (on land,
 * inside their district, area within 1 %) because that is how they are meant to be drawn.
 * `npm run validate` (src/data/validate.ts) is the project's real validator; this is not it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Position } from 'geojson';
import {
  area,
  booleanPointInPolygon,
  difference,
  featureCollection,
  intersect,
  union,
} from '@turf/turf';
import * as v from 'valibot';
import {
  ChainSchema,
  ChainsFileSchema,
  ClusterSchema,
  ParkFeatureSchema,
  ParksFileSchema,
  ProjectSchema,
  ProjectsFileSchema,
  type Chain,
  type ParkFeature,
  type Project,
} from '../../src/data/schema';
import { type Areal, arealProblems, featureOf, polygonsOf, readCollection, readJson } from './geo';

/** Zhenjiang's extent with a margin: anything outside is a swapped or mistyped coordinate. */
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

const issuesText = (issues: readonly v.BaseIssue<unknown>[]): string =>
  issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`).join('; ');

function parse<T>(
  schema: v.GenericSchema<unknown, T>,
  value: unknown,
  where: string,
  problems: string[],
): T | null {
  const r = v.safeParse(schema, value);
  if (r.success) return r.output;
  problems.push(`${where}: ${issuesText(r.issues)}`);
  return null;
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

const m2 = (f: Feature<Areal> | null): number => (f ? area(f) : 0);

function decimalsOk(g: Areal): boolean {
  return polygonsOf(g)
    .flat(2)
    .every((p: Position) => p.every((c) => Math.abs(c * 1e6 - Math.round(c * 1e6)) < 1e-6));
}

/** Every problem found in `dir` (chains.json, parks.geojson, projects.json, basemap/). */
export function checkGeo(dir: string): string[] {
  const problems: string[] = [];

  // Chains and clusters.
  const chainsFile = parse(
    ChainsFileSchema,
    readJson<unknown>(join(dir, 'chains.json')),
    'chains.json',
    problems,
  );
  const clusters = (chainsFile?.clusters ?? []).flatMap(
    (c, i) => parse(ClusterSchema, c, `chains.json clusters[${i}]`, problems) ?? [],
  );
  const chains: Chain[] = (chainsFile?.chains ?? []).flatMap(
    (c, i) => parse(ChainSchema, c, `chains.json chains[${i}]`, problems) ?? [],
  );
  for (const id of duplicates([...clusters.map((c) => c.id), ...chains.map((c) => c.id)]))
    problems.push(`chains.json: duplicate id ${id}`);
  const clusterIds = new Set(clusters.map((c) => c.id));
  for (const c of chains)
    if (!clusterIds.has(c.cluster))
      problems.push(`chains.json ${c.id}: unknown cluster ${c.cluster}`);
  for (const col of duplicates(chains.map((c) => c.color.toLowerCase())))
    problems.push(`chains.json: colour ${col} used twice`);
  if (clusters.length !== 4) problems.push(`chains.json: ${clusters.length} clusters, expected 4`);
  if (chains.length !== 8) problems.push(`chains.json: ${chains.length} chains, expected 8`);
  const chainIds = new Set(chains.map((c) => c.id));

  // Parks: schema and references.
  const parksRaw = readJson<Record<string, unknown>>(join(dir, 'parks.geojson'));
  if ('crs' in parksRaw) problems.push('parks.geojson: has a crs member (RFC 7946 forbids it)');
  const parksFile = parse(ParksFileSchema, parksRaw, 'parks.geojson', problems);
  const parks: ParkFeature[] = (parksFile?.features ?? []).flatMap(
    (f, i) => parse(ParkFeatureSchema, f, `parks.geojson features[${i}]`, problems) ?? [],
  );
  for (const id of duplicates(parks.map((p) => p.properties.id)))
    problems.push(`parks.geojson: duplicate id ${id}`);
  const byId = new Map(parks.map((p) => [p.properties.id, p]));
  for (const { properties: p } of parks) {
    const where = `parks.geojson ${p.id}`;
    for (const c of p.lead)
      if (!chainIds.has(c)) problems.push(`${where}: unknown lead chain ${c}`);
    const n = p.lead.length;
    if (p.kind === 'main' && (n < 1 || n > 2))
      problems.push(`${where}: a main zone needs 1–2 lead chains, has ${n}`);
    if (p.kind !== 'main' && n !== 1)
      problems.push(`${where}: a ${p.kind} park needs exactly 1 lead chain, has ${n}`);
    if (p.kind === 'linked') {
      const zone = p.zone ? byId.get(p.zone) : undefined;
      if (!zone) problems.push(`${where}: zone ${String(p.zone)} does not exist`);
      else if (zone.properties.kind !== 'main')
        problems.push(`${where}: zone ${zone.properties.id} is not a main zone`);
    } else if (p.zone !== null) problems.push(`${where}: only a linked park has a zone`);
    if (p.area_km2 === null && (p.area_basis !== null || p.area_year !== null))
      problems.push(`${where}: area basis/year without an area`);
  }

  // Parks: geometry.
  const districts = readCollection<Areal>(join(dir, 'basemap', 'districts.geojson'));
  const water = readCollection<Areal>(join(dir, 'basemap', 'water.geojson'));
  const allWater = union(featureCollection(water.map((w) => featureOf(w.geometry, {}))));
  const shapes = parks.map((p) => featureOf(p.geometry as Areal, { id: p.properties.id }));
  parks.forEach((park, i) => {
    const p = park.properties;
    const where = `parks.geojson ${p.id}`;
    const shape = shapes[i];
    if (!shape) return;
    for (const problem of arealProblems(shape.geometry)) problems.push(`${where}: ${problem}`);
    if (!decimalsOk(shape.geometry)) problems.push(`${where}: more than 6 decimal places`);
    const [x0, y0, x1, y1] = CITY_BOX;
    const outside = polygonsOf(shape.geometry)
      .flat(2)
      .some((q) => (q[0] ?? 0) < x0 || (q[0] ?? 0) > x1 || (q[1] ?? 0) < y0 || (q[1] ?? 0) > y1);
    if (outside) problems.push(`${where}: coordinates outside Zhenjiang (swapped lon/lat?)`);
    const drawn = m2(shape) / 1e6;
    if (p.boundary === 'schematic' && p.area_km2 !== null) {
      const err = Math.abs(drawn - p.area_km2) / p.area_km2;
      if (err > 0.01)
        problems.push(
          `${where}: drawn ${drawn.toFixed(2)} km² vs reported ${p.area_km2} km² (${(err * 100).toFixed(1)} %)`,
        );
    }
    // Placement rules for drawn stand-ins only: an official boundary is what it is.
    if (p.boundary !== 'schematic') return;
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
  });
  for (let i = 0; i < parks.length; i++) {
    for (let j = i + 1; j < parks.length; j++) {
      const a = parks[i];
      const b = parks[j];
      const sa = shapes[i];
      const sb = shapes[j];
      if (!a || !b || !sa || !sb) continue;
      const shared = m2(intersect(featureCollection([sa, sb])));
      const nested = a.properties.zone === b.properties.id || b.properties.zone === a.properties.id;
      if (shared > NOISE_M2 && !nested) {
        problems.push(
          `parks.geojson ${a.properties.id} and ${b.properties.id}: overlap by ${(shared / 1e6).toFixed(3)} km²`,
        );
      }
    }
  }
  parks.forEach((park, i) => {
    const p = park.properties;
    const zone = p.zone ? shapes[parks.findIndex((q) => q.properties.id === p.zone)] : undefined;
    const shape = shapes[i];
    if (p.kind !== 'linked' || !zone || !shape) return;
    const out = m2(difference(featureCollection([shape, zone])));
    if (out > NOISE_M2)
      problems.push(
        `parks.geojson ${p.id}: ${(out / 1e6).toFixed(3)} km² outside its zone ${p.zone ?? ''}`,
      );
  });

  // Projects.
  const projectsPath = join(dir, 'projects.json');
  if (!existsSync(projectsPath)) return [...problems, 'projects.json: missing'];
  const projectsFile = parse(
    ProjectsFileSchema,
    readJson<unknown>(projectsPath),
    'projects.json',
    problems,
  );
  const projects: Project[] = (projectsFile?.projects ?? []).flatMap(
    (p, i) => parse(ProjectSchema, p, `projects.json projects[${i}]`, problems) ?? [],
  );
  for (const id of duplicates(projects.map((p) => p.id)))
    problems.push(`projects.json: duplicate id ${id}`);
  for (const p of projects) {
    const where = `projects.json ${p.id}`;
    const park = byId.get(p.park);
    if (!park) problems.push(`${where}: unknown park ${p.park}`);
    if (!chainIds.has(p.chain)) problems.push(`${where}: unknown chain ${p.chain}`);
    if (
      p.location &&
      park &&
      !booleanPointInPolygon(p.location, featureOf(park.geometry as Areal, {}))
    ) {
      problems.push(`${where}: location ${p.location.join(',')} is not inside park ${p.park}`);
    }
  }
  return problems;
}
