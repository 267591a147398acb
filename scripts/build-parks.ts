/**
 * Builds geo/parks.geojson from park-facts.ts (properties) and park-sites.ts (where and how big
 * each schematic boundary is drawn), then checks all of geo/ (chains, parks, projects) with the
 * project's validator (scripts/validate.ts) and the build's stricter extras (lib/check-geo.ts). Deterministic; needs geo/basemap/ (build-basemap.ts).
 *
 *   npx tsx scripts/build-basemap.ts   # once, or when the basemap source changes
 *   npx tsx scripts/build-parks.ts
 *
 * Each shape is an organic ellipse at the site's centre, clipped to its district on land (minus a
 * 100 m margin) or, for a linked park, to its zone, minus every park drawn before it (plus a
 * 100 m gap), keeping the piece that holds the anchor. Its size is found by bisection so that the
 * geodesic area (@turf/area) equals the target to within 0.1 %.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Feature, Polygon, Position } from 'geojson';
import {
  area,
  bboxPolygon,
  booleanPointInPolygon,
  buffer,
  difference,
  featureCollection,
  intersect,
  union,
} from '@turf/turf';
import * as v from 'valibot';
import { ParkPropertiesSchema, type ParkProperties } from '../src/data/schema';
import {
  type Areal,
  arealProblems,
  douglasPeucker,
  featureOf,
  readCollection,
  rewindAreal,
  roundAreal,
  writeCollection,
} from './lib/geo';
import { polygonsOf } from '../src/geometry/polygons';
import { formatFinding } from '../src/data/findings';
import { checkGeo } from './lib/check-geo';
import { createRandom } from './lib/random';
import { summaryLine, validateDirectory } from './validate';
import { PARK_FACTS } from './park-facts';
import { PARK_SITES, type ParkSite } from './park-sites';

const GEO = resolve(import.meta.dirname, '..', 'geo');
const AS_OF = '2026-11-27';
/** Margin kept inside district borders and zones, km: survives rounding and simplification. */
const INSET_KM = 0.1;
/** Gap left between unrelated parks, km: shapes never share an edge, so never "touch". */
const GAP_KM = 0.1;
const VERTICES = 96;
/**
 * Douglas–Peucker tolerance for the drawn shapes, degrees (~8 m): clipping to the district and the
 * closing buffer leave far denser vertices than a schematic boundary needs.
 */
const TIDY_TOLERANCE = 0.00008;

/** A seeded generator (mulberry32) per park id, so that every park's wobble is stable across runs. */
function prng(seedText: string): () => number {
  let seed = 0;
  for (const ch of seedText) seed = (Math.imul(seed, 31) + (ch.codePointAt(0) ?? 0)) | 0;
  return createRandom(seed);
}

/**
 * An organic (super)ellipse: semi-major axis `a` km, the site's aspect, rotation and roundness, its radius modulated
 * by a few low harmonics (phases seeded by the park id) so that shapes do not look machine-made
 * yet stay star-shaped, hence never self-intersecting.
 */
function organicShape(site: ParkSite, a: number): Feature<Polygon> {
  const rand = prng(site.id);
  const harmonics = [2, 3, 5].map((k, i) => ({
    k,
    amp: [0.07, 0.05, 0.03][i] ?? 0,
    phase: rand() * 2 * Math.PI,
  }));
  const [lon0, lat0] = site.centre;
  const b = a / site.aspect;
  const rot = (site.rotation * Math.PI) / 180;
  const n = site.roundness ?? 2;
  const kmPerDegLon = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  const kmPerDegLat = 110.57;
  const ring: Position[] = [];
  for (let i = 0; i < VERTICES; i++) {
    const th = (2 * Math.PI * i) / VERTICES;
    const r = 1 + harmonics.reduce((sum, h) => sum + h.amp * Math.sin(h.k * th + h.phase), 0);
    const c = Math.cos(th);
    const s = Math.sin(th);
    // Superellipse |x/a|^n + |y/b|^n = 1 in its parametric form; n = 2 is the plain ellipse.
    const e = 2 / n;
    const x = a * r * Math.sign(c) * Math.abs(c) ** e;
    const y = b * r * Math.sign(s) * Math.abs(s) ** e;
    const xr = x * Math.cos(rot) - y * Math.sin(rot);
    const yr = x * Math.sin(rot) + y * Math.cos(rot);
    ring.push([lon0 + xr / kmPerDegLon, lat0 + yr / kmPerDegLat]);
  }
  const first = ring[0];
  if (first) ring.push([...first]);
  return featureOf({ type: 'Polygon', coordinates: [ring] }, {});
}

const km2 = (f: Feature<Areal> | Areal): number => area(f) / 1e6;

function clip(a: Feature<Areal>, b: Feature<Areal>): Feature<Areal> | null {
  return intersect(featureCollection([a, b]));
}

function cut(a: Feature<Areal>, b: Feature<Areal>): Feature<Areal> | null {
  return difference(featureCollection([a, b]));
}

/** Thin out a polygon's vertices, unless that would make it invalid. */
function tidy(p: Feature<Polygon>): Feature<Polygon> {
  const rings = p.geometry.coordinates
    .map((r) => douglasPeucker(r, TIDY_TOLERANCE))
    .filter((r) => r.length >= 4);
  if (rings.length !== p.geometry.coordinates.length) return p;
  const thinner = featureOf<Polygon, Record<string, never>>(
    { type: 'Polygon', coordinates: rings },
    {},
  );
  return arealProblems(rewindAreal(thinner.geometry)).length === 0 ? thinner : p;
}

/** The polygon of a (multi)polygon that contains `p`, or null. */
function pieceAt(f: Feature<Areal>, p: readonly [number, number]): Feature<Polygon> | null {
  for (const poly of polygonsOf(f.geometry)) {
    const piece = featureOf<Polygon, Record<string, never>>(
      { type: 'Polygon', coordinates: poly },
      {},
    );
    if (booleanPointInPolygon([p[0], p[1]], piece)) return piece;
  }
  return null;
}

/** Grow the site's shape inside `allowed` until its area is `target` km² (bisection on size). */
function fit(site: ParkSite, allowed: Feature<Areal>): Feature<Polygon> {
  const anchor = site.anchor ?? site.centre;
  const shapeAt = (a: number): Feature<Polygon> | null => {
    const c = clip(organicShape(site, a), allowed);
    const piece = c ? pieceAt(c, anchor) : null;
    return piece ? tidy(piece) : null;
  };
  const areaAt = (a: number): number => {
    const s = shapeAt(a);
    return s ? km2(s) : 0;
  };
  const target = site.areaKm2;
  let lo = 0.05;
  let hi = Math.sqrt((target * site.aspect) / Math.PI);
  while (areaAt(hi) < target) {
    lo = hi;
    hi *= 1.5;
    if (hi > 100) throw new Error(`${site.id}: cannot fit ${target} km² in the space allowed`);
  }
  for (let i = 0; i < 60 && hi - lo > 1e-7; i++) {
    const mid = (lo + hi) / 2;
    const got = areaAt(mid);
    if (Math.abs(got - target) / target < 0.0005) return shapeAt(mid) ?? die(site.id);
    if (got < target) lo = mid;
    else hi = mid;
  }
  return shapeAt((lo + hi) / 2) ?? die(site.id);
}

/**
 * A zone bigger than the land of its first district: all of that land (the piece holding the
 * anchor) plus an organic shape grown from `site.overflow.centre` in the rest of `allowed`.
 */
function fitWithOverflow(
  site: ParkSite,
  allowed: Feature<Areal>,
  first: Feature<Areal>,
): Feature<Polygon> {
  const overflow = site.overflow;
  if (!overflow) return fit(site, allowed);
  const inFirst = clip(allowed, first);
  const core = inFirst ? pieceAt(inFirst, site.anchor ?? site.centre) : null;
  if (!core) return die(site.id);
  const rest = site.areaKm2 - km2(core);
  if (rest <= 0)
    throw new Error(`${site.id}: the first district alone holds the area; drop overflow`);
  const outside = cut(allowed, first);
  if (!outside) throw new Error(`${site.id}: no room outside the first district`);
  // The district border zigzags, so pockets of the other district can be left enclosed by the
  // zone: fill them (they are allowed land) and take their area off the grown part.
  let target = rest;
  for (let attempt = 0; attempt < 4; attempt++) {
    const extra = fit(
      {
        ...site,
        centre: overflow.centre,
        anchor: overflow.centre,
        areaKm2: target,
        aspect: overflow.aspect,
        rotation: overflow.rotation,
        roundness: 2,
      },
      outside,
    );
    const merged = union(featureCollection<Areal>([core, extra]));
    const piece = merged ? pieceAt(merged, site.anchor ?? site.centre) : null;
    if (!merged || !piece || polygonsOf(merged.geometry).length !== 1) {
      throw new Error(`${site.id}: the overflow does not join the rest of the zone`);
    }
    // Where the two parts meet, the ring can pinch (touch itself at a vertex): a 20 m
    // morphological closing (grow, then shrink) removes pinches and hairline pockets.
    const grown = buffer(piece, 0.02, { units: 'kilometers' });
    const closed = grown ? buffer(grown, -0.02, { units: 'kilometers' }) : undefined;
    const closedPiece = closed ? pieceAt(closed, site.anchor ?? site.centre) : null;
    const [shell] = closedPiece?.geometry.coordinates ?? [];
    if (!shell) return die(site.id);
    const filled = tidy(
      featureOf<Polygon, Record<string, never>>({ type: 'Polygon', coordinates: [shell] }, {}),
    );
    const excess = km2(filled) - site.areaKm2;
    if (Math.abs(excess) / site.areaKm2 < 0.0005) {
      console.log(
        `${site.id}: ${fmtArea(km2(core))} km² in the first district, ${fmtArea(km2(filled) - km2(core))} km² beyond`,
      );
      return filled;
    }
    target -= excess;
  }
  throw new Error(`${site.id}: could not match the area with the overflow`);
}

function die(id: string): never {
  throw new Error(`${id}: the anchor is not in the allowed space`);
}

function fmtArea(x: number): string {
  return String(Number(x.toFixed(2)));
}

/** The boundary note: what was drawn, how big and where, and what it is not. */
function boundaryNote(site: ParkSite): ParkProperties['boundary_note'] {
  const size = fmtArea(site.areaKm2);
  const zh = site.nominal
    ? `示意边界：未查到面积，按名义面积 ${size} km² 绘制于${site.where.zh}，非官方四至。`
    : `示意边界：按报道面积 ${size} km² 绘制于${site.where.zh}，非官方四至。`;
  const en = site.nominal
    ? `Schematic: no area reported; drawn at a nominal ${size} km² ${site.where.en}; not the official boundary.`
    : `Schematic: area-true to the reported ${size} km², drawn ${site.where.en}; not the official boundary.`;
  return {
    zh: site.extra ? `${zh}${site.extra.zh}` : zh,
    en: site.extra ? `${en} ${site.extra.en}` : en,
  };
}

/** Features of an existing parks.geojson whose boundary is not schematic, by id. */
function keptBoundaries(path: string): Map<string, Feature<Areal, ParkProperties>> {
  const kept = new Map<string, Feature<Areal, ParkProperties>>();
  if (!existsSync(path)) return kept;
  for (const f of readCollection<Areal>(path)) {
    const p = f.properties as Partial<ParkProperties> | null;
    if (!p?.id || !p.boundary || p.boundary === 'schematic') continue;
    kept.set(p.id, f as Feature<Areal, ParkProperties>);
  }
  return kept;
}

async function main(): Promise<void> {
  const districts = readCollection<Areal>(join(GEO, 'basemap', 'districts.geojson'));
  const water = readCollection<Areal>(join(GEO, 'basemap', 'water.geojson'));
  const allWater = union(featureCollection(water.map((w) => featureOf(w.geometry, {}))));
  if (!allWater) throw new Error('no water in the basemap');

  // District ∩ land, less a margin: computed once per district set.
  const landCache = new Map<string, Feature<Areal>>();
  const landOf = (names: readonly string[]): Feature<Areal> => {
    const key = names.join('+');
    const hit = landCache.get(key);
    if (hit) return hit;
    const parts = districts.filter((d) => names.includes(String(d.properties?.['name_zh'])));
    if (parts.length !== names.length) throw new Error(`unknown district in ${key}`);
    const merged = parts.length === 1 && parts[0] ? parts[0] : union(featureCollection(parts));
    if (!merged) throw new Error(`empty district ${key}`);
    const land = cut(featureOf(merged.geometry, {}), allWater);
    const inset = land ? buffer(land, -INSET_KM, { units: 'kilometers' }) : undefined;
    if (!inset) throw new Error(`no land left in ${key}`);
    landCache.set(key, inset);
    return inset;
  };

  const districtOf = (name: string | undefined): Feature<Areal> => {
    const d = districts.find((f) => f.properties?.['name_zh'] === name);
    if (!d) throw new Error(`unknown district ${String(name)}`);
    return featureOf(d.geometry, {});
  };

  const facts = new Map(PARK_FACTS.map((f) => [f.id, f]));
  const drawn = new Map<string, Feature<Areal>>();
  const features: Feature<Areal, ParkProperties>[] = [];
  const validated = (properties: ParkProperties): ParkProperties => {
    const parsed = v.safeParse(ParkPropertiesSchema, properties);
    if (parsed.success) return properties;
    const issues = parsed.issues.map((i) => `${v.getDotPath(i) ?? ''} ${i.message}`).join('; ');
    throw new Error(`${properties.id}: ${issues}`);
  };

  // Official or approximate boundaries already in parks.geojson are never redrawn: they are
  // placed first, and the schematic shapes are fitted around (or, for a zone's parks, inside) them.
  const kept = keptBoundaries(join(GEO, 'parks.geojson'));
  for (const [id, keep] of kept) {
    const fact = facts.get(id);
    if (!fact)
      throw new Error(
        `${id}: in parks.geojson with a ${keep.properties.boundary} boundary but not in park-facts.ts`,
      );
    console.log(`${id}: keeping its ${keep.properties.boundary} boundary`);
    drawn.set(id, featureOf(keep.geometry, {}));
    const { boundary, boundary_note } = keep.properties;
    features.push(
      featureOf(keep.geometry, validated({ ...fact, boundary, boundary_note, as_of: AS_OF })),
    );
  }

  for (const site of PARK_SITES) {
    if (kept.has(site.id)) continue;
    const fact = facts.get(site.id);
    if (!fact) throw new Error(`${site.id}: in park-sites.ts but not in park-facts.ts`);
    if (!site.nominal && fact.area_km2 !== site.areaKm2) {
      throw new Error(`${site.id}: site area ${site.areaKm2} ≠ reported ${String(fact.area_km2)}`);
    }
    if (site.nominal && fact.area_km2 !== null)
      throw new Error(`${site.id}: has a reported area; not nominal`);

    let allowed: Feature<Areal> | null;
    if (fact.kind === 'linked') {
      const zone = fact.zone ? drawn.get(fact.zone) : undefined;
      if (!zone) throw new Error(`${site.id}: its zone ${String(fact.zone)} must be drawn first`);
      allowed = buffer(zone, -INSET_KM, { units: 'kilometers' }) ?? null;
    } else {
      allowed = landOf(site.districts);
    }
    if (allowed && site.clipBox) allowed = clip(allowed, bboxPolygon([...site.clipBox]));
    const ownParks: Feature<Areal>[] = [];
    for (const [otherId, other] of drawn) {
      if (!allowed || otherId === fact.zone) continue;
      // A zone keeps room for its own parks that were placed before it (kept boundaries).
      if (facts.get(otherId)?.zone === site.id) {
        ownParks.push(other);
        continue;
      }
      const grown = buffer(other, GAP_KM, { units: 'kilometers' });
      if (grown) allowed = cut(allowed, grown);
    }
    if (!allowed) throw new Error(`${site.id}: no space left`);

    let shape: Feature<Areal> = site.overflow
      ? fitWithOverflow(site, allowed, districtOf(site.districts[0]))
      : fit(site, allowed);
    if (ownParks.length > 0) {
      shape = union(featureCollection<Areal>([shape, ...ownParks])) ?? shape;
    }
    const rounded = roundAreal(shape.geometry, 6);
    if (!rounded) throw new Error(`${site.id}: vanished when rounded`);
    const geometry = rewindAreal(rounded);
    drawn.set(site.id, featureOf(geometry, {}));
    const properties = validated({
      ...fact,
      boundary: 'schematic',
      boundary_note: boundaryNote(site),
      as_of: AS_OF,
    });
    features.push(featureOf(geometry, properties));
  }
  const missing = PARK_FACTS.filter((f) => !drawn.has(f.id)).map((f) => f.id);
  if (missing.length > 0) throw new Error(`no site or kept boundary for: ${missing.join(', ')}`);

  // Stable output order: the facts file's order (zones before their parks), not drawing order.
  const order = new Map(PARK_FACTS.map((f, i) => [f.id, i]));
  features.sort((a, b) => (order.get(a.properties.id) ?? 0) - (order.get(b.properties.id) ?? 0));
  const bytes = writeCollection(join(GEO, 'parks.geojson'), features);

  for (const f of features) {
    const p = f.properties;
    const reported = p.area_km2 === null ? '—' : fmtArea(p.area_km2);
    console.log(
      `${p.id.padEnd(13)} ${p.kind.padEnd(8)} ${p.lead.join('+').padEnd(34)} reported ${reported.padStart(6)}  drawn ${km2(f).toFixed(2).padStart(7)} km²  ${p.boundary}`,
    );
  }
  console.log(`parks.geojson ${(bytes / 1024).toFixed(1)} KiB`);

  // The project's validator first (the rules the app holds the data to), then the build's extras.
  const checked = await validateDirectory(GEO);
  for (const finding of checked.findings) console.error(`✗ ${formatFinding(finding)}`);
  const problems = checkGeo(GEO, checked.registry);
  for (const p of problems) console.error(`✗ ${p}`);
  if (checked.findings.length > 0 || problems.length > 0) process.exit(1);
  console.log(`checks: clean (${summaryLine(checked)})`);
}

await main();
