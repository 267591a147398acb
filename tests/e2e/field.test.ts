import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedParks } from './geo';
import { openPage, useSuite, waitForMapReady } from './harness';
import { decodeQr, projectsWithLocation } from './qr';

const suite = useSuite();

const parks = shippedParks();
const PHONE = { width: 375, height: 740 };
const gt = parks.find((park) => park.id === 'gt')!;

/** The embedded basemap's background colour: what the canvas shows where it has no data. */
const BACKGROUND = [0xee, 0xf0, 0xf2];

interface MapProbe {
  parkAt(x: number, y: number): string | null;
  toScreen(lng: number, lat: number): { x: number; y: number };
  camera(): { moving: boolean };
}

/** A phone: touch, a phone-sized viewport, reduced motion; page errors collected. */
async function openPhone(
  hash: string,
  viewport = PHONE,
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await suite.browser.newContext({
    viewport,
    hasTouch: true,
    isMobile: true,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${suite.server.url}${hash}`);
  return { page, context, errors };
}

/** Waits until the map has drawn and stopped moving. */
async function settled(page: Page): Promise<void> {
  await waitForMapReady(page);
  await page.waitForFunction(() => {
    const probe = (window as unknown as { __zpeMap?: MapProbe }).__zpeMap;
    return probe !== undefined && !probe.camera().moving;
  });
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/** Points (10 px grid, canvas pixels) where the map's hit test finds `id` on top. */
function pointsOnPark(page: Page, id: string): Promise<{ x: number; y: number }[]> {
  return page.evaluate((id) => {
    const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
    const probe = (window as unknown as { __zpeMap: MapProbe }).__zpeMap;
    const hits: { x: number; y: number }[] = [];
    for (let y = 5; y < canvas.clientHeight; y += 10)
      for (let x = 5; x < canvas.clientWidth; x += 10)
        if (probe.parkAt(x, y) === id) hits.push({ x, y });
    return hits;
  }, id);
}

/** The canvas's box on the page. */
async function canvasBox(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('.map canvas').boundingBox();
  if (!box) throw new Error('the map canvas is not on screen');
  return box;
}

/**
 * The canvas colours along its four edges, every `step` CSS pixels, read from the drawing buffer
 * (the map keeps it for "export as image").
 */
function edgePixels(page: Page, step = 6): Promise<{ x: number; y: number; rgb: number[] }[]> {
  return page.evaluate((step) => {
    const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    const scale = canvas.width / canvas.clientWidth;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const points: { x: number; y: number }[] = [];
    for (let x = 1; x < width - 1; x += step) points.push({ x, y: 1 }, { x, y: height - 2 });
    for (let y = 1; y < height - 1; y += step) points.push({ x: 1, y }, { x: width - 2, y });
    return points.map(({ x, y }) => ({
      x,
      y,
      rgb: [...context.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data].slice(
        0,
        3,
      ),
    }));
  }, step);
}

describe('a park on a phone: the bottom sheet', () => {
  it('a link to a park shows its detail as a sheet over the map, fitted above it', async () => {
    const { page, context, errors } = await openPhone('#park=gt');
    const detail = page.getByRole('region', { name: gt.name.zh, exact: true });
    await detail.waitFor();
    await settled(page);
    const sheet = (await page.locator('.bottom-sheet').boundingBox())!;
    // Over the map's lower part, the map visible above it.
    expect(sheet.y + sheet.height).toBeCloseTo(PHONE.height, 0);
    expect(sheet.y).toBeGreaterThan(PHONE.height * 0.4);
    expect(await page.locator('#side-panel').isVisible()).toBe(false);
    // The park is drawn, whole, in the part of the map the sheet leaves free.
    const canvas = await canvasBox(page);
    const hits = await pointsOnPark(page, 'gt');
    expect(hits.length).toBeGreaterThan(20);
    const lowest = Math.max(...hits.map((hit) => canvas.y + hit.y));
    expect(lowest).toBeLessThan(sheet.y);
    // The focus is on the park's name, inside the sheet.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('park-detail-title');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('closes by its button and by Escape; the focus goes back where it was', async () => {
    const { page, context } = await openPhone('#park=gt&lang=en');
    const name = gt.name.en!;
    await page.getByRole('region', { name, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Close the details' }).click();
    await page.getByRole('region', { name, exact: true }).waitFor({ state: 'detached' });
    expect(page.url()).not.toContain('park=');
    // Opened from a link, nothing had the focus: the drawer's toggle leads back to the list.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('drawer-toggle');

    await page.goBack();
    await page.getByRole('region', { name, exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name, exact: true }).waitFor({ state: 'detached' });
    await context.close();
  });

  it('a tap on a park on the map opens its sheet', async () => {
    const { page, context, errors } = await openPhone('#map=12/32.15/119.47');
    await settled(page);
    const canvas = await canvasBox(page);
    const hit = await page.evaluate(() => {
      const map = document.querySelector('.map canvas') as HTMLCanvasElement;
      const probe = (window as unknown as { __zpeMap: MapProbe }).__zpeMap;
      for (let y = 100; y < map.clientHeight - 100; y += 20)
        for (let x = 40; x < map.clientWidth - 40; x += 20) {
          const id = probe.parkAt(x, y);
          if (id) return { x, y, id };
        }
      return null;
    });
    expect(hit).not.toBeNull();
    await page.touchscreen.tap(canvas.x + hit!.x, canvas.y + hit!.y);
    const park = parks.find((candidate) => candidate.id === hit!.id)!;
    await page.getByRole('region', { name: park.name.zh, exact: true }).waitFor();
    expect(await page.locator('.bottom-sheet').isVisible()).toBe(true);
    expect(page.url()).toContain(`park=${park.id}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a tap on a project point opens its park’s sheet with the project marked', async () => {
    const located = projectsWithLocation();
    const project = located[0]!;
    const park = parks.find((candidate) => candidate.id === project.park)!;
    const [lng, lat] = project.location;
    // Projects reported at one spot share a point (phases of one site): the tap may take any.
    const here = located
      .filter((other) => other.location[0] === lng && other.location[1] === lat)
      .map((other) => other.id);
    const { page, context } = await openPhone(`#map=14/${lat}/${lng}`);
    await settled(page);
    const canvas = await canvasBox(page);
    const point = await page.evaluate(
      ([lng, lat]) => (window as unknown as { __zpeMap: MapProbe }).__zpeMap.toScreen(lng, lat),
      [lng, lat] as const,
    );
    await page.touchscreen.tap(canvas.x + point.x, canvas.y + point.y);
    const detail = page.getByRole('region', { name: park.name.zh, exact: true });
    await detail.waitFor();
    const chosen = /[#&]project=([^&]+)/.exec(page.url())?.[1];
    expect(here).toContain(chosen);
    const row = detail.locator(`.project[data-project-id="${chosen}"]`);
    await expect(row.getAttribute('aria-current')).resolves.toBe('true');
    // Scrolled into the part of the sheet on screen.
    const sheet = (await page.locator('.bottom-sheet').boundingBox())!;
    const rowBox = (await row.boundingBox())!;
    expect(rowBox.y).toBeGreaterThanOrEqual(sheet.y);
    expect(rowBox.y).toBeLessThan(sheet.y + sheet.height);
    await context.close();
  });

  it('search and the list in the drawer open the sheet and close the drawer', async () => {
    const { page, context } = await openPhone('');
    await settled(page);
    await page.getByRole('button', { name: '列表与筛选' }).click();
    await page.locator('#side-panel').waitFor({ state: 'visible' });
    await page.getByRole('combobox').fill(gt.name.zh);
    await page.getByRole('option', { name: `${gt.name.zh}，园区`, exact: true }).click();
    await page.getByRole('region', { name: gt.name.zh, exact: true }).waitFor();
    await page.locator('#side-panel').waitFor({ state: 'hidden' });

    // Browsing stays in the drawer: it shows the list, and a park from it opens in the sheet.
    await page.getByRole('button', { name: '列表与筛选' }).click();
    await page.locator('#side-panel').waitFor({ state: 'visible' });
    const other = parks.find((park) => park.id !== 'gt')!;
    await page.getByRole('button', { name: other.name.zh, exact: true }).click();
    await page.getByRole('region', { name: other.name.zh, exact: true }).waitFor();
    await page.locator('#side-panel').waitFor({ state: 'hidden' });
    await context.close();
  });
});

describe('tall phone screens', () => {
  for (const [label, hash] of [
    ['the start view', ''],
    ['a link zoomed out as far as the map allows', '#map=6/32.0/119.5'],
    ['a link at the edge of the region', '#map=9/32.9/120.4'],
  ] as const) {
    it(`never show blank bands where the basemap has no land: ${label}`, async () => {
      for (const viewport of [
        { width: 360, height: 800 },
        { width: 412, height: 915 },
      ]) {
        const { page, context } = await openPage(suite.browser, `${suite.server.url}${hash}`, {
          viewport,
        });
        await settled(page);
        const edge = await edgePixels(page);
        const blank = edge.filter(({ rgb }) =>
          rgb.every((value, channel) => Math.abs(value - BACKGROUND[channel]!) <= 3),
        );
        // A band is hundreds of samples (before the fix: 40 % of the edge). Single points may
        // fall in the slivers that simplification leaves between shore and land (geo/README).
        expect(
          blank.length,
          `${viewport.width}×${viewport.height}: ${JSON.stringify(blank)}`,
        ).toBeLessThanOrEqual(Math.floor(edge.length / 100));
        await context.close();
      }
    });
  }
});

describe('the import dialog', () => {
  it('is no wider than the side panel and leaves the legend in view', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    await page.getByRole('button', { name: '导入官方边界' }).click();
    const dialog = page.getByRole('dialog', { name: '导入官方边界' });
    await dialog.waitFor();
    const box = (await dialog.boundingBox())!;
    const panel = (await page.locator('#side-panel').boundingBox())!;
    const legend = (await page.locator('.legend').boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(panel.width);
    expect(box.x + box.width).toBeLessThanOrEqual(legend.x);
    // What is at the legend's centre is the legend, not the dialog.
    const onTop = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('.legend') !== null,
      { x: legend.x + legend.width / 2, y: legend.y + legend.height / 2 },
    );
    expect(onTop).toBe(true);
    await context.close();
  });
});

describe('search options', () => {
  it('are named name first, then kind, with a pause between', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await page.getByRole('combobox').fill(gt.name.zh);
    await page.getByRole('option', { name: `${gt.name.zh}，园区`, exact: true }).waitFor();
    const project = projectsWithLocation()[0]!;
    const park = parks.find((candidate) => candidate.id === project.park)!;
    await page.getByRole('combobox').fill(project.name.zh);
    await page
      .getByRole('option', { name: `${project.name.zh}，项目，${park.name.zh}`, exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('combobox').fill('Guantang');
    await page.getByRole('option', { name: `${gt.name.en!}, park`, exact: true }).waitFor();
    await context.close();
  });
});

describe('QR codes of the current link', () => {
  it('the share menu shows one, and it follows the link', async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}#park=gt`);
    await waitForMapReady(page);
    await page.getByRole('button', { name: '二维码' }).click();
    const code = page.getByRole('img', { name: '当前链接的二维码' });
    await code.waitFor();
    expect(await decodeQr(page, await code.screenshot())).toBe(page.url());
    // Another park: the link changes, and so does the code.
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.getByRole('button', { name: parks[0]!.name.zh, exact: true }).click();
    await expect
      .poll(async () => (await decodeQr(page, await code.screenshot())) === page.url(), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(page.url()).toContain(`park=${parks[0]!.id}`);
    expect(errors.messages).toEqual([]);
    await context.close();
  });

  it('the print view carries one in the map’s corner', async () => {
    const { page, context } = await openPage(suite.browser, `${suite.server.url}#park=gt`);
    await waitForMapReady(page);
    await page.waitForFunction(() => document.querySelector('.print-qr svg') !== null, undefined, {
      timeout: 15_000,
    });
    expect(await page.locator('.print-qr').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('.print-qr');
    await printed.waitFor({ state: 'visible' });
    expect(await decodeQr(page, await printed.locator('svg').screenshot())).toBe(page.url());
    expect(await printed.textContent()).toContain(page.url());
    // The paper carries the map and the facts, not the app's controls.
    expect(await page.getByRole('button', { name: '导入官方边界' }).isVisible()).toBe(false);
    await context.close();
  });

  it('the PNG export carries one', async () => {
    const { page, context } = await openPage(suite.browser, `${suite.server.url}#park=gt`);
    await waitForMapReady(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出地图图片（PNG）' }).click(),
    ]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(await decodeQr(page, readFileSync(path))).toBe(page.url());
    await context.close();
  });
});
