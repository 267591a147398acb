import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chains, expectedCounts, projectsFile, segmentTexts } from './chainCounts';
import { openPage, renderedParkIds, useSuite, waitForMapReady } from './harness';

/**
 * The chain view (#13) in Chromium against the built app: counts checked against the data files
 * read here from geo/ (independently of the app's code), the map and the lists following a
 * segment, the ranking leading to a park, counts following a changed registry, old links, axe and
 * the phone layout.
 */

const suite = useSuite();

const GEO = resolve(import.meta.dirname, '../../geo');
const read = (name: string): string => readFileSync(resolve(GEO, name), 'utf8');

const parkNames = new Map(
  (
    JSON.parse(read('parks.geojson')) as {
      features: { properties: { id: string; name: { zh: string } } }[];
    }
  ).features.map((f) => [f.properties.id, f.properties.name.zh]),
);

const aerospace = chains.find((chain) => chain.id === 'aerospace')!;
/** The segment hosted by the most parks: selecting it changes the map the most visibly. */
const busiest = [...aerospace.segments].sort(
  (a, b) =>
    expectedCounts(aerospace, b.id).parks.length - expectedCounts(aerospace, a.id).parks.length,
)[0]!;

/** Waits for the map to apply a change, then reads what it drew. */
async function settledRendered(page: Page): Promise<string[]> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  await page.waitForFunction(() => {
    const probe = (window as unknown as { __zpeMap?: { camera(): { moving: boolean } } }).__zpeMap;
    return probe !== undefined && !probe.camera().moving;
  });
  return (await renderedParkIds(page)).sort();
}

/**
 * A selection reaches the map after the panel has painted (MapView's afterPaint) and may start a
 * camera move a frame later, so the drawn parks are polled until they settle, not read once.
 */
const SETTLE = { timeout: 20_000, interval: 250 };

async function openChain(page: Page, hash: string): Promise<void> {
  await page.goto(`${suite.server.url}${hash}`);
  await waitForMapReady(page);
  await page.locator('.chain-view').waitFor();
}

describe('the chain view', () => {
  it('opens from #chain=…&segment=… with every segment’s counts as in the data files', async () => {
    const { page, context, errors } = await openPage(suite.browser, 'about:blank');
    await openChain(page, `#chain=aerospace&segment=${busiest.id}`);
    await page.getByRole('region', { name: aerospace.name.zh, exact: true }).waitFor();
    const texts = await segmentTexts(page);
    expect(Object.keys(texts)).toEqual(aerospace.segments.map((s) => s.id));
    for (const segment of aerospace.segments) {
      const counts = expectedCounts(aerospace, segment.id);
      expect(texts[segment.id]?.slice(0, 3), segment.id).toEqual([
        `${counts.projects} 个项目`,
        `${counts.parks.length} 个园区`,
        `${counts.firms} 家重点企业`,
      ]);
      // Each segment is a button named by the segment.
      await page.getByRole('button', { name: segment.name.zh, exact: true }).waitFor();
    }
    expect(
      await page
        .getByRole('button', { name: busiest.name.zh, exact: true })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(errors.messages).toEqual([]);
    await context.close();
  });

  it('selecting a segment shows its host parks on the map and in the list, and changes with it', async () => {
    const { page, context } = await openPage(suite.browser, 'about:blank');
    await openChain(page, '#chain=aerospace');
    const everything = await settledRendered(page);
    const hosts = expectedCounts(aerospace, busiest.id).parks;
    expect(hosts.length).toBeGreaterThan(0);
    expect(everything.length).toBeGreaterThan(hosts.length);

    await page.getByRole('button', { name: busiest.name.zh, exact: true }).click();
    await page.waitForFunction((id) => window.location.hash.includes(`segment=${id}`), busiest.id);
    await expect.poll(() => settledRendered(page), SETTLE).toEqual(hosts);
    const listed = await page
      .locator('.host-park')
      .evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.parkId ?? ''));
    expect([...listed].sort()).toEqual(hosts);
    for (const id of hosts)
      await page
        .getByRole('button', { name: parkNames.get(id)!, exact: true })
        .first()
        .waitFor();

    // Another segment: the map and the list follow.
    const other = aerospace.segments.find(
      (s) =>
        s.id !== busiest.id &&
        JSON.stringify(expectedCounts(aerospace, s.id).parks) !== JSON.stringify(hosts),
    )!;
    await page.getByRole('button', { name: other.name.zh, exact: true }).click();
    const otherHosts = expectedCounts(aerospace, other.id).parks;
    await page.waitForFunction((id) => window.location.hash.includes(`segment=${id}`), other.id);
    await expect.poll(() => settledRendered(page), SETTLE).toEqual(otherHosts);
    expect(await page.locator('.host-park').count()).toBe(otherHosts.length);

    // Back: the first segment again; back again: no segment, every park on the map.
    await page.goBack();
    await page.waitForFunction((id) => window.location.hash.includes(`segment=${id}`), busiest.id);
    await expect.poll(() => settledRendered(page), SETTLE).toEqual(hosts);
    await page.goBack();
    await page.waitForFunction(() => !window.location.hash.includes('segment='));
    await expect.poll(() => settledRendered(page), SETTLE).toEqual(everything);
    await context.close();
  });

  it('a ranked park leads to its detail', async () => {
    const { page, context } = await openPage(suite.browser, 'about:blank');
    await openChain(page, `#chain=aerospace&segment=${busiest.id}`);
    const first = page.locator('.ranked-park').first();
    const parkId = await first.getAttribute('data-park-id');
    expect(parkId).not.toBeNull();
    await first.click();
    await page.getByRole('region', { name: parkNames.get(parkId!)!, exact: true }).waitFor();
    expect(await page.evaluate(() => window.location.hash)).toContain(`park=${parkId}`);
    // Closing the park returns to the chain view.
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.getByRole('region', { name: aerospace.name.zh, exact: true }).waitFor();
    await context.close();
  });

  it('opens from the filter tree, and closes again', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    await page
      .getByRole('button', { name: `打开“${aerospace.name.zh}”产业链视图` })
      .first()
      .click();
    await page.getByRole('region', { name: aerospace.name.zh, exact: true }).waitFor();
    expect(await page.evaluate(() => window.location.hash)).toContain('chain=aerospace');
    await page.getByRole('button', { name: '关闭产业链视图' }).click();
    await page.waitForFunction(() => !window.location.hash.includes('chain='));
    await context.close();
  });

  it('an old chain id opens its successor and says so', async () => {
    const { page, context } = await openPage(suite.browser, 'about:blank');
    const successor = chains.find((chain) => chain.former_ids.includes('new-energy'))!;
    await openChain(page, '#chain=new-energy');
    await page.getByRole('region', { name: successor.name.zh, exact: true }).waitFor();
    expect(await page.locator('.remap-notice').textContent()).toContain('new-energy');
    await page.goto(`${suite.server.url}#chain=no-such-chain`);
    await page.reload();
    await waitForMapReady(page);
    expect(await page.locator('.notice').first().textContent()).toContain('chain=no-such-chain');
    expect(await page.locator('.chain-view').count()).toBe(0);
    await context.close();
  });

  it('counts follow the data: one project moved changes exactly those two segments', async () => {
    const moved = projectsFile.projects.find(
      (p) => p.chain === 'aerospace' && p.segment !== null && p.park !== null,
    )!;
    const target = aerospace.segments.find((s) => s.id !== moved.segment)!;
    const altered = {
      ...projectsFile,
      projects: projectsFile.projects.map((p) =>
        p.id === moved.id ? { ...p, segment: target.id } : p,
      ),
    };
    for (const name of ['chains.json', 'parks.geojson', 'firms.json'])
      suite.server.overrides.set(`/moved/${name}`, { status: 200, body: read(name) });
    suite.server.overrides.set('/moved/projects.json', {
      status: 200,
      body: JSON.stringify(altered),
    });
    const { page, context } = await openPage(suite.browser, 'about:blank');
    await openChain(page, '#chain=aerospace');
    const before = await segmentTexts(page);
    await openChain(page, '?data=moved/#chain=aerospace');
    const after = await segmentTexts(page);
    const changed = aerospace.segments
      .map((s) => s.id)
      .filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after[id]));
    expect(changed.sort()).toEqual([moved.segment!, target.id].sort());
    const counts = expectedCounts(aerospace, target.id, altered.projects);
    expect(after[target.id]?.[0]).toBe(`${counts.projects} 个项目`);
    await context.close();
  });
});

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

async function seriousViolations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.length})`);
  });
}

describe('the chain view: accessibility and phone layout', () => {
  for (const [label, viewport, lang] of [
    ['desktop zh', { width: 1280, height: 800 }, ''],
    ['phone en', { width: 375, height: 740 }, '&lang=en'],
  ] as const) {
    it(`is axe-clean with a segment selected (${label})`, async () => {
      const context = await suite.browser.newContext({ viewport, reducedMotion: 'reduce' });
      await context.addInitScript({ content: AXE_SOURCE });
      const page = await context.newPage();
      await page.goto(`${suite.server.url}#chain=aerospace&segment=${busiest.id}${lang}`);
      await waitForMapReady(page);
      await page.locator('.chain-view').waitFor();
      await page.locator('.placement').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('has no horizontal page scroll on a phone, the strip wrapping inside the panel', async () => {
    const { page, context } = await openPage(suite.browser, 'about:blank', {
      viewport: { width: 375, height: 740 },
    });
    await page.goto(`${suite.server.url}#chain=aerospace&segment=${busiest.id}`);
    await waitForMapReady(page);
    await page.locator('.chain-view').waitFor();
    const overflow = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      const panel = document.querySelector('.side-panel') as HTMLElement;
      const strip = document.querySelector('.segment-strip') as HTMLElement;
      return {
        page: root.scrollWidth - root.clientWidth,
        panel: panel.scrollWidth - panel.clientWidth,
        stripRight: strip.getBoundingClientRect().right,
        panelRight: panel.getBoundingClientRect().right,
      };
    });
    expect(overflow.page).toBeLessThanOrEqual(0);
    expect(overflow.panel).toBeLessThanOrEqual(0);
    expect(overflow.stripRight).toBeLessThanOrEqual(overflow.panelRight);
    // The drawer opened for the link: the chain view is what the phone shows.
    expect(await page.locator('.side-panel').isVisible()).toBe(true);
    await context.close();
  });
});
