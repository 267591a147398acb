/**
 * Draws geo/ as a static SVG for eyeballing the data without the app: context cities, districts,
 * water, rivers, parks filled by their first lead chain (ids as labels) and located projects.
 *
 *   npx tsx scripts/preview-geo.ts [--out /tmp/geo-preview.svg] [--bbox minLon,minLat,maxLon,maxLat]
 *   chromium --headless --no-sandbox --disable-gpu --screenshot=/tmp/geo-preview.png \
 *     --window-size=1400,1000 file:///tmp/geo-preview.svg
 *
 * Equirectangular with the x axis shrunk by cos(latitude): true enough in shape for a city.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Feature, Geometry, Point, Position } from 'geojson';
import { bbox, centroid, pointOnFeature } from '@turf/turf';
import { polygonsOf } from '../src/geometry/polygons';
import { type Areal, readCollection, readJson } from './lib/geo';

const GEO = resolve(import.meta.dirname, '..', 'geo');
const WIDTH = 1400;
const DISTRICT_TINTS = ['#fdf6e3', '#eef6ee', '#f6eef6', '#eef2fa', '#fbf1e8', '#f1f1e6'];
const HEIGHT = 1000;

interface ChainLike {
  id: string;
  color: string;
}
interface ProjectLike {
  id: string;
  location?: [number, number];
}

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '/tmp/geo-preview.svg' },
    bbox: { type: 'string' },
  },
});

const districts = readCollection<Areal>(join(GEO, 'basemap', 'districts.geojson'));
const view: number[] = values.bbox
  ? values.bbox.split(',').map(Number)
  : (() => {
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = bbox({
        type: 'FeatureCollection',
        features: districts,
      });
      const mx = (x1 - x0) * 0.04;
      const my = (y1 - y0) * 0.04;
      return [x0 - mx, y0 - my, x1 + mx, y1 + my];
    })();
const [minLon = 0, minLat = 0, maxLon = 0, maxLat = 0] = view;
const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
const scale = Math.min(WIDTH / ((maxLon - minLon) * kx), HEIGHT / (maxLat - minLat));
const offX = (WIDTH - (maxLon - minLon) * kx * scale) / 2;
const offY = (HEIGHT - (maxLat - minLat) * scale) / 2;

const px = (p: Position): string =>
  `${(offX + ((p[0] ?? 0) - minLon) * kx * scale).toFixed(1)},${(offY + (maxLat - (p[1] ?? 0)) * scale).toFixed(1)}`;

/** An SVG path for any (multi)polygon or (multi)line geometry; even-odd fill keeps holes open. */
function pathOf(g: Geometry): string {
  switch (g.type) {
    case 'Polygon':
    case 'MultiPolygon':
      return polygonsOf(g)
        .flat()
        .map((ring) => `M${ring.map(px).join('L')}Z`)
        .join('');
    case 'LineString':
      return `M${g.coordinates.map(px).join('L')}`;
    case 'MultiLineString':
      return g.coordinates.map((l) => `M${l.map(px).join('L')}`).join('');
    default:
      return '';
  }
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const layer = (features: readonly Feature[], style: string): string =>
  features.map((f) => `<path d="${pathOf(f.geometry)}" ${style}/>`).join('\n');
const label = (p: Position, text: string, style: string): string => {
  const [x, y] = px(p).split(',');
  return `<text x="${x}" y="${y}" ${style}>${esc(text)}</text>`;
};

const parts: string[] = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif">`,
  `<rect width="${WIDTH}" height="${HEIGHT}" fill="#f4f1ea"/>`,
  layer(
    readCollection<Areal>(join(GEO, 'basemap', 'context.geojson')),
    'fill="#e6e3dc" stroke="#bbb" stroke-width="0.6"',
  ),
  // Pale, distinct district tints so that park-in-district placement can be checked by eye.
  districts
    .map(
      (f, i) =>
        `<path d="${pathOf(f.geometry)}" fill="${DISTRICT_TINTS[i % DISTRICT_TINTS.length] ?? '#fff'}" stroke="#777" stroke-width="1.2"/>`,
    )
    .join('\n'),
  layer(
    readCollection<Areal>(join(GEO, 'basemap', 'water.geojson')),
    'fill="#b7d3ea" fill-rule="evenodd" stroke="#7ea9cc" stroke-width="0.5"',
  ),
  layer(
    readCollection<Geometry>(join(GEO, 'basemap', 'rivers.geojson')),
    'fill="none" stroke="#7ea9cc" stroke-width="0.8"',
  ),
];

const parksPath = join(GEO, 'parks.geojson');
if (existsSync(parksPath)) {
  const chains = existsSync(join(GEO, 'chains.json'))
    ? readJson<{ chains: ChainLike[] }>(join(GEO, 'chains.json')).chains
    : [];
  const colour = new Map(chains.map((c) => [c.id, c.color]));
  const parks = readCollection<Areal>(parksPath);
  // Zones first, so their linked parks are drawn on top.
  const ordered = [...parks].sort(
    (a, b) =>
      Number(a.properties?.['kind'] === 'linked') - Number(b.properties?.['kind'] === 'linked'),
  );
  for (const f of ordered) {
    const lead = f.properties?.['lead'];
    const first = Array.isArray(lead) && typeof lead[0] === 'string' ? lead[0] : '';
    const fill = colour.get(first) ?? '#999999';
    parts.push(
      `<path d="${pathOf(f.geometry)}" fill="${fill}" fill-opacity="0.45" fill-rule="evenodd" stroke="${fill}" stroke-width="1.4"/>`,
    );
  }
  for (const f of parks) {
    const at = (f.properties?.['kind'] === 'linked' ? pointOnFeature(f) : centroid(f)).geometry
      .coordinates;
    parts.push(
      label(
        at,
        String(f.properties?.['id']),
        'font-size="13" font-weight="bold" text-anchor="middle" fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke"',
      ),
    );
  }
}

const projectsPath = join(GEO, 'projects.json');
if (existsSync(projectsPath)) {
  for (const p of readJson<{ projects: ProjectLike[] }>(projectsPath).projects) {
    if (!p.location) continue;
    const [x, y] = px(p.location).split(',');
    parts.push(`<circle cx="${x}" cy="${y}" r="4" fill="#000" stroke="#fff" stroke-width="1.5"/>`);
    parts.push(label([p.location[0] + 0.002, p.location[1]], p.id, 'font-size="11" fill="#000"'));
  }
}

for (const f of readCollection<Point>(join(GEO, 'basemap', 'labels.geojson'))) {
  const kind = String(f.properties?.['kind']);
  const size = kind === 'city' ? 15 : kind === 'district_seat' ? 14 : 11;
  const style = `font-size="${size}" fill="${kind === 'town' ? '#666' : '#444'}" font-style="${kind === 'town' ? 'italic' : 'normal'}"`;
  parts.push(
    label(
      f.geometry.coordinates,
      `${String(f.properties?.['name_zh'])} ${String(f.properties?.['name_en'])}`,
      style,
    ),
  );
}
parts.push(
  label(
    [minLon + (maxLon - minLon) * 0.01, minLat + (maxLat - minLat) * 0.015],
    `view ${view.map((v) => v.toFixed(3)).join(', ')}`,
    'font-size="11" fill="#666"',
  ),
  '</svg>',
);

writeFileSync(values.out, parts.join('\n'));
console.log(`wrote ${values.out}`);
