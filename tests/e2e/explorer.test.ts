import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedChains, shippedParks, shippedProjects } from './geo';
import { listedParkIds, openPage, renderedParkIds, useSuite, waitForMapReady } from './harness';

const suite = useSuite();

const parks = shippedParks();
const chains = shippedChains();

/** The RGBA colour the map's canvas shows at a CSS-pixel point. */
function pixelAt(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    ({ x, y }) => {
      const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d')!;
      context.drawImage(canvas, 0, 0);
      const scale = canvas.width / canvas.clientWidth;
      return [...context.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data];
    },
    { x, y },
  );
}

/** A screen point where the map's hit test finds `id` on top, on a 10-pixel grid. */
function pointOnPark(page: Page, id: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((id) => {
    const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
    const probe = (
      window as unknown as { __zpeMap: { parkAt(x: number, y: number): string | null } }
    ).__zpeMap;
    for (let y = 10; y < canvas.clientHeight; y += 10)
      for (let x = 10; x < canvas.clientWidth; x += 10)
        if (probe.parkAt(x, y) === id) return { x, y };
    return null;
  }, id);
}

/** Waits for the map to settle after a change, then reads what it drew. */
async function settledRenderedIds(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const map = document.querySelector('.map');
    return map?.getAttribute('data-map-ready') === 'true';
  });
  // Two animation frames let MapLibre apply a new filter before we query.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  return renderedParkIds(page);
}

describe('the explorer in Chromium with WebGL', () => {
  it('draws every park on the map and lists every park at start', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    const webgl = await page.evaluate(
      () => !!document.createElement('canvas').getContext('webgl2'),
    );
    expect(webgl).toBe(true);
    expect((await settledRenderedIds(page)).sort()).toEqual(parks.map((park) => park.id).sort());
    expect((await listedParkIds(page)).sort()).toEqual(parks.map((park) => park.id).sort());
    expect(errors.messages).toEqual([]);
    await context.close();
  });

  it('unchecking a chain removes exactly the parks none of whose lead chains remain', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    // The chain that leads the most parks makes the strongest test.
    const leadCounts = chains.map((chain) => ({
      chain,
      count: parks.filter((park) => park.lead.includes(chain.id)).length,
    }));
    leadCounts.sort((a, b) => b.count - a.count);
    const target = leadCounts[0]!.chain;
    const expected = parks
      .filter((park) => park.lead.some((chain) => chain !== target.id))
      .map((park) => park.id)
      .sort();
    expect(expected.length).toBeLessThan(parks.length);
    // A point on a park the filter removes, and the colour the map shows there before.
    const removed = parks.find((park) => !expected.includes(park.id))!;
    await settledRenderedIds(page);
    const point = await pointOnPark(page, removed.id);
    expect(point).not.toBeNull();
    const before = await pixelAt(page, point!.x, point!.y);

    await page.getByRole('checkbox', { name: target.name.zh, exact: true }).uncheck();
    expect((await listedParkIds(page)).sort()).toEqual(expected);
    expect((await settledRenderedIds(page)).sort()).toEqual(expected);
    // The park is gone from the picture, not only from the hit test.
    expect(await pixelAt(page, point!.x, point!.y)).not.toEqual(before);
    expect(
      await page.evaluate(
        ({ x, y }) =>
          (
            window as unknown as { __zpeMap: { parkAt(x: number, y: number): string | null } }
          ).__zpeMap.parkAt(x, y),
        point!,
      ),
    ).not.toBe(removed.id);
    await context.close();
  });

  it('clicking a park in the list opens its detail with its projects', async () => {
    const projects = shippedProjects();
    const park = parks.find(
      (candidate) => projects.filter((p) => p.park === candidate.id).length >= 2,
    )!;
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    await page.getByRole('button', { name: park.name.zh, exact: true }).click();
    const detail = page.getByRole('region', { name: park.name.zh });
    await expect(detail.isVisible()).resolves.toBe(true);
    const names = await detail.locator('.projects .project-name').allTextContents();
    expect(names.sort()).toEqual(
      projects
        .filter((p) => p.park === park.id)
        .map((p) => p.name.zh)
        .sort(),
    );
    await context.close();
  });

  it('clicking a park on the map selects it, and the map= link restores the view', async () => {
    const { page, context } = await openPage(
      suite.browser,
      `${suite.server.url}#map=11/32.15/119.47`,
    );
    await waitForMapReady(page);
    const target = await page.evaluate(() => {
      const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
      return { width: canvas.clientWidth, height: canvas.clientHeight };
    });
    // Find a screen point over a park through the map itself, then click it like a user.
    const hit = await page.evaluate(({ width, height }) => {
      const probe = (
        window as unknown as { __zpeMap: { parkAt(x: number, y: number): string | null } }
      ).__zpeMap;
      for (let y = 20; y < height; y += 20) {
        for (let x = 20; x < width; x += 20) {
          const id = probe.parkAt(x, y);
          if (id) return { x, y, id };
        }
      }
      return null;
    }, target);
    expect(hit).not.toBeNull();
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.click(box.x + hit!.x, box.y + hit!.y);
    const clicked = parks.find((park) => park.id === hit!.id)!;
    await page.getByRole('region', { name: clicked.name.zh }).waitFor();
    expect(page.url()).toContain(`park=${clicked.id}`);
    await context.close();

    const reopened = await openPage(suite.browser, `${suite.server.url}#map=12.5/32.2/119.45`);
    await waitForMapReady(reopened.page);
    const hash = await reopened.page.evaluate(() => window.location.hash);
    expect(hash).toMatch(/^#map=12\.5\/32\.2\/119\.45/);
    await reopened.context.close();
  });

  it('works at phone size: the panel is a drawer and the map stays usable', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url, {
      viewport: { width: 375, height: 740 },
    });
    await waitForMapReady(page);
    const mapBox = (await page.locator('.map').boundingBox())!;
    expect(mapBox.width).toBeGreaterThanOrEqual(370);
    expect(await page.locator('#side-panel').isVisible()).toBe(false);
    await page.getByRole('button', { name: '列表与筛选' }).click();
    await page.locator('#side-panel').waitFor({ state: 'visible' });
    await page.getByRole('button', { name: parks[0]!.name.zh, exact: true }).click();
    await page.getByRole('region', { name: parks[0]!.name.zh }).waitFor();
    await context.close();
  });
});
