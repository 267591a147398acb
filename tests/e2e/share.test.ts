import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedChains, shippedParks, shippedProjects } from './geo';
import { listedParkIds, openPage, useSuite, waitForMapReady } from './harness';

const suite = useSuite();

const parks = shippedParks();
const chains = shippedChains();
const projects = shippedProjects();

/** Each chain checkbox's checked state, by chain id. */
async function chainChecks(page: Page): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    chains.map(
      async (chain) =>
        [
          chain.id,
          await page.getByRole('checkbox', { name: chain.name.zh, exact: true }).isChecked(),
        ] as const,
    ),
  );
  return Object.fromEntries(entries);
}

/** A minimal RFC 4180 reader: enough to read back what the app wrote, quotes and all. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || (char === '\r' && text[i + 1] === '\n')) {
      if (char === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Clicks a button that downloads a file and returns the file's text. */
async function downloadText(
  page: Page,
  buttonName: string,
): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const mostLedChain = [...chains].sort(
  (a, b) =>
    parks.filter((park) => park.lead.includes(b.id)).length -
    parks.filter((park) => park.lead.includes(a.id)).length,
)[0]!;

describe('sharing what is on screen', () => {
  it('a link copied after filtering and selecting reproduces checkboxes, list and detail', async () => {
    const first = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(first.page);
    await first.page.getByRole('checkbox', { name: mostLedChain.name.zh, exact: true }).uncheck();
    const visible = await listedParkIds(first.page);
    const park = parks.find((candidate) => candidate.id === visible[0])!;
    await first.page.getByRole('button', { name: park.name.zh, exact: true }).click();
    await first.page.getByRole('region', { name: park.name.zh }).waitFor();
    await first.page.getByRole('button', { name: '返回列表' }).click();
    const checks = await chainChecks(first.page);
    await first.page.getByRole('button', { name: park.name.zh, exact: true }).click();
    const link = first.page.url();
    expect(link).toContain(`park=${park.id}`);
    await first.context.close();

    const second = await openPage(suite.browser, link);
    await waitForMapReady(second.page);
    await second.page.getByRole('region', { name: park.name.zh }).waitFor();
    await second.page.getByRole('button', { name: '返回列表' }).click();
    expect(await chainChecks(second.page)).toEqual(checks);
    expect(checks[mostLedChain.id]).toBe(false);
    expect(await listedParkIds(second.page)).toEqual(visible);
    await second.context.close();
  });

  it('back and forward walk through earlier filters and selections', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    const park = parks[0]!;
    await page.getByRole('button', { name: park.name.zh, exact: true }).click();
    await page.getByRole('region', { name: park.name.zh }).waitFor();
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.getByRole('checkbox', { name: mostLedChain.name.zh, exact: true }).uncheck();

    await page.goBack();
    await page.waitForFunction(() => !window.location.hash.includes('chains='));
    expect(
      await page.getByRole('checkbox', { name: mostLedChain.name.zh, exact: true }).isChecked(),
    ).toBe(true);

    await page.goBack();
    await page.getByRole('region', { name: park.name.zh }).waitFor();

    await page.goForward();
    await page.waitForFunction(() => !window.location.hash.includes('park='));
    await page.goForward();
    await page.waitForFunction(() => window.location.hash.includes('chains='));
    expect(
      await page.getByRole('checkbox', { name: mostLedChain.name.zh, exact: true }).isChecked(),
    ).toBe(false);
    await context.close();
  });

  it('back returns to the view of the entry it goes back to, even the first one, even right after a move', async () => {
    // A link without a view: the first entry's view is the app's own first view.
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    const camera = (): Promise<{ zoom: number; lng: number; lat: number; moving: boolean }> =>
      page.evaluate(() => {
        const probe = (window as unknown as { __zpeMap: { camera(): never } }).__zpeMap;
        return probe.camera();
      });
    const first = await camera();
    const park = parks[0]!;
    await page.getByRole('button', { name: park.name.zh, exact: true }).click();
    await page.waitForFunction(() => window.location.hash.includes('park='));
    await expect.poll(async () => (await camera()).zoom).toBeGreaterThan(first.zoom + 1);
    // Moves that end in quick succession leave a throttled address update pending, and a Back
    // that takes the app a while to apply (a heavy panel) lets it run after the address has
    // changed; the slow listener stands in for such an update.
    await page.evaluate(() => {
      window.addEventListener('popstate', () => {
        const until = performance.now() + 500;
        while (performance.now() < until);
      });
      const zoomIn = document.querySelector<HTMLButtonElement>('button[aria-label="Zoom in"]')!;
      zoomIn.click();
      zoomIn.click();
    });
    await page.goBack();
    await page.waitForFunction(() => !window.location.hash.includes('park='));
    await expect
      .poll(async () => (await camera()).zoom, { timeout: 10_000 })
      .toBeCloseTo(first.zoom, 2);
    const back = await camera();
    expect(back.lng).toBeCloseTo(first.lng, 3);
    expect(back.lat).toBeCloseTo(first.lat, 3);
    await context.close();
  });

  it('a garbage hash still loads the app, with whatever was valid applied', async () => {
    const { page, context, errors } = await openPage(
      suite.browser,
      `${suite.server.url}#%E0%A4%A&&&chains=,,nope,${chains[0]!.id}&park=%3Cb%3Ex&map=abc/def&lang=xx`,
    );
    await page.locator('#park-list').waitFor();
    const solo = parks
      .filter((park) => park.lead.includes(chains[0]!.id))
      .map((park) => park.id)
      .sort();
    expect((await listedParkIds(page)).sort()).toEqual(solo);
    expect(errors.messages.filter((message) => message.startsWith('pageerror'))).toEqual([]);
    await context.close();
  });
});

describe('search', () => {
  const guantang = parks.find((park) => park.id === 'gt')!;

  it.each([
    ['guantang', 'full pinyin'],
    ['gt', 'pinyin initials'],
    ['官塘', 'partial Chinese name'],
    ['Guantang Inno', 'partial English name'],
  ])('finds 官塘创新社区 by "%s" (%s) and opens it with the keyboard', async (query) => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    const box = page.getByRole('combobox');
    await box.focus();
    await box.fill(query);
    await expect
      .poll(() => page.getByRole('option').first().textContent(), { timeout: 15_000 })
      .toContain(guantang.name.zh);
    await box.press('Enter');
    await page.getByRole('region', { name: guantang.name.zh }).waitFor();
    await context.close();
  });

  it('finds a project and opens its park', async () => {
    const project = projects.find((candidate) => candidate.name.zh.includes('联东'))!;
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    await page.getByRole('combobox').fill('联东');
    const option = page.getByRole('option', { name: new RegExp(project.name.zh) });
    await option.click();
    const park = parks.find((candidate) => candidate.id === project.park)!;
    await page.getByRole('region', { name: park.name.zh }).waitFor();
    expect(page.url()).toContain(`project=${project.id}`);
    await context.close();
  });
});

describe('exports of what is filtered', () => {
  it('parks CSV, GeoJSON and projects CSV hold exactly the visible parks and their projects', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    await page.getByRole('checkbox', { name: mostLedChain.name.zh, exact: true }).uncheck();
    const visible = await listedParkIds(page);
    expect(visible.length).toBeGreaterThan(0);

    const parksCsv = await downloadText(page, '导出园区（CSV）');
    expect(parksCsv.name).toMatch(/\.csv$/);
    expect(parksCsv.text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(parksCsv.text.slice(1));
    const idColumn = rows[0]!.findIndex((header) => header.endsWith('(id)'));
    expect(rows.slice(1).map((row) => row[idColumn])).toEqual(visible);
    const nameColumn = rows[0]!.findIndex((header) => header.endsWith('(name_zh)'));
    expect(rows[1]![nameColumn]).toBe(parks.find((park) => park.id === visible[0])!.name.zh);

    const geojson = await downloadText(page, '导出边界（GeoJSON）');
    const collection = JSON.parse(geojson.text) as { features: { properties: { id: string } }[] };
    expect(collection.features.map((feature) => feature.properties.id)).toEqual(visible);

    const projectsCsv = await downloadText(page, '导出项目（CSV）');
    const projectRows = parseCsv(projectsCsv.text.slice(1));
    const projectIdColumn = projectRows[0]!.findIndex((header) => header.endsWith('(id)'));
    const expected = projects
      .filter((project) => visible.includes(project.park))
      .map((project) => project.id);
    expect(
      projectRows
        .slice(1)
        .map((row) => row[projectIdColumn])
        .sort(),
    ).toEqual(expected.sort());
    await context.close();
  });

  it('the map image is a PNG with the map drawn in it', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出地图图片（PNG）' }).click(),
    ]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // A blank canvas would compress to a few kB; a drawn map with a legend is far larger.
    expect(bytes.length).toBeGreaterThan(50_000);
    await context.close();
  });
});
