import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Polygon, Position } from 'geojson';
import type {
  BoundaryQuality,
  District,
  ParkKind,
  ParkLevel,
  ProjectStatus,
} from '../src/data/schema';
import { areaKm2 } from '../src/geometry/measure';
import { createRandom } from '../scripts/lib/random';

/**
 * Synthetic park registries for the benchmark: a fixed-seed PRNG makes the same files on every
 * machine, so results from different runs describe the same data. Nothing generated here is
 * committed; `bench/run.ts` writes it into the served build folder at run time.
 *
 * Shape of the data, and why:
 * - Parks sit on a hexagonal grid over the map's first view (lon 118.95–120.0, lat 31.6–32.35,
 *   inside the validator's Zhenjiang box), so every park is drawn at load. On a hex grid the boxes
 *   of diagonal neighbours overlap while their shapes never do, which is what real neighbouring
 *   parks look like to the overlap check: every park has candidate pairs that need a geometric
 *   test, as in real data.
 * - Each shape is a star-shaped blob (radius varies smoothly with angle, plus spikes), 40–400
 *   vertices, log-uniform (median about 126): star-shaped rings with monotone angles never cross
 *   themselves, and a blob stays inside its hex cell, so the registry has no findings.
 * - Kinds, levels, districts and lead chains follow the counts in geo/parks.geojson (8 main zones,
 *   4 elevated parks, 3 linked parks per 15; a main zone has two lead chains in 3 of 8 cases).
 *   Linked parks lie inside their main zone, which exercises the containment check.
 * - About 3 projects per park; one in three has a location inside its park.
 */

/** What to generate. */
export interface GenerateOptions {
  /** Number of parks (main zones, elevated and linked parks together). */
  readonly parks: number;
  /** PRNG seed; the same seed and size always give byte-identical files. */
  readonly seed: number;
}

/** Version of the generator's output: bump it when the data changes, so cached files are remade. */
export const GENERATOR_VERSION = 4;

/** The default seed of every benchmark run. */
export const DEFAULT_SEED = 20_250_607;

/** Box the parks are placed in (west, south, east, north): the app's first view of Zhenjiang. */
export const PARK_BOX = [118.95, 31.6, 120.0, 32.35] as const;

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Picks by weight: `[value, weight]` pairs, weights need not sum to 1. */
function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [value, weight] of table) {
    r -= weight;
    if (r < 0) return value;
  }
  const last = table[table.length - 1];
  if (!last) throw new Error('weighted pick from an empty table');
  return last[0];
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i];
    const b = items[j];
    if (a === undefined || b === undefined) continue;
    items[i] = b;
    items[j] = a;
  }
  return items;
}

/** Knuth's Poisson sampler: fine for the small means used here. */
function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

// Weights read off geo/parks.geojson (15 parks), plus one for every value so all of them occur.
const KIND_SHARE: Readonly<Record<ParkKind, number>> = { main: 8, elevated: 4, linked: 3 };
const LEVELS_BY_KIND: Readonly<Record<ParkKind, readonly (readonly [ParkLevel, number])[]>> = {
  main: [
    ['national', 3],
    ['provincial', 5],
    ['municipal', 1],
  ],
  elevated: [
    ['provincial', 1],
    ['municipal', 2],
    ['county', 1],
  ],
  linked: [
    ['municipal', 1],
    ['county', 2],
  ],
};
const DISTRICT_WEIGHTS: readonly (readonly [District, number])[] = [
  ['镇江新区', 5],
  ['润州区', 3],
  ['丹徒区', 3],
  ['丹阳市', 3],
  ['句容市', 3],
  ['扬中市', 3],
  ['京口区', 2],
];
/** Lead-chain counts in the real registry, plus one. */
const CHAIN_WEIGHTS: ReadonlyMap<string, number> = new Map([
  ['power-equipment', 8],
  ['advanced-materials', 4],
  ['next-gen-it', 4],
  ['nev-parts', 4],
  ['aerospace', 2],
  ['shipbuilding-offshore', 2],
  ['medical-devices', 2],
  ['biopharma', 1],
]);
// The real registry is all schematic; a share of the others keeps every outline layer busy.
const BOUNDARY_WEIGHTS: readonly (readonly [BoundaryQuality, number])[] = [
  ['schematic', 7],
  ['approximate', 2],
  ['official', 1],
];
const STATUS_WEIGHTS: readonly (readonly [ProjectStatus, number])[] = [
  ['operating', 15],
  ['under-construction', 11],
  ['signed', 8],
  ['planned', 6],
];
const PLACES = [
  '丁卯',
  '大港',
  '丁岗',
  '姚桥',
  '谏壁',
  '辛丰',
  '高资',
  '上党',
  '宝堰',
  '世业',
  '新坝',
  '油坊',
  '八桥',
  '西来桥',
  '丹北',
  '界牌',
  '吕城',
  '陵口',
  '访仙',
  '延陵',
  '司徒',
  '导墅',
  '珥陵',
  '皇塘',
  '云阳',
  '下蜀',
  '宝华',
  '华阳',
  '黄梅',
  '茅山',
  '郭庄',
  '白兔',
  '边城',
  '后白',
  '天王',
  '袁巷',
];
const SUFFIX_BY_KIND: Readonly<Record<ParkKind, readonly string[]>> = {
  main: ['经济开发区', '高新技术产业开发区', '经济技术开发区'],
  elevated: ['产业园', '科技园', '工业园'],
  linked: ['园', '产业园', '特色园'],
};

/** The chains of geo/chains.json, which every synthetic registry shares. */
interface ChainRecord {
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly segments: readonly { readonly id: string }[];
}

/** A generated park, as written to parks.geojson. */
interface SyntheticPark {
  readonly type: 'Feature';
  readonly properties: Record<string, unknown> & {
    readonly id: string;
    readonly lead: readonly string[];
  };
  readonly geometry: Polygon;
}

/** Local kilometres ↔ degrees around the box's middle latitude; plenty accurate at city scale. */
const MID_LAT = (PARK_BOX[1] + PARK_BOX[3]) / 2;
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON = 111.32 * Math.cos((MID_LAT * Math.PI) / 180);

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * A closed counterclockwise ring around (lon, lat): radius `maxKm` × f(θ) with f in [0.56, 1],
 * so the shape stays between 0.56 and 1 times `maxKm` from its centre.
 */
function blobRing(random: Random, lon: number, lat: number, maxKm: number): Position[] {
  // Log-uniform 40–400, but no edge shorter than about 2 m: 6-decimal rounding moves a vertex by up
  // to 7 cm, which must not reorder the vertices of the tiny linked parks of a 50k registry.
  const perimeterM = 2 * Math.PI * maxKm * 0.6 * 1000;
  const vertices = Math.max(
    40,
    Math.min(Math.round(40 * 10 ** random()), Math.floor(perimeterM / 2)),
  );
  const k1 = 2 + Math.floor(random() * 3);
  const k2 = 3 + Math.floor(random() * 4);
  const spikes = 5 + Math.floor(random() * 8);
  const [p1, p2, p3] = [random(), random(), random()].map((u) => u * 2 * Math.PI);
  const spiky = random() < 0.5;
  const ring: Position[] = [];
  for (let i = 0; i < vertices; i++) {
    // Jitter stays within a tenth of a step, so angles keep increasing and the ring stays simple.
    const theta = ((i + (random() - 0.5) * 0.2) / vertices) * 2 * Math.PI;
    const f =
      0.78 +
      0.08 * Math.sin(k1 * theta + (p1 ?? 0)) +
      0.06 * Math.sin(k2 * theta + (p2 ?? 0)) +
      (spiky ? 0.06 * Math.sin(spikes * theta + (p3 ?? 0)) : 0.03 * (random() - 0.5) * 2);
    const r = maxKm * f;
    ring.push([
      round6(lon + (r * Math.cos(theta)) / KM_PER_DEG_LON),
      round6(lat + (r * Math.sin(theta)) / KM_PER_DEG_LAT),
    ]);
  }
  const first = ring[0];
  if (first) ring.push([first[0] ?? 0, first[1] ?? 0]);
  return ring;
}

/** Hex cell centres, in km from the box's south-west corner, for at least `count` cells. */
function hexCentres(count: number): Array<readonly [number, number]> {
  const widthKm = (PARK_BOX[2] - PARK_BOX[0]) * KM_PER_DEG_LON;
  const heightKm = (PARK_BOX[3] - PARK_BOX[1]) * KM_PER_DEG_LAT;
  let spacing = Math.sqrt((widthKm * heightKm) / (count * (Math.sqrt(3) / 2)));
  for (;;) {
    const rowStep = (spacing * Math.sqrt(3)) / 2;
    const columns = Math.floor((widthKm - spacing) / spacing) + 1;
    const rows = Math.floor((heightKm - spacing) / rowStep) + 1;
    if (columns * rows >= count) {
      const centres: Array<readonly [number, number]> = [];
      for (let row = 0; row < rows; row++) {
        for (let column = 0; column < columns; column++) {
          const x = spacing / 2 + column * spacing + (row % 2 === 1 ? spacing / 2 : 0);
          if (x + spacing / 2 > widthKm) continue;
          centres.push([x, spacing / 2 + row * rowStep]);
        }
      }
      if (centres.length >= count) return centres;
    }
    spacing *= 0.99;
  }
}

/** Hex spacing of the centres (distance between neighbours), in km. */
function spacingOf(centres: ReadonlyArray<readonly [number, number]>): number {
  const [a, b] = centres;
  return a && b ? Math.hypot(b[0] - a[0], b[1] - a[1]) : 1;
}

function industriesFor(random: Random, lead: readonly string[], chains: readonly ChainRecord[]) {
  const ids = new Set(lead);
  while (ids.size < 1 + Math.floor(random() * 4)) ids.add(pick(random, chains).id);
  return [...ids].map((id) => {
    const chain = chains.find((candidate) => candidate.id === id);
    return { zh: chain?.name.zh ?? id, en: chain?.name.en ?? id };
  });
}

function sourcesFor(random: Random, id: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    title: `合成数据来源 ${i + 1}（${id}）`,
    url: `https://example.org/zhenjiang/${id}/${i + 1}`,
    ...(random() < 0.5 ? { date: `20${18 + Math.floor(random() * 8)}-0${1 + (i % 9)}` } : {}),
    ...(random() < 0.5 ? { publisher: '镇江日报' } : {}),
  }));
}

/** The four registry files of one synthetic registry. */
export interface SyntheticRegistry {
  readonly chains: unknown;
  readonly parks: { readonly type: 'FeatureCollection'; readonly features: SyntheticPark[] };
  readonly projects: { readonly as_of: string; readonly projects: unknown[] };
  readonly firms: { readonly as_of: string; readonly firms: unknown[] };
}

/** The chains file of the shipped registry, which synthetic registries reuse unchanged. */
export function shippedChainsFile(): { as_of: string; chains: ChainRecord[] } {
  const path = resolve(import.meta.dirname, '../geo/chains.json');
  return JSON.parse(readFileSync(path, 'utf8')) as { as_of: string; chains: ChainRecord[] };
}

/** Generates a registry of `options.parks` parks; deterministic in the options. */
export function generateRegistry(options: GenerateOptions): SyntheticRegistry {
  const random = createRandom(options.seed ^ options.parks);
  const chainsFile = shippedChainsFile();
  const chains = chainsFile.chains;
  const chainTable = chains.map((chain) => [chain, CHAIN_WEIGHTS.get(chain.id) ?? 1] as const);
  const leadChain = (): string => weighted(random, chainTable).id;
  const segmentsOf = new Map(chains.map((chain) => [chain.id, chain.segments]));
  /** A segment of the chain four times in five, as in the shipped projects; else none. */
  const segmentOf = (chain: string): string | null => {
    const segments = segmentsOf.get(chain) ?? [];
    return segments.length > 0 && random() < 0.8 ? pick(random, segments).id : null;
  };

  const total = options.parks;
  const shareSum = KIND_SHARE.main + KIND_SHARE.elevated + KIND_SHARE.linked;
  const linkedCount = Math.round((total * KIND_SHARE.linked) / shareSum);
  const mainCount = Math.max(1, Math.round((total * KIND_SHARE.main) / shareSum));
  const elevatedCount = Math.max(0, total - mainCount - linkedCount);
  const groups = mainCount + elevatedCount;

  const centres = shuffle(random, hexCentres(groups)).slice(0, groups);
  // A blob's outer radius stays under half the spacing, so neighbouring shapes never meet.
  const maxKm = spacingOf(hexCentres(groups)) * 0.49;
  const toLonLat = ([x, y]: readonly [number, number]): [number, number] => [
    PARK_BOX[0] + x / KM_PER_DEG_LON,
    PARK_BOX[1] + y / KM_PER_DEG_LAT,
  ];

  const features: SyntheticPark[] = [];
  const centreOf = new Map<string, readonly [number, number]>();
  const radiusOf = new Map<string, number>();
  let serial = 0;
  const nextId = (): string => `syn-${String(serial++).padStart(6, '0')}`;

  const makePark = (
    kind: ParkKind,
    centre: readonly [number, number],
    radiusKm: number,
    zone: string | null,
    district: District,
  ): SyntheticPark => {
    const id = nextId();
    const ring = blobRing(random, centre[0], centre[1], radiusKm);
    const geometry: Polygon = { type: 'Polygon', coordinates: [ring] };
    const lead = [leadChain()];
    if (kind === 'main' && random() < 3 / 8) {
      const second = leadChain();
      if (second !== lead[0]) lead.push(second);
    }
    const boundary = weighted(random, BOUNDARY_WEIGHTS);
    const hasArea = random() < 0.3;
    // A schematic shape must match its reported area within 5%: report the drawn area, ±2%.
    const area = hasArea
      ? Math.round(areaKm2(geometry) * (0.98 + random() * 0.04) * 1e4) / 1e4
      : null;
    const place = pick(random, PLACES);
    const industry = pick(random, chains);
    const n = serial;
    centreOf.set(id, centre);
    radiusOf.set(id, radiusKm);
    return {
      type: 'Feature',
      properties: {
        id,
        name: {
          zh: `${place}${industry.name.zh}${pick(random, SUFFIX_BY_KIND[kind])}（${n}）`,
          ...(random() < 0.9 ? { en: `${industry.name.en} Park ${n}` } : {}),
        },
        kind,
        kind_basis: random() < 0.8 ? 'inferred' : 'official',
        zone,
        level: weighted(random, LEVELS_BY_KIND[kind]),
        district,
        lead,
        lead_basis: random() < 0.8 ? 'inferred' : 'reported',
        aliases: [],
        industries: industriesFor(random, lead, chains),
        area_km2: area,
        area_basis: area === null ? null : pick(random, ['administrative', 'planned', 'core']),
        area_year: area !== null && random() < 0.5 ? 2015 + Math.floor(random() * 10) : null,
        established:
          random() < 0.7
            ? `${1990 + Math.floor(random() * 34)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`
            : null,
        boundary,
        boundary_note: {
          zh: '合成边界：为性能测试生成的示意形状，不代表任何真实四至。',
          en: 'Synthetic boundary: a schematic shape generated for the benchmark, not a real boundary.',
        },
        confidence: weighted(random, [
          ['H', 7],
          ['M', 3],
          ['L', 5],
        ]),
        ...(random() < 0.3
          ? {
              note: {
                zh: '合成园区，仅用于性能测试。产业与项目为随机生成，与真实园区无关。',
                en: 'A synthetic park for the benchmark. Industries and projects are random and describe no real park.',
              },
            }
          : {}),
        sources: sourcesFor(random, id, 1 + Math.floor(random() * 3)),
        as_of: '2025-06',
      },
      geometry,
    };
  };

  const mains: SyntheticPark[] = [];
  const linkedSlots: number[] = [];
  centres.forEach((centre, i) => {
    const lonLat = toLonLat(centre);
    const district = weighted(random, DISTRICT_WEIGHTS);
    if (i < mainCount) {
      const park = makePark('main', lonLat, maxKm, null, district);
      mains.push(park);
      features.push(park);
      linkedSlots.push(0);
    } else {
      features.push(makePark('elevated', lonLat, maxKm, null, district));
    }
  });

  // Linked parks: up to three per main zone, each a small blob on a ring inside the zone's
  // smallest radius (0.56 × max), at evenly spread angles so that they never touch each other.
  const linkedAngles = [0, (2 * Math.PI) / 3, (4 * Math.PI) / 3];
  for (let placed = 0; placed < linkedCount; placed++) {
    let index = Math.floor(random() * mains.length);
    while ((linkedSlots[index] ?? 3) >= 3) index = (index + 1) % mains.length;
    const zone = mains[index];
    const slot = linkedSlots[index] ?? 0;
    linkedSlots[index] = slot + 1;
    if (!zone) continue;
    const id = zone.properties.id;
    const [lon, lat] = toLonLat(centres[index] ?? [0, 0]);
    const angle = (linkedAngles[slot] ?? 0) + 0.4;
    const distanceKm = maxKm * 0.38;
    const centre: [number, number] = [
      lon + (distanceKm * Math.cos(angle)) / KM_PER_DEG_LON,
      lat + (distanceKm * Math.sin(angle)) / KM_PER_DEG_LAT,
    ];
    features.push(
      makePark('linked', centre, maxKm * 0.16, id, zone.properties['district'] as District),
    );
  }
  shuffle(random, features);

  // Projects: a Poisson(3) number per park, in the park's lead chain four times in five.
  const projects: unknown[] = [];
  let projectSerial = 0;
  for (const park of features) {
    const count = Math.min(8, poisson(random, 3));
    const centre = centreOf.get(park.properties.id) ?? [0, 0];
    const radius = radiusOf.get(park.properties.id) ?? 0;
    for (let k = 0; k < count; k++) {
      const id = `syn-project-${String(projectSerial++).padStart(7, '0')}`;
      const chain = random() < 0.8 ? (park.properties.lead[0] ?? leadChain()) : leadChain();
      // Within 0.15 × radius of the centre: inside the park, clear of its linked parks.
      const angle = random() * 2 * Math.PI;
      const distanceKm = random() * radius * 0.15;
      const located = random() < 1 / 3;
      const segment = segmentOf(chain);
      projects.push({
        id,
        name: {
          zh: `合成项目 ${projectSerial}`,
          ...(random() < 0.8 ? { en: `Synthetic project ${projectSerial}` } : {}),
        },
        park: park.properties.id,
        park_basis: random() < 0.7 ? 'reported' : 'inferred',
        chain,
        chain_basis: random() < 0.6 ? 'inferred' : 'reported',
        segment,
        segment_basis: segment === null ? null : random() < 0.5 ? 'inferred' : 'reported',
        status: weighted(random, STATUS_WEIGHTS),
        year: random() < 0.8 ? 2016 + Math.floor(random() * 10) : null,
        investment_cny_100m: random() < 0.6 ? Math.round(random() * 1500) / 10 : null,
        ...(located
          ? {
              location: [
                round6(centre[0] + (distanceKm * Math.cos(angle)) / KM_PER_DEG_LON),
                round6(centre[1] + (distanceKm * Math.sin(angle)) / KM_PER_DEG_LAT),
              ],
            }
          : {}),
        confidence: pick(random, ['H', 'M', 'L']),
        sources: sourcesFor(random, id, 1 + Math.floor(random() * 2)),
      });
    }
  }

  // Key firms: one park in five has one, in its first lead chain, as a key firm.
  const firms: unknown[] = [];
  for (const park of features) {
    if (random() >= 0.2) continue;
    const chain = park.properties.lead[0] ?? leadChain();
    const segment = segmentOf(chain);
    const id = `syn-firm-${String(firms.length).padStart(6, '0')}`;
    firms.push({
      id,
      name: { zh: `合成企业 ${firms.length + 1}` },
      park: park.properties.id,
      chain,
      segments: segment === null ? [] : [segment],
      role: 'key-firm',
      sources: sourcesFor(random, id, 1),
    });
  }

  return {
    chains: chainsFile,
    parks: { type: 'FeatureCollection', features },
    projects: { as_of: '2025-06', projects },
    firms: { as_of: '2025-06', firms },
  };
}

/** Sizes and counts of a written registry, for the report. */
export interface WrittenRegistry {
  readonly dir: string;
  readonly parks: number;
  readonly projects: number;
  readonly vertices: number;
  readonly bytes: { readonly parks: number; readonly projects: number; readonly chains: number };
  /** Number of parks each chain leads, to pick the chain whose toggle moves the most parks. */
  readonly parksByChain: Readonly<Record<string, number>>;
}

/** How many parks each chain leads. */
export function countLeads(leads: ReadonlyArray<readonly string[]>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const lead of leads) for (const id of lead) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

/** Writes a JSON array one item at a time: a 50k-park file is too big for one string. */
async function writeCollection(
  path: string,
  head: string,
  items: readonly unknown[],
  tail: string,
): Promise<number> {
  const stream = createWriteStream(path);
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure = error;
  });
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    if (failure) throw failure;
    bytes += Buffer.byteLength(text);
    if (!stream.write(text)) await new Promise<void>((done) => stream.once('drain', done));
  };
  await write(head);
  let chunk: string[] = [];
  for (let i = 0; i < items.length; i++) {
    chunk.push(JSON.stringify(items[i]));
    if (chunk.length === 500 || i === items.length - 1) {
      await write((i + 1 > chunk.length ? ',\n' : '\n') + chunk.join(',\n'));
      chunk = [];
    }
  }
  await write(`\n${tail}`);
  await new Promise<void>((done, fail) =>
    stream.end((error?: Error | null) => (error ? fail(error) : done())),
  );
  return bytes;
}

/**
 * Generates a registry into `dir` (chains.json, parks.geojson, projects.json, firms.json) unless the same
 * generator version, seed and size were written there before.
 */
export async function writeRegistry(
  dir: string,
  options: GenerateOptions,
): Promise<WrittenRegistry> {
  const stampPath = join(dir, 'bench-stamp.json');
  const stamp = JSON.stringify({ version: GENERATOR_VERSION, ...options });
  if (existsSync(stampPath)) {
    const cached = JSON.parse(readFileSync(stampPath, 'utf8')) as {
      stamp: string;
      written: WrittenRegistry;
    };
    if (cached.stamp === stamp) return { ...cached.written, dir };
  }
  mkdirSync(dir, { recursive: true });
  const registry = generateRegistry(options);
  const chainsText = `${JSON.stringify(registry.chains, null, 2)}\n`;
  writeFileSync(join(dir, 'chains.json'), chainsText);
  const parksBytes = await writeCollection(
    join(dir, 'parks.geojson'),
    '{"type":"FeatureCollection","features":[',
    registry.parks.features,
    ']}\n',
  );
  const projectsBytes = await writeCollection(
    join(dir, 'projects.json'),
    `{"as_of":${JSON.stringify(registry.projects.as_of)},"projects":[`,
    registry.projects.projects,
    ']}\n',
  );
  await writeCollection(
    join(dir, 'firms.json'),
    `{"as_of":${JSON.stringify(registry.firms.as_of)},"firms":[`,
    registry.firms.firms,
    ']}\n',
  );
  const written: WrittenRegistry = {
    dir,
    parks: registry.parks.features.length,
    projects: registry.projects.projects.length,
    vertices: registry.parks.features.reduce(
      (sum, park) => sum + park.geometry.coordinates.reduce((n, ring) => n + ring.length, 0),
      0,
    ),
    parksByChain: countLeads(registry.parks.features.map((park) => park.properties.lead)),
    bytes: {
      parks: parksBytes,
      projects: projectsBytes,
      chains: Buffer.byteLength(chainsText),
    },
  };
  writeFileSync(stampPath, JSON.stringify({ stamp, written }));
  return written;
}

// `tsx bench/generate.ts PARKS DIR`: writes one registry, for looking at the data by hand.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const parks = Number(process.argv[2] ?? 1000);
  const dir = resolve(process.argv[3] ?? `bench-data-${parks}`);
  const written = await writeRegistry(dir, { parks, seed: DEFAULT_SEED });
  console.log(JSON.stringify(written, null, 2));
}
