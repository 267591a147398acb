import { afterEach, describe, expect, it } from 'vitest';
import { shippedParks } from './geo';
import { openPage, renderedParkIds, useSuite, waitForMapReady } from './harness';

const suite = useSuite();

afterEach(() => suite.server.overrides.clear());

/** A 1×1 PNG: a tile that loads. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Serves a config.json that points the online basemap at `path` on the test suite.server. */
function configureOnlineBasemap(path: string, timeoutMs = 8000): void {
  suite.server.overrides.set('/config.json', {
    status: 200,
    body: JSON.stringify({
      onlineBasemap: {
        name: 'test tiles',
        tiles: [`${suite.server.url}${path}{z}/{x}/{y}.png`],
        attribution: 'test',
        timeoutMs,
      },
    }),
  });
}

const allParks = shippedParks()
  .map((park) => park.id)
  .sort();

describe('online basemap configured by the deployment', () => {
  it('is drawn under the parks when its tiles load', async () => {
    configureOnlineBasemap('tiles-ok/');
    suite.server.overrides.set('/tiles-ok/', { status: 200, body: TILE, contentType: 'image/png' });
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    expect((await renderedParkIds(page)).sort()).toEqual(allParks);
    // MapLibre lists a source's attribution only while the source is on the map.
    await page.waitForFunction(
      () =>
        document.querySelector('.maplibregl-ctrl-attrib')?.textContent?.includes('test') ?? false,
    );
    expect(await page.locator('.basemap-notice').count()).toBe(0);
    await context.close();
  });

  it('falls back to the embedded basemap with a notice when its tiles fail', async () => {
    configureOnlineBasemap('tiles-down/');
    suite.server.overrides.set('/tiles-down/', { status: 503, body: 'down' });
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    await page.locator('.basemap-notice').waitFor();
    expect(await page.locator('.basemap-notice').textContent()).toContain('内置底图');
    expect((await renderedParkIds(page)).sort()).toEqual(allParks);
    await context.close();
  });

  it('falls back when its tiles are too slow', async () => {
    configureOnlineBasemap('tiles-slow/', 1500);
    suite.server.overrides.set('/tiles-slow/', { delayMs: 20_000 });
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    await page.locator('.basemap-notice').waitFor();
    expect(await page.locator('.basemap-notice').textContent()).toContain('test tiles');
    expect((await renderedParkIds(page)).sort()).toEqual(allParks);
    await context.close();
  });
});
