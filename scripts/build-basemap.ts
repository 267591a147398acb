/**
 * Builds the offline basemap in geo/basemap/ from the checked source data in /work/shared/data/basemap
 * (override with BASEMAP_SRC=dir). Re-runnable and deterministic:
 *
 *   npx tsx scripts/build-basemap.ts
 *
 * Outputs (WGS-84, 5 decimals ≈ 1 m, simplified, validated before writing):
 *   districts.geojson  the six districts of 镇江市 (name_zh, name_en, adcode)
 *   city.geojson       the city outline, dissolved from the simplified districts
 *   water.geojson      the Yangtze and lakes in a box around the city, minus the 扬中市 island
 *   rivers.geojson     GSHHG river and canal lines (incl. the Grand Canal) in the same box
 *   context.geojson    neighbouring cities' outlines (name_zh, name_en)
 *   labels.geojson     district label points, towns, neighbouring cities (name_zh, name_en, kind)
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Feature, LineString, MultiLineString, Point, Position } from 'geojson';
import { bboxClip, difference, featureCollection, intersect, bboxPolygon, union } from '@turf/turf';
import {
  type Areal,
  arealFrom,
  arealProblems,
  douglasPeucker,
  featureOf,
  readCollection,
  roundAreal,
  writeCollection,
} from './lib/geo';
import { polygonsOf } from '../src/geometry/polygons';
import { roundTo } from '../src/geometry/rings';
import { BASEMAP_EXTENT } from '../src/map/basemap';

const SRC = resolve(process.env['BASEMAP_SRC'] ?? '/work/shared/data/basemap');
const OUT = resolve(import.meta.dirname, '..', 'geo', 'basemap');
const DECIMALS = 5;
/** Douglas–Peucker tolerance in degrees (~70 m): the district source was quantised to 1/1024° (~100 m), so finer detail is only its staircase. */
const TOLERANCE = 0.0007;
/** Context outlines are only drawn faintly at small scales, so they can be coarser. */
const CONTEXT_TOLERANCE = 0.001;
/** Water, rivers and context are clipped to the box the map's camera is held in. */
const BOX = BASEMAP_EXTENT;

type Props = Record<string, unknown>;

/** English names of the neighbouring prefecture-level cities (the source files have only Chinese). */
const CONTEXT_EN: Record<string, string> = {
  南京: 'Nanjing',
  扬州: 'Yangzhou',
  泰州: 'Taizhou',
  常州: 'Changzhou',
  无锡: 'Wuxi',
  滁州: 'Chuzhou',
  马鞍山: "Ma'anshan",
};

const keyOf = (p: Position): string => `${p[0]},${p[1]}`;

/**
 * Simplifies polygons that share borders so that every shared border is simplified identically:
 * rings are cut into arcs at vertices where the set of rings sharing them changes, and each arc is
 * simplified in one canonical direction. Independent simplification would open slivers between
 * neighbouring districts.
 */
function simplifySharedBorders(geoms: readonly Areal[], tolerance: number): (Areal | null)[] {
  const membership = new Map<string, Set<number>>();
  let ringId = 0;
  for (const g of geoms) {
    for (const poly of polygonsOf(g)) {
      for (const ring of poly) {
        const id = ringId++;
        for (const p of ring) {
          const k = keyOf(p);
          const s = membership.get(k) ?? new Set<number>();
          s.add(id);
          membership.set(k, s);
        }
      }
    }
  }
  const signature = (p: Position): string =>
    [...(membership.get(keyOf(p)) ?? [])].sort((x, y) => x - y).join('|');

  const simplifyArc = (arc: Position[]): Position[] => {
    const first = arc[0];
    const last = arc[arc.length - 1];
    if (!first || !last) return arc;
    let reverse = keyOf(first) > keyOf(last);
    if (keyOf(first) === keyOf(last)) {
      const second = arc[1];
      const penultimate = arc[arc.length - 2];
      reverse = !!second && !!penultimate && keyOf(second) > keyOf(penultimate);
    }
    if (!reverse) return douglasPeucker(arc, tolerance);
    return douglasPeucker([...arc].reverse(), tolerance).reverse();
  };

  const simplifyRing = (ring: Position[]): Position[] | null => {
    const pts = ring.slice(0, -1);
    const n = pts.length;
    if (n < 3) return null;
    const sig = pts.map(signature);
    let fixed: number[] = [];
    for (let i = 0; i < n; i++) {
      const here = sig[i];
      if (here !== sig[(i - 1 + n) % n] || here !== sig[(i + 1) % n]) fixed.push(i);
    }
    if (fixed.length === 0) {
      // A ring shared whole (or not at all): start at its smallest vertex so twins agree.
      let min = 0;
      pts.forEach((p, i) => {
        const q = pts[min];
        if (q && keyOf(p) < keyOf(q)) min = i;
      });
      fixed = [min];
    }
    const out: Position[] = [];
    for (let f = 0; f < fixed.length; f++) {
      const from = fixed[f] ?? 0;
      const to = fixed[(f + 1) % fixed.length] ?? 0;
      const arc: Position[] = [];
      for (let i = from; ; i = (i + 1) % n) {
        const p = pts[i];
        if (p) arc.push(p);
        if (arc.length > 1 && i === to) break;
      }
      const simplified = simplifyArc(arc);
      out.push(...simplified.slice(0, -1));
    }
    const start = out[0];
    if (!start) return null;
    out.push(start);
    return out.length >= 4 ? out : null;
  };

  return geoms.map((g) => {
    const polys: Position[][][] = [];
    for (const [outer, ...holes] of polygonsOf(g)) {
      const shell = outer ? simplifyRing(outer) : null;
      if (!shell) continue;
      const rings = [shell];
      for (const hole of holes) {
        const s = simplifyRing(hole);
        if (s) rings.push(s);
      }
      polys.push(rings);
    }
    return arealFrom(polys);
  });
}

/**
 * The source has enclaves (a piece of 句容市 inside 丹徒区 and one of 丹徒区 inside 句容市) whose
 * rings touch the main ring at a single vertex. GEOS accepts that; Turf's validity checks (and so
 * the project's validator) do not. Every ring except the largest that passes through such a vertex
 * gets it moved ~2 m towards its own centre. The twin ring in the neighbouring district has the
 * same vertices, hence the same centre, so both move identically and the shared border survives.
 */
function detachPinches(g: Areal): Areal {
  const polys = polygonsOf(g).map((poly) => poly.map((ring) => ring.map((p) => [...p])));
  const rings = polys.flat();
  const owners = new Map<string, Position[][]>();
  for (const ring of rings) {
    for (const k of new Set(ring.map(keyOf))) owners.set(k, [...(owners.get(k) ?? []), ring]);
  }
  const NUDGE = 0.00002;
  for (const [k, rs] of owners) {
    if (rs.length < 2) continue;
    const largest = rs.reduce((a, b) => (b.length > a.length ? b : a));
    for (const ring of rs) {
      if (ring === largest) continue;
      const unique = [...new Map(ring.map((p) => [keyOf(p), p])).values()];
      const cx = unique.reduce((s, p) => s + (p[0] ?? 0), 0) / unique.length;
      const cy = unique.reduce((s, p) => s + (p[1] ?? 0), 0) / unique.length;
      for (const p of ring) {
        if (keyOf(p) !== k) continue;
        const dx = cx - (p[0] ?? 0);
        const dy = cy - (p[1] ?? 0);
        const d = Math.hypot(dx, dy) || 1;
        p[0] = roundTo((p[0] ?? 0) + (dx / d) * NUDGE, 6);
        p[1] = roundTo((p[1] ?? 0) + (dy / d) * NUDGE, 6);
      }
    }
  }
  return arealFrom(polys) ?? g;
}

/** Round, validate and fail loudly: a broken basemap would silently break park placement. */
function finish(name: string, g: Areal | null, decimals = DECIMALS): Areal {
  const rounded = g ? roundAreal(g, decimals) : null;
  if (!rounded) throw new Error(`${name}: geometry vanished`);
  const problems = arealProblems(rounded);
  if (problems.length > 0) throw new Error(`${name}: ${problems.join('; ')}`);
  return rounded;
}

/** Douglas–Peucker each ring of an unshared polygon, then drop rings that collapse. */
function simplifyAlone(g: Areal, tolerance: number): Areal | null {
  const polys: Position[][][] = [];
  for (const [outer, ...holes] of polygonsOf(g)) {
    if (!outer) continue;
    const shell = douglasPeucker(outer, tolerance);
    if (shell.length < 4) continue;
    const rings = [shell];
    for (const h of holes) {
      const s = douglasPeucker(h, tolerance);
      if (s.length >= 4) rings.push(s);
    }
    polys.push(rings);
  }
  return arealFrom(polys);
}

/**
 * Simplify an unshared polygon at the largest tolerance (halving down from `tolerance`) whose
 * rounded result is still valid: Douglas–Peucker can make a narrow inlet cross itself.
 */
function simplifyValid(name: string, g: Areal, tolerance: number): Areal {
  for (let t = tolerance; t > tolerance / 64; t /= 2) {
    const s = simplifyAlone(detachPinches(g), t);
    const rounded = s ? roundAreal(s, DECIMALS) : null;
    if (rounded && arealProblems(rounded).length === 0) return rounded;
  }
  return finish(name, detachPinches(g));
}

function roundLine(coords: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of coords) {
    const q: Position = [roundTo(p[0] ?? 0, DECIMALS), roundTo(p[1] ?? 0, DECIMALS)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const sizes: Record<string, number> = {};

  // Districts: shared borders stay shared after simplification.
  const srcDistricts = readCollection<Areal>(join(SRC, 'zhenjiang_districts.wgs84.geojson'));
  const simplified = simplifySharedBorders(
    srcDistricts.map((f) => detachPinches(f.geometry)),
    TOLERANCE,
  );
  const districts = srcDistricts.map((f, i) => {
    const p = f.properties ?? {};
    return featureOf(finish(`district ${String(p['name'])}`, simplified[i] ?? null), {
      name_zh: String(p['name']),
      name_en: String(p['name_en']),
      adcode: String(p['adcode']),
    });
  });
  sizes['districts.geojson'] = writeCollection(join(OUT, 'districts.geojson'), districts);

  // City outline: dissolved from the simplified districts, so the two always line up.
  const dissolved = union(featureCollection(districts.map((d) => featureOf(d.geometry, {}))));
  const city = featureOf(finish('city', dissolved?.geometry ?? null), {
    name_zh: '镇江市',
    name_en: 'Zhenjiang',
    adcode: '321100',
  });
  sizes['city.geojson'] = writeCollection(join(OUT, 'city.geojson'), [city]);

  // Water: clip to the box; Yangzhong island is land (GSHHG codes it too small), so cut it out.
  const yangzhong = districts.find((d) => d.properties.name_zh === '扬中市');
  if (!yangzhong) throw new Error('扬中市 missing from the districts');
  const box = bboxPolygon(BOX);
  const water: Feature<Areal, Props>[] = [];
  for (const f of readCollection<Areal>(join(SRC, 'water.wgs84.geojson'))) {
    const p = f.properties ?? {};
    const clipped = intersect(featureCollection([featureOf(f.geometry, {}), box]));
    if (!clipped) continue;
    let g: Areal | null = simplifyValid(`water ${String(p['name'])}`, clipped.geometry, TOLERANCE);
    if (p['kind'] === 'river') {
      g =
        difference(featureCollection([featureOf(g, {}), featureOf(yangzhong.geometry, {})]))
          ?.geometry ?? null;
    }
    water.push(
      featureOf(finish(`water ${String(p['name'])}`, g), {
        name_zh: String(p['name']),
        name_en: String(p['name_en']),
        kind: String(p['kind']),
      }),
    );
  }
  sizes['water.geojson'] = writeCollection(join(OUT, 'water.geojson'), water);

  // Rivers and canals: GSHHG WDBII lines, clipped to the box.
  const rivers: Feature<LineString | MultiLineString, Props>[] = [];
  for (const f of readCollection<LineString>(join(SRC, 'rivers_gshhg.wgs84.geojson'))) {
    const p = f.properties ?? {};
    const clipped = bboxClip(f, BOX).geometry;
    const parts =
      clipped.type === 'LineString' ? [clipped.coordinates] : (clipped.coordinates as Position[][]);
    const lines = parts
      .map((part) => roundLine(douglasPeucker(part, TOLERANCE)))
      .filter((part) => part.length >= 2);
    const [only] = lines;
    if (!only) continue;
    const geometry: LineString | MultiLineString =
      lines.length === 1
        ? { type: 'LineString', coordinates: only }
        : { type: 'MultiLineString', coordinates: lines };
    rivers.push(featureOf(geometry, { rclass: String(p['rclass']), level: Number(p['level']) }));
  }
  sizes['rivers.geojson'] = writeCollection(join(OUT, 'rivers.geojson'), rivers);

  // Context: neighbouring cities, clipped to the box (only their near side is ever on screen).
  const context: Feature<Areal, Props>[] = [];
  for (const f of readCollection<Areal>(join(SRC, 'context_cities.wgs84.geojson'))) {
    const nameZh = String(f.properties?.['name']);
    const clipped = intersect(featureCollection([featureOf(f.geometry, {}), box]));
    if (!clipped) continue;
    context.push(
      featureOf(simplifyValid(`context ${nameZh}`, clipped.geometry, CONTEXT_TOLERANCE), {
        name_zh: nameZh,
        name_en: CONTEXT_EN[nameZh] ?? null,
      }),
    );
  }
  sizes['context.geojson'] = writeCollection(join(OUT, 'context.geojson'), context);

  // Labels: only points with a Chinese name from the source; English-only GeoNames points are
  // dropped rather than given invented Chinese names. The GeoNames 镇江 point duplicates the
  // Natural Earth city point and is dropped too.
  const labels: Feature<Point, Props>[] = [];
  for (const f of readCollection<Point>(join(SRC, 'labels.wgs84.geojson'))) {
    const p = f.properties ?? {};
    const zh = typeof p['name'] === 'string' ? p['name'] : null;
    if (!zh) continue;
    const srcKind = String(p['kind']);
    if (srcKind === 'town_in_zhenjiang' && zh === '镇江') continue;
    const kind =
      srcKind === 'district_seat' ? 'district_seat' : srcKind === 'city_ne' ? 'city' : 'town';
    // "三茅(扬中)": the bracket only disambiguates the GeoNames record; it is not part of the name.
    const nameZh = zh.replace(/\(.*\)$/, '');
    const [x, y] = f.geometry.coordinates;
    labels.push(
      featureOf(
        { type: 'Point', coordinates: [roundTo(x ?? 0, DECIMALS), roundTo(y ?? 0, DECIMALS)] },
        {
          name_zh: nameZh,
          name_en: String(p['name_en']),
          kind,
          ...(typeof p['adcode'] === 'string' ? { adcode: p['adcode'] } : {}),
        },
      ),
    );
  }
  sizes['labels.geojson'] = writeCollection(join(OUT, 'labels.geojson'), labels);

  for (const [file, bytes] of Object.entries(sizes)) {
    console.log(`${file.padEnd(18)} ${(bytes / 1024).toFixed(1).padStart(6)} KiB`);
  }
}

main();
