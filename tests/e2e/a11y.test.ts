import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedChains, shippedParks, shippedProjects } from './geo';
import { launchBrowser, useSuite, waitForMapReady } from './harness';

/**
 * axe-core over the main views of the built app: zero serious or critical violations.
 *
 * axe is installed with `addInitScript`, which the suite.browser runs through the DevTools protocol
 * before the page's own scripts. That is not subject to the page's Content-Security-Policy, so the
 * views are checked under the very policy users get; `bypassCSP` or an injected <script> element
 * (which `script-src 'self'` refuses) are not needed.
 */

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const suite = useSuite();

const parks = shippedParks();
const chains = shippedChains();
const projects = shippedProjects();
/** The park with the most projects: its detail has the longest project list. */
const busiest = [...parks].sort(
  (a, b) =>
    projects.filter((project) => project.park === b.id).length -
    projects.filter((project) => project.park === a.id).length,
)[0]!;

const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** One axe finding, trimmed to what a failure message needs. */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
}

/** Opens the app with axe loaded, at the given size, and waits for the map. */
async function openWithAxe(
  viewport: { width: number; height: number },
  hash = '',
  inBrowser: Browser = suite.browser,
): Promise<{ page: Page; context: BrowserContext; pageErrors: string[] }> {
  const context = await inBrowser.newContext({ viewport, reducedMotion: 'reduce' });
  await context.addInitScript({ content: AXE_SOURCE });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${suite.server.url}${hash}`);
  if (inBrowser === suite.browser) await waitForMapReady(page);
  else await page.locator('.map-fallback').waitFor();
  return { page, context, pageErrors };
}

/** Runs axe over the whole document and returns every violation. */
async function runAxe(page: Page): Promise<Violation[]> {
  return page.evaluate(async () => {
    type AxeResult = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        helpUrl: string;
        nodes: { target: unknown[] }[];
      }[];
    };
    const axe = (
      window as unknown as { axe?: { run(context: Document, options: object): Promise<AxeResult> } }
    ).axe;
    if (!axe) throw new Error('axe-core was not loaded into the page');
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
}

/** Asserts no serious or critical violation, printing each one's rule, help and elements. */
async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const violations = await runAxe(page);
  const serious = violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  const report = serious
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.helpUrl}\n` +
        violation.targets.map((target) => `    ${target}`).join('\n'),
    )
    .join('\n');
  expect(serious, `axe found serious or critical violations in "${view}":\n${report}`).toEqual([]);
}

describe('accessibility (axe-core): no serious or critical violations', () => {
  it('start view', async () => {
    const { page, context, pageErrors } = await openWithAxe(DESKTOP);
    await expectNoSeriousViolations(page, 'start');
    expect(pageErrors).toEqual([]);
    // The check can fail: a button without a name, added to the page, is caught as critical.
    await page.evaluate(() =>
      document.querySelector('.side-panel')?.append(document.createElement('button')),
    );
    const caught = (await runAxe(page)).find((violation) => violation.id === 'button-name');
    expect(caught?.impact).toBe('critical');
    await context.close();
  });

  it('filtered: a chain unchecked, more filters and statistics open', async () => {
    const { page, context } = await openWithAxe(DESKTOP);
    await page.getByRole('checkbox', { name: chains[0]!.name.zh, exact: true }).uncheck();
    await page.locator('.facets summary').click();
    await page.locator('.stats summary').click();
    await page.locator('.stats-table').waitFor();
    // A cluster left half checked shows the mixed state, which has to be announced correctly too.
    expect(await page.locator('.cluster-check input[aria-checked="mixed"]').count()).toBe(1);
    await expectNoSeriousViolations(page, 'filtered');
    await context.close();
  });

  it('detail open, with a project’s sources unfolded', async () => {
    const { page, context } = await openWithAxe(DESKTOP);
    await page.getByRole('button', { name: busiest.name.zh, exact: true }).click();
    const detail = page.getByRole('region', { name: busiest.name.zh });
    await detail.waitFor();
    await detail.locator('.project-sources summary').first().click();
    await expectNoSeriousViolations(page, 'detail open');
    await context.close();
  });

  it('search results open', async () => {
    const { page, context } = await openWithAxe(DESKTOP);
    await page.locator('#search-input').fill('gt');
    await page.getByRole('option').first().waitFor();
    await expectNoSeriousViolations(page, 'search results');
    await context.close();
  });

  it('English, with a link whose ignored parts are listed', async () => {
    const { page, context } = await openWithAxe(DESKTOP, '#lang=en&chains=nope');
    await page.locator('.side-panel .notice').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectNoSeriousViolations(page, 'English with notice');
    await context.close();
  });

  it('phone size, drawer closed', async () => {
    const { page, context } = await openWithAxe(PHONE);
    expect(await page.locator('#side-panel').isVisible()).toBe(false);
    await expectNoSeriousViolations(page, 'phone, drawer closed');
    await context.close();
  });

  it('phone size, drawer open, then a park’s detail in it', async () => {
    const { page, context } = await openWithAxe(PHONE);
    await page.locator('.drawer-toggle').click();
    await page.locator('#side-panel').waitFor({ state: 'visible' });
    // The drawer slides in; axe judges colours and overlap, so wait until it stops moving.
    await page.waitForFunction(() => {
      const panel = document.querySelector('#side-panel');
      return !!panel && getComputedStyle(panel).transform === 'none';
    });
    await expectNoSeriousViolations(page, 'phone, drawer open');
    await page.getByRole('button', { name: busiest.name.zh, exact: true }).click();
    await page.getByRole('region', { name: busiest.name.zh }).waitFor();
    await expectNoSeriousViolations(page, 'phone, detail in the drawer');
    await context.close();
  });

  it('data problems listed (projects.json missing)', async () => {
    suite.server.overrides.set('/geo/projects.json', { status: 404, body: 'not found' });
    try {
      const { page, context } = await openWithAxe(DESKTOP);
      await page.locator('.data-problems .findings li').first().waitFor();
      await expectNoSeriousViolations(page, 'data problems');
      await context.close();
    } finally {
      suite.server.overrides.clear();
    }
  });

  it('without WebGL: the explanation in place of the map', async () => {
    const noGl = await launchBrowser(['--disable-webgl']);
    try {
      const { page, context } = await openWithAxe(DESKTOP, '', noGl);
      await expectNoSeriousViolations(page, 'no WebGL');
      await context.close();
    } finally {
      await noGl.close();
    }
  });
});
