import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentTexts } from './chainCounts';
import {
  launchBrowser,
  openPage,
  renderedParkIds,
  serveDist,
  waitForMapReady,
  type StaticServer,
} from './harness';
import { createTiledSite, type TiledSite } from './tiledSite';

/**
 * The app on a tiled registry (#16) in Chromium: a generated 1,000-park registry is cut with
 * `npm run tiles` here, served beside the built app, and opened with `?data=reg/index.json`. What
 * the page shows is checked against the generated files, read here independently of the app's
 * code: the parks draw from the archive, and list, filter, map, search, detail, chain view and
 * exports agree with the files.
 */

const PARKS = 1000;

interface SourceRecord {
  title: string;
  url?: string;
}
interface ParkRecord {
  properties: {
    id: string;
    name: { zh: string };
    kind: string;
    lead: string[];
    district: string;
    sources: SourceRecord[];
  };
  geometry: unknown;
}
interface ProjectRecord {
  id: string;
  name: { zh: string };
  park: string | null;
  chain: string;
  segment: string | null;
  sources: SourceRecord[];
}
interface FirmRecord {
  park: string | null;
  chain: string;
  segments: string[];
}
interface ChainRecord {
  id: string;
  name: { zh: string };
  segments: { id: string; name: { zh: string } }[];
}
interface IndexRecord {
  validated: { at: string };
  parks: { id: string; bbox: number[]; area_km2_computed: number }[];
  projects: { id: string; park: string | null }[];
}

let site: TiledSite | undefined;
let root = '';
let server: StaticServer;
let browser: Browser;
let parks: ParkRecord[] = [];
let projects: ProjectRecord[] = [];
let firms: FirmRecord[] = [];
let chains: ChainRecord[] = [];
let index: IndexRecord;
let indexText = '';

beforeAll(async () => {
  site = await createTiledSite('zpe-e2e-tiles-', PARKS);
  root = site.root;
  const dir = site.dir;
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
  parks = read<{ features: ParkRecord[] }>('parks.geojson').features;
  projects = read<{ projects: ProjectRecord[] }>('projects.json').projects;
  firms = read<{ firms: FirmRecord[] }>('firms.json').firms;
  chains = read<{ chains: ChainRecord[] }>('chains.json').chains;
  index = read<IndexRecord>('index.json');
  indexText = readFileSync(join(dir, 'index.json'), 'utf8');
  server = await serveDist(root);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

const APP = (): string => `${server.url}?data=reg/index.json`;
const SETTLE = { timeout: 30_000, interval: 250 };
const sorted = (ids: Iterable<string>): string[] => [...ids].sort();

/** A sources cell of the CSV exports, as the files' sources give it: "title <url>; …". */
const sourcesCell = (sources: readonly SourceRecord[]): string =>
  sources.map((s) => (s.url === undefined ? s.title : `${s.title} <${s.url}>`)).join('; ');

/** RFC 4180 rows of a CSV export (after its byte-order mark): quoted cells may hold commas. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if (quoted && c === '"' && body.charAt(i + 1) === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\r')) {
      cell += c;
    } else {
      row.push(cell);
      cell = '';
      if (c === '\r') {
        rows.push(row);
        row = [];
        i++; // the LF of CRLF
      }
    }
  }
  return rows;
}

/** The count the list's heading shows, "(visible/all)". */
const listCount = (page: Page): Promise<string> =>
  page.locator('#park-list-heading .muted').innerText();

/** What the map has drawn once the camera is still: polled by callers until it settles. */
async function settledRendered(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const probe = (window as unknown as { __zpeMap?: { camera(): { moving: boolean } } }).__zpeMap;
    return probe !== undefined && !probe.camera().moving;
  });
  return sorted(await renderedParkIds(page));
}

describe('the app on a tiled registry (?data=DIR/index.json)', () => {
  it('draws every park from the archive, never fetches parks.geojson, and says where the data was validated', async () => {
    const { page, context, errors } = await openPage(browser, 'about:blank');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(APP());
    await waitForMapReady(page);
    await expect
      .poll(() => settledRendered(page), SETTLE)
      .toEqual(sorted(parks.map((p) => p.properties.id)));
    expect(await listCount(page)).toBe(`(${PARKS}/${PARKS})`);
    expect(requested).toContain('/reg/tiles.pmtiles');
    expect(requested).toContain('/reg/index.json');
    expect(
      requested.filter((path) =>
        /^\/reg\/(parks\.geojson|chains\.json|projects\.json|firms\.json)$/.test(path),
      ),
    ).toEqual([]);
    // No park's file is read until a park's detail or an export needs it.
    expect(requested.filter((path) => path.startsWith('/reg/park-records/'))).toEqual([]);
    const note = await page.locator('.validated-note').innerText();
    const [, day, minute] = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(index.validated.at) ?? [];
    expect(note).toContain(`${day} ${minute} UTC`);
    expect(note).toContain('reg/index.json');
    expect(note).toContain('npm run tiles');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect
      .poll(() => page.locator('.validated-note').innerText(), SETTLE)
      .toContain(`Data validated by npm run tiles at ${day} ${minute} UTC (reg/index.json`);
    // The importers are replaced by how a tiled registry is maintained.
    await expect(page.locator('.tiles-command-line').innerText()).resolves.toContain(
      'npm run tiles',
    );
    expect(await page.getByRole('button', { name: '导入官方边界' }).count()).toBe(0);
    expect(errors.messages).toEqual([]);
    await context.close();
  });

  it('the index carries no sources of parks or of projects in parks: those are in the park files', () => {
    const withPark = new Set(projects.filter((p) => p.park !== null).map((p) => p.id));
    expect(index.parks).toHaveLength(PARKS);
    for (const park of index.parks) expect(park, park.id).not.toHaveProperty('sources');
    for (const project of index.projects)
      if (withPark.has(project.id)) expect(project, project.id).not.toHaveProperty('sources');
    // Every park's source title names its park; none of them is in the index.
    for (const park of parks)
      for (const source of park.properties.sources) expect(indexText).not.toContain(source.title);
  });

  it('a filter hides exactly the right parks on the map and in the list, and the exports hold exactly those', async () => {
    // From the link, one chain that leads a few dozen parks (a small export); then one district off.
    const led = new Map<string, number>();
    for (const park of parks)
      for (const id of park.properties.lead) led.set(id, (led.get(id) ?? 0) + 1);
    const chain = [...led.entries()].sort((a, b) => a[1] - b[1]).find(([, n]) => n >= 40)?.[0];
    const inChain = parks.filter((park) => park.properties.lead.includes(chain!));
    const district = inChain[0]!.properties.district;
    const expected = inChain.filter((park) => park.properties.district !== district);
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.length).toBeLessThan(inChain.length);

    const { page, context, errors } = await openPage(browser, `${APP()}#chains=${chain}`);
    await waitForMapReady(page);
    await expect.poll(() => listCount(page), SETTLE).toBe(`(${inChain.length}/${PARKS})`);
    await expect
      .poll(() => settledRendered(page), SETTLE)
      .toEqual(sorted(inChain.map((p) => p.properties.id)));
    await page.locator('details.facets > summary').click();
    await page.getByRole('checkbox', { name: district, exact: true }).uncheck();
    const ids = sorted(expected.map((park) => park.properties.id));
    await expect.poll(() => listCount(page), SETTLE).toBe(`(${expected.length}/${PARKS})`);
    await expect.poll(() => settledRendered(page), SETTLE).toEqual(ids);
    // The statistics' total follows the filter: those parks and the projects in them.
    const shown = new Set(ids);
    await page.locator('details.stats > summary').click();
    const total = page.locator('.stats-table tr', {
      has: page.locator('th', { hasText: /^合计$/ }),
    });
    await expect
      .poll(() => total.locator('td').allInnerTexts(), SETTLE)
      .toEqual([
        String(ids.length),
        expect.any(String),
        String(projects.filter((p) => p.park !== null && shown.has(p.park)).length),
        expect.any(String),
      ]);

    const download = async (name: string): Promise<string> => {
      const [file] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByRole('button', { name, exact: true }).click(),
      ]);
      const path = await file.path();
      return readFileSync(path, 'utf8');
    };
    const geojson = JSON.parse(await download('导出边界（GeoJSON）')) as { features: ParkRecord[] };
    expect(sorted(geojson.features.map((f) => f.properties.id))).toEqual(ids);
    const exact = new Map(parks.map((park) => [park.properties.id, park.geometry]));
    // Each park's own file, not a shape rebuilt from (clipped, simplified) tiles.
    const whole = new Map(parks.map((park) => [park.properties.id, park.properties]));
    for (const feature of geojson.features) {
      expect(feature.geometry).toEqual(exact.get(feature.properties.id));
      // The full record from the park's file, as parks.geojson has it, sources and all.
      expect(feature.properties).toEqual(whole.get(feature.properties.id));
    }
    const [header = [], ...rows] = readCsv(await download('导出园区（CSV）'));
    expect(sorted(rows.map((row) => row[0] ?? ''))).toEqual(ids);
    const sourcesColumn = header.findIndex((cell) => cell.endsWith('(sources)'));
    expect(sourcesColumn).toBeGreaterThan(0);
    for (const row of rows)
      expect(row[sourcesColumn], row[0]).toBe(sourcesCell(whole.get(row[0] ?? '')!.sources));
    // The mapped area is the index's, to the CSV's two decimals.
    const areaColumn = header.findIndex((cell) => cell.endsWith('(computed_area_km2)'));
    expect(areaColumn).toBeGreaterThan(0);
    const areas = new Map(index.parks.map((p) => [p.id, p.area_km2_computed]));
    for (const row of rows)
      expect(Number(row[areaColumn]), row[0]).toBeCloseTo(areas.get(row[0] ?? '') ?? NaN, 2);
    // The projects CSV: those parks' projects, each with its sources from its park's file.
    const [projectHeader = [], ...projectRows] = readCsv(await download('导出项目（CSV）'));
    const inShown = projects.filter((p) => p.park !== null && shown.has(p.park));
    expect(sorted(projectRows.map((row) => row[0] ?? ''))).toEqual(
      sorted(inShown.map((p) => p.id)),
    );
    const projectSources = projectHeader.findIndex((cell) => cell.endsWith('(sources)'));
    const projectById = new Map(projects.map((p) => [p.id, p]));
    for (const row of projectRows)
      expect(row[projectSources], row[0]).toBe(sourcesCell(projectById.get(row[0] ?? '')!.sources));
    expect(errors.messages).toEqual([]);
    await context.close();
  });

  it('search opens a park: its detail shows the index’s area and its projects at once, the sources from its file, and the view fits its box', async () => {
    const byPark = new Map<string, ProjectRecord[]>();
    for (const project of projects)
      if (project.park !== null)
        byPark.set(project.park, [...(byPark.get(project.park) ?? []), project]);
    const park = parks.find(
      (candidate) =>
        candidate.properties.kind === 'linked' &&
        (byPark.get(candidate.properties.id)?.length ?? 0) >= 2,
    )!;
    const entry = index.parks.find((p) => p.id === park.properties.id)!;
    const { page, context, errors } = await openPage(browser, APP());
    const fileRequests: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/reg/park-records/')) fileRequests.push(path);
    });
    await waitForMapReady(page);
    await page.getByRole('combobox').fill(park.properties.name.zh);
    await page.locator(`[role="option"][data-result-id="${park.properties.id}"]`).click();
    const detail = page.getByRole('region', { name: park.properties.name.zh, exact: true });
    await detail.waitFor();
    const names = await detail.locator('.projects .project-name').allTextContents();
    expect(names.sort()).toEqual(
      byPark
        .get(park.properties.id)!
        .map((p) => p.name.zh)
        .sort(),
    );
    const area = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(
      entry.area_km2_computed,
    );
    expect(await detail.innerText()).toContain(`${area} 平方公里`);
    expect(page.url()).toContain(`park=${park.properties.id}`);
    // The full record arrives from the park's own file: its sources, and its projects' sources.
    const sourceList = detail.locator(':scope > ul.sources li');
    await expect
      .poll(() => sourceList.allInnerTexts(), SETTLE)
      .toEqual(park.properties.sources.map((s) => expect.stringContaining(s.title)));
    await expect.poll(() => detail.getByRole('status').count(), SETTLE).toBe(0);
    const first = byPark.get(park.properties.id)![0]!;
    const item = detail.locator(`li.project[data-project-id="${first.id}"]`);
    await item.locator('.project-sources > summary').click();
    expect(await item.locator('.project-sources').innerText()).toContain(first.sources[0]!.title);
    expect(fileRequests).toEqual([`/reg/park-records/${park.properties.id}.geojson`]);
    // Reopened, the park's record is kept: at once, with no second request for its file.
    await detail.locator('.back-button').click();
    await page.getByRole('combobox').fill(park.properties.name.zh);
    await page.locator(`[role="option"][data-result-id="${park.properties.id}"]`).click();
    await detail.waitFor();
    expect(await detail.locator(':scope > ul.sources').innerText()).toContain(
      park.properties.sources[0]!.title,
    );
    expect(await detail.getByRole('status').count()).toBe(0);
    expect(fileRequests).toHaveLength(1);

    // The fit: the box's corners on the canvas, the park drawn and picked where its box is.
    const [west, south, east, north] = entry.bbox as [number, number, number, number];
    const inView = async (): Promise<boolean> => {
      await settledRendered(page);
      return page.evaluate(
        ({ west, south, east, north }) => {
          const probe = (
            window as unknown as {
              __zpeMap: {
                toScreen(lng: number, lat: number): { x: number; y: number };
                camera(): { zoom: number };
              };
            }
          ).__zpeMap;
          const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
          const a = probe.toScreen(west, north);
          const b = probe.toScreen(east, south);
          return (
            a.x >= 0 &&
            a.y >= 0 &&
            b.x <= canvas.clientWidth &&
            b.y <= canvas.clientHeight &&
            probe.camera().zoom > 10
          );
        },
        { west, south, east, north },
      );
    };
    await expect.poll(inView, SETTLE).toBe(true);
    expect(errors.messages).toEqual([]);
    await context.close();
  });

  it('a click on the map opens the smallest visible park there (a linked park inside its zone)', async () => {
    const park = parks.find((candidate) => candidate.properties.kind === 'linked')!;
    const entry = index.parks.find((p) => p.id === park.properties.id)!;
    const [west, south, east, north] = entry.bbox as [number, number, number, number];
    const { page, context, errors } = await openPage(
      browser,
      `${APP()}#map=13/${(south + north) / 2}/${(west + east) / 2}`,
    );
    await waitForMapReady(page);
    // A point of the park as the map draws it, found through the map's own hit test.
    const hit = await page.evaluate(
      ({ id, west, south, east, north }) => {
        const probe = (
          window as unknown as {
            __zpeMap: {
              parkAt(x: number, y: number): string | null;
              toScreen(lng: number, lat: number): { x: number; y: number };
            };
          }
        ).__zpeMap;
        const a = probe.toScreen(west, north);
        const b = probe.toScreen(east, south);
        for (let y = a.y; y <= b.y; y += 4)
          for (let x = a.x; x <= b.x; x += 4) if (probe.parkAt(x, y) === id) return { x, y };
        return null;
      },
      { id: park.properties.id, west, south, east, north },
    );
    expect(hit).not.toBeNull();
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.click(box.x + hit!.x, box.y + hit!.y);
    await page.getByRole('region', { name: park.properties.name.zh, exact: true }).waitFor();
    expect(errors.messages).toEqual([]);
    await context.close();
  });

  it('the chain view counts each segment’s projects, parks and firms as the files have them', async () => {
    const chain = chains.find((c) => projects.some((p) => p.chain === c.id && p.segment !== null))!;
    const { page, context, errors } = await openPage(browser, `${APP()}#chain=${chain.id}`);
    await waitForMapReady(page);
    await page.locator('.chain-view').waitFor();
    const texts = await segmentTexts(page);
    expect(Object.keys(texts)).toEqual(chain.segments.map((s) => s.id));
    for (const segment of chain.segments) {
      const inSegment = projects.filter((p) => p.chain === chain.id && p.segment === segment.id);
      const firmsIn = firms.filter((f) => f.chain === chain.id && f.segments.includes(segment.id));
      const hosts = new Set(
        [...inSegment, ...firmsIn].flatMap((r) => (r.park === null ? [] : [r.park])),
      );
      expect(texts[segment.id]?.slice(0, 3), segment.id).toEqual([
        `${inSegment.length} 个项目`,
        `${hosts.size} 个园区`,
        `${firmsIn.length} 家重点企业`,
      ]);
    }
    expect(errors.messages).toEqual([]);
    await context.close();
  });

  it('a park file from another cut is refused in the detail, naming the file, and a retry reads it again', async () => {
    const park = parks[1]!;
    const path = `/reg/park-records/${park.properties.id}.geojson`;
    const file = JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
    server.overrides.set(path, {
      status: 200,
      body: JSON.stringify({ ...file, validated_at: '2020-01-01T00:00:00.000Z' }),
    });
    const { page, context, errors } = await openPage(
      browser,
      `${APP()}#park=${park.properties.id}`,
    );
    const detail = page.getByRole('region', { name: park.properties.name.zh, exact: true });
    const alert = detail.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(
      `reg/park-records/${park.properties.id}.geojson is from the cut of 2020-01-01T00:00:00.000Z, but reg/index.json is from the cut of ${index.validated.at}`,
    );
    // The summary stays; the sources come once the right file is served and the user retries.
    expect(await detail.locator('.facts').innerText()).toContain('平方公里');
    server.overrides.delete(path);
    await alert.getByRole('button', { name: '重试' }).click();
    await expect
      .poll(() => detail.locator(':scope > ul.sources').innerText(), SETTLE)
      .toContain(park.properties.sources[0]!.title);
    expect(await detail.getByRole('alert').count()).toBe(0);
    expect(errors.messages).toEqual([]);
    await context.close();
  });

  it('refuses an index of another format with a message naming the file, not a blank page', async () => {
    const old = JSON.parse(readFileSync(join(root, 'reg', 'index.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    server.overrides.set('/reg/old/index.json', {
      status: 200,
      body: JSON.stringify({ ...old, format: 'zpe-tiles-index/2' }),
    });
    const { page, context } = await openPage(browser, `${server.url}?data=reg/old/index.json`);
    const fatal = page.getByRole('alert');
    await fatal.waitFor();
    expect(await fatal.innerText()).toContain(
      'reg/old/index.json has format "zpe-tiles-index/2", but this app reads "zpe-tiles-index/4"; cut the tiles again with npm run tiles',
    );
    server.overrides.delete('/reg/old/index.json');
    await context.close();
  });
});
