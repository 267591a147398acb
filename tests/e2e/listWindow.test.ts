import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  listedParkIds,
  openPage,
  serveDist,
  waitForMapReady,
  type StaticServer,
} from './harness';
import { createTiledSite, type TiledSite } from './tiledSite';

/**
 * The park list's window (#16) in Chromium, on a generated 1,000-park registry cut to tiles: a
 * park opened from search far down the list, then closed, comes back as its page of the list with
 * the focus on its row, not as every row above it. The list's order is read from the page itself
 * (a page per "list more"), so the test holds the window to the list the user would page through.
 */

const PARKS = 1000;

let site: TiledSite | undefined;
let server: StaticServer;
let browser: Browser;
let names = new Map<string, string>();
let districts = new Map<string, string>();

beforeAll(async () => {
  site = await createTiledSite('zpe-e2e-list-window-', PARKS);
  const dir = site.dir;
  const features = (
    JSON.parse(readFileSync(join(dir, 'parks.geojson'), 'utf8')) as {
      features: { properties: { id: string; name: { zh: string }; district: string } }[];
    }
  ).features;
  names = new Map(features.map((f) => [f.properties.id, f.properties.name.zh]));
  districts = new Map(features.map((f) => [f.properties.id, f.properties.district]));
  server = await serveDist(site.root);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

const APP = (): string => `${server.url}?data=reg/index.json`;

/** The list's count line ("列出第 501–600 个，共 1,000 个"), without its buttons. */
const countLine = (page: Page): Promise<string> =>
  page.locator('.list-window').evaluate((line) => (line.firstChild?.textContent ?? '').trim());

/** The id of the park row that has the focus, if a park row has it. */
const focusedParkId = (page: Page): Promise<string | null> =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.parkId ?? null);

describe('the park list window on a tiled registry', () => {
  it('closing a park opened from search 550 rows down shows its page, focused on its row', async () => {
    const { page, context, errors } = await openPage(browser, APP());
    await waitForMapReady(page);
    // The whole order as a user pages through it: six pages, one "list more" at a time.
    for (let pages = 1; pages < 6; pages++) {
      await page.getByRole('button', { name: '列出后面 100 个' }).click();
      await expect.poll(() => listedParkIds(page)).toHaveLength((pages + 1) * 100);
    }
    const order = await listedParkIds(page);
    const target = order[550]!;

    // A fresh page: the list at its first page, the park opened from search.
    await page.reload();
    await waitForMapReady(page);
    expect(await listedParkIds(page)).toEqual(order.slice(0, 100));
    await page.getByRole('combobox').fill(names.get(target)!);
    await page.locator(`[role="option"][data-result-id="${target}"]`).click();
    await page.getByRole('region', { name: names.get(target)!, exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#park-list').waitFor();

    await expect.poll(() => focusedParkId(page)).toBe(target);
    expect(await listedParkIds(page)).toEqual(order.slice(500, 600));
    expect(await countLine(page)).toBe('列出第 501–600 个，共 1,000 个');
    // The row is on screen: inside the side panel's box and the window, where focus scrolled it.
    const row = page.locator(`.park-button[data-park-id="${target}"]`);
    const onScreen = await row.evaluate((button) => {
      const box = button.getBoundingClientRect();
      const panel = document.querySelector('#side-panel')!.getBoundingClientRect();
      return (
        box.height > 0 &&
        box.top >= Math.max(0, panel.top) &&
        box.bottom <= Math.min(window.innerHeight, panel.bottom)
      );
    });
    expect(onScreen).toBe(true);
    await expect.poll(() => row.evaluate((button) => button.matches(':focus-visible'))).toBe(true);

    // The page above, by keyboard: the focus stays on the button, the rows come in below it.
    const earlier = page.getByRole('button', { name: '列出前面 100 个' });
    await earlier.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => listedParkIds(page)).toEqual(order.slice(400, 600));
    expect(await countLine(page)).toBe('列出第 401–600 个，共 1,000 个');
    expect(await earlier.evaluate((button) => button === document.activeElement)).toBe(true);

    // A filter change starts the list again at the top: one district off, that of the first row.
    const district = districts.get(order[0]!)!;
    const kept = [...districts.values()].filter((d) => d !== district).length;
    const expected = order.filter((id) => districts.get(id) !== district).slice(0, 100);
    expect(expected).toHaveLength(100);
    await page.locator('details.facets > summary').click();
    await page.getByRole('checkbox', { name: district, exact: true }).uncheck();
    await expect.poll(() => listedParkIds(page)).toEqual(expected);
    const total = new Intl.NumberFormat('en').format(kept);
    expect(await countLine(page)).toBe(`列出第 1–100 个，共 ${total} 个`);

    // English says the same.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect.poll(() => countLine(page)).toBe(`Showing 1–100 of ${total}`);
    expect(errors.messages).toEqual([]);
    await context.close();
  });
});
