import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DISTRICTS, PARK_KINDS, PARK_LEVELS } from '../../src/data/enums';
import { createRandom } from '../../scripts/lib/random';
import { shippedChains, shippedParks, shippedProjects } from './geo';
import {
  DIST_DIR,
  launchBrowser,
  openPage,
  renderedParkIds,
  listedParkIds,
  useSuite,
  waitForMapReady,
} from './harness';

/**
 * The faults of issue #7, each produced for real: a data file served missing, broken or partly
 * invalid by the test suite.server, a suite.browser launched without WebGL, links with mangled hashes, the
 * built page's Content-Security-Policy, and a burst of 200 filter and selection changes.
 */

const suite = useSuite();

afterEach(() => {
  // Each test sets the faults it needs; none may leak into the next.
  suite.server?.overrides.clear();
});

const parks = shippedParks();
const chains = shippedChains();
const projects = shippedProjects();
const allParkIds = parks.map((park) => park.id).sort();
const PARKS_PATH = '/geo/parks.geojson';
const GEO_DIR = resolve(import.meta.dirname, '../../geo');

/** The ids the park list shows, sorted. */
async function sortedListedIds(page: Page): Promise<string[]> {
  return (await listedParkIds(page)).sort();
}

/** What the map drew once it has settled: ready, then two frames for a new filter to apply. */
async function settledRenderedIds(page: Page): Promise<string[]> {
  await waitForMapReady(page);
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  return (await renderedParkIds(page)).sort();
}

/** Records every alert/confirm/prompt the page opens: hostile text must never open one. */
function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

/**
 * Opens `url` with dialogs recorded from the first byte: the page starts blank, so the listener
 * is in place before any of the app's code (or text it renders) could open one.
 */
async function openWatched(url: string) {
  const opened = await openPage(suite.browser, 'about:blank');
  const dialogs = recordDialogs(opened.page);
  await opened.page.goto(url);
  return { ...opened, dialogs };
}

/** Uncaught exceptions only; a 404 the test caused shows up as a console error on purpose. */
function pageErrors(messages: readonly string[]): string[] {
  return messages.filter((message) => message.startsWith('pageerror'));
}

/** The lines of the data-problems panel, as the user reads them. */
function findingLines(page: Page): Promise<string[]> {
  return page.locator('.data-problems .findings li').allTextContents();
}

describe('a data file that is missing or broken', () => {
  it.each([
    {
      fault: 'missing (HTTP 404)',
      body: 'not found',
      status: 404,
      finding: /^parks\.geojson: -: could not load parks\.geojson: HTTP 404/,
    },
    {
      fault: 'not JSON',
      body: '{"type": "FeatureCollection", "features": [ {"type": "Feature", oops',
      status: 200,
      finding:
        /^parks\.geojson: -: parks\.geojson is not valid JSON: .*line 1, column \d+\) \[json\]$/,
    },
    {
      fault: 'an HTML page (an SPA host answering a missing file)',
      body: '<!doctype html><html><body><h1>Welcome</h1></body></html>',
      status: 200,
      finding: /^parks\.geojson: -: parks\.geojson is not valid JSON: got an HTML page instead/,
    },
  ])(
    'parks.geojson $fault: the rest loads and the data-problems panel names the file',
    async ({ body, status, finding }) => {
      suite.server.overrides.set(PARKS_PATH, { status, body });
      const { page, context, errors, dialogs } = await openWatched(suite.server.url);
      const problems = page.getByRole('status').filter({ hasText: '数据问题' });
      await problems.waitFor();
      expect(await problems.isVisible()).toBe(true);
      await expect(problems.locator('.file-names').textContent()).resolves.toContain(
        'parks.geojson',
      );
      // Without parks, no project's park can be checked either: the panel starts folded, but the
      // finding about the file itself is listed all the same.
      expect(await findingLines(page)).toEqual([expect.stringMatching(finding)]);
      const total = Number(
        /\((\d+)\)/.exec((await problems.locator('h2').textContent()) ?? '')?.[1],
      );
      await problems.getByRole('button', { name: '显示' }).click();
      const lines = await findingLines(page);
      expect(lines).toHaveLength(total);
      expect(lines[0]).toMatch(finding);

      // Not a blank page: the chains still load from chains.json and are listed as filters.
      for (const chain of chains) {
        await expect(
          page.getByRole('checkbox', { name: chain.name.zh, exact: true }).isVisible(),
        ).resolves.toBe(true);
      }
      // The list says why it is empty instead of blaming the filters.
      await expect(page.locator('.park-list .empty').textContent()).resolves.toContain(
        '园区数据未能加载',
      );
      expect(await sortedListedIds(page)).toEqual([]);
      // The map still shows the basemap, with no parks on it.
      expect(await settledRenderedIds(page)).toEqual([]);
      expect(pageErrors(errors.messages)).toEqual([]);
      expect(dialogs).toEqual([]);
      await context.close();
    },
  );

  it('a partly invalid, partly hostile parks file: bad records reported by id, the rest drawn, text stays text', async () => {
    const threeLeads = 'yz-hitech';
    const noChineseName = 'dt-hitech';
    const scriptUrl = 'jr-lingang';
    const hostile = 'jk-park';
    const hostileName = '京口<img src=x onerror=alert(1)>园区';
    const hostileIndustry = '<script>alert(2)</script>电子信息';
    const hostileSourceTitle = '<a href="javascript:alert(3)">报道</a>';
    let text = readFileSync(resolve(GEO_DIR, 'parks.geojson'), 'utf8');
    const edit = (id: string, change: (properties: Record<string, unknown>) => void): void => {
      const collection = JSON.parse(text) as {
        features: { properties: Record<string, unknown> }[];
      };
      const feature = collection.features.find((candidate) => candidate.properties.id === id);
      if (!feature) throw new Error(`no park ${id} in geo/parks.geojson`);
      change(feature.properties);
      text = JSON.stringify(collection);
    };
    edit(threeLeads, (p) => (p.lead = ['power-equipment', 'nev-parts', 'aerospace']));
    edit(noChineseName, (p) => (p.name = { en: 'Dantu Hi-tech Industrial Park' }));
    edit(scriptUrl, (p) => {
      const sources = p.sources as Record<string, unknown>[];
      sources[0]!.url = 'javascript:alert(document.domain)';
    });
    edit(hostile, (p) => {
      p.name = { zh: hostileName, en: 'Jingkou <b onmouseover=alert(4)>Park</b>' };
      p.industries = [{ zh: hostileIndustry, en: hostileIndustry }];
      const sources = p.sources as Record<string, unknown>[];
      sources[0]!.title = hostileSourceTitle;
    });
    suite.server.overrides.set(PARKS_PATH, { status: 200, body: text });

    const { page, context, errors, dialogs } = await openWatched(suite.server.url);
    await page.locator('.data-problems').waitFor();
    const lines = await findingLines(page);
    expect(lines.find((line) => line.startsWith(`parks.geojson: ${threeLeads}: `))).toMatch(
      /\[lead-count\]$/,
    );
    expect(lines.find((line) => line.startsWith(`parks.geojson: ${noChineseName}: `))).toMatch(
      /name\.zh.*\[schema\]$/,
    );
    expect(lines.find((line) => line.startsWith(`parks.geojson: ${scriptUrl}: `))).toMatch(
      /url.*\[schema\]$/,
    );

    // Records that fail the schema are left out; the rest, including the over-led park, draw.
    const expected = allParkIds.filter((id) => id !== noChineseName && id !== scriptUrl);
    expect(await sortedListedIds(page)).toEqual(expected);
    expect(await settledRenderedIds(page)).toEqual(expected);

    // The hostile name is shown as the characters it is made of, in the list and in the detail.
    const button = page.locator(`.park-button[data-park-id="${hostile}"]`);
    await expect(button.textContent()).resolves.toBe(hostileName);
    await button.click();
    const detail = page.getByRole('region', { name: hostileName });
    await detail.waitFor();
    await expect(detail.locator('h2').textContent()).resolves.toBe(hostileName);
    await expect(detail.textContent()).resolves.toContain(hostileIndustry);
    await expect(detail.locator('.sources').first().textContent()).resolves.toContain(
      hostileSourceTitle,
    );
    // Switching language re-renders every text; the English name carries markup too.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('.park-detail h2').textContent()).resolves.toBe(
      'Jingkou <b onmouseover=alert(4)>Park</b>',
    );

    const created = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      bold: document.querySelectorAll('#root b').length,
      handlers: document.querySelectorAll('[onerror], [onmouseover]').length,
      scripts: [...document.scripts].filter((script) => !script.src).length,
      scriptLinks: [...document.querySelectorAll('a')].filter((a) =>
        /^javascript:/i.test(a.getAttribute('href') ?? ''),
      ).length,
    }));
    expect(created).toEqual({ images: 0, bold: 0, handlers: 0, scripts: 0, scriptLinks: 0 });
    expect(dialogs).toEqual([]);
    expect(pageErrors(errors.messages)).toEqual([]);
    await context.close();
  });
});

describe('a suite.browser without WebGL', () => {
  it('keeps filters, list, search, legend and details working and says why there is no map', async () => {
    const noGl = await launchBrowser(['--disable-webgl']);
    try {
      const { page, context, errors } = await openPage(noGl, suite.server.url);
      // The flag really removes WebGL, or this test would prove nothing.
      const gl = await page.evaluate(() => ({
        webgl2: !!document.createElement('canvas').getContext('webgl2'),
        webgl: !!document.createElement('canvas').getContext('webgl'),
      }));
      expect(gl).toEqual({ webgl2: false, webgl: false });

      const fallback = page.locator('.map-area .map-fallback');
      await fallback.waitFor();
      await expect(fallback.locator('h2').textContent()).resolves.toBe('无法显示地图');
      await expect(fallback.textContent()).resolves.toContain('不支持 WebGL 2');
      expect(await page.locator('.map-area canvas').count()).toBe(0);

      // Filters and list.
      expect(await sortedListedIds(page)).toEqual(allParkIds);
      const target = chains.find((chain) => chain.id === 'aerospace')!;
      await page.getByRole('checkbox', { name: target.name.zh, exact: true }).uncheck();
      const withoutTarget = parks
        .filter((park) => park.lead.some((id) => id !== target.id))
        .map((park) => park.id)
        .sort();
      expect(withoutTarget.length).toBeLessThan(parks.length);
      expect(await sortedListedIds(page)).toEqual(withoutTarget);
      // The legend still toggles the chain back on.
      await page.locator('.legend-item', { hasText: target.name.zh }).click();
      expect(await sortedListedIds(page)).toEqual(allParkIds);

      // Search, then the detail with its projects.
      const park = parks.find((candidate) => candidate.id === 'gt')!;
      await page.locator('#search-input').fill(park.name.zh);
      await page
        .getByRole('option', { name: new RegExp(park.name.zh) })
        .first()
        .waitFor();
      await page.locator('#search-input').press('Enter');
      const detail = page.getByRole('region', { name: park.name.zh });
      await detail.waitFor();
      const names = await detail.locator('.projects .project-name').allTextContents();
      expect(names.sort()).toEqual(
        projects
          .filter((project) => project.park === park.id)
          .map((project) => project.name.zh)
          .sort(),
      );
      await detail.getByRole('button', { name: /返回列表/ }).click();
      await page.locator('#park-list').waitFor();
      expect(pageErrors(errors.messages)).toEqual([]);
      await context.close();
    } finally {
      await noGl.close();
    }
  });
});

describe('links with mangled hashes', () => {
  const aerospaceParks = parks
    .filter((park) => park.lead.includes('aerospace'))
    .map((park) => park.id)
    .sort();

  it.each([
    {
      name: 'garbage',
      hash: '#%E0%A4%A&&==&%%%&foo&@@!!&chains',
      listed: allParkIds,
      ignored: ['%E0%A4%A', 'foo', '@@!!', 'chains'],
    },
    { name: 'a truncated view', hash: '#map=12/32.', listed: allParkIds, ignored: [] },
    {
      name: 'a truncated chain list',
      hash: '#chains=aerospace,new-ene',
      listed: aerospaceParks,
      ignored: ['chains=new-ene'],
    },
    {
      name: '100 kB long',
      hash: `#chains=aerospace&junk=${'A'.repeat(100_000)}`,
      listed: aerospaceParks,
      ignored: ['&junk=AAAA'],
    },
    {
      name: 'markup',
      hash: '#park=<script>alert(1)</script>&chains=<img src=x onerror=alert(1)>',
      listed: allParkIds,
      ignored: ['park=<script>alert(1)</script>', 'chains=<img src=x onerror=alert(1)>'],
    },
    {
      name: 'an unknown park and chain',
      hash: '#chains=aerospace,nope&park=no-such-park',
      listed: aerospaceParks,
      ignored: ['chains=nope', 'park=no-such-park'],
    },
  ])(
    'a $name hash loads the app with its valid parts applied',
    async ({ hash, listed, ignored }) => {
      const { page, context, errors, dialogs } = await openWatched(`${suite.server.url}${hash}`);
      await waitForMapReady(page);
      expect(await sortedListedIds(page)).toEqual(listed);
      expect(await settledRenderedIds(page)).toEqual(listed);
      expect(await page.locator('.park-detail').count()).toBe(0);

      const notice = page.locator('.side-panel .notice');
      if (ignored.length === 0) {
        expect(await notice.count()).toBe(0);
      } else {
        const text = (await notice.textContent()) ?? '';
        expect(text).toContain('已忽略');
        for (const part of ignored) expect(text).toContain(part);
        // Text from the link is shown as text: nothing in the notice became an element.
        expect(await notice.locator('img, script, b').count()).toBe(0);
      }
      expect(await page.locator('img, #root script').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(pageErrors(errors.messages)).toEqual([]);
      await context.close();
    },
  );
});

describe('the Content-Security-Policy', () => {
  /** The directives of the built page's CSP meta tag. */
  function builtPolicy(): Map<string, string[]> {
    const html = readFileSync(resolve(DIST_DIR, 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    if (!meta) throw new Error('dist/index.html has no Content-Security-Policy meta tag');
    // The policy must come before any script, or that script would run unguarded.
    expect(meta.index).toBeLessThan(html.search(/<script/i));
    // Every script of the page is a file of its own: nothing inline to allow.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    return new Map(
      meta[1]!
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map((parts) => [parts[0]!, parts.slice(1)]),
    );
  }

  it('is shipped in the built page: scripts, workers and data from the same origin only', () => {
    const policy = builtPolicy();
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    for (const source of policy.get('worker-src') ?? []) expect(source).toMatch(/^'self'$|^blob:$/);
  });

  it('the app runs under it without a single violation, and the policy is enforced', async () => {
    const context = await suite.browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
      acceptDownloads: true,
    });
    // Installed before any of the page's own code: every violation from the first byte counts.
    await context.addInitScript(() => {
      const found: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = found;
      document.addEventListener('securitypolicyviolation', (event) => {
        found.push(`${event.effectiveDirective} ${event.blockedURI}`);
      });
    });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    const violations = (): Promise<string[]> =>
      page.evaluate(() => [
        ...(window as unknown as { __cspViolations: string[] }).__cspViolations,
      ]);

    await page.goto(suite.server.url);
    await waitForMapReady(page);
    // Exercise what loads code or data lazily or makes images: a park's detail, pinyin search, the
    // map image export, a language switch.
    const first = page.locator('.park-button').first();
    const opened = (await first.getAttribute('data-park-id')) ?? '';
    await first.click();
    await page.locator('.park-detail').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#search-input').fill('gt');
    await page.getByRole('option').first().waitFor();
    await page.locator('#search-input').press('Escape');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出地图图片（PNG）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    await page.getByRole('button', { name: 'English' }).click();
    // The view now fits the opened park, which the map drew through all of this.
    expect(await settledRenderedIds(page)).toContain(opened);
    expect(await violations()).toEqual([]);
    expect(refused).toEqual([]);

    // The same listener sees an inline script being refused: the policy is live, not decorative.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect
      .poll(violations, { timeout: 5_000 })
      .toEqual([expect.stringMatching(/^script-src(-elem)? inline$/)]);
    await context.close();
  });
});

/** One step of the stress run, as the page performs it. */
type Step =
  | { kind: 'chain' | 'legend' | 'legend-solo' | 'legend-double'; index: number }
  | { kind: 'cluster'; index: number }
  | { kind: 'facet'; index: number }
  | { kind: 'select'; id: string }
  | { kind: 'back' | 'escape' | 'reset' };

describe('stress', () => {
  it('200 rapid filter toggles and selections end with list, counts and map in agreement', async () => {
    const clusters = (
      JSON.parse(readFileSync(resolve(GEO_DIR, 'chains.json'), 'utf8')) as {
        clusters: { id: string }[];
        chains: { id: string; cluster: string }[];
      }
    ).clusters.map((cluster) => cluster.id);
    const chainCluster = new Map(
      (
        JSON.parse(readFileSync(resolve(GEO_DIR, 'chains.json'), 'utf8')) as {
          chains: { id: string; cluster: string }[];
        }
      ).chains.map((chain) => [chain.id, chain.cluster]),
    );
    const fullParks = (
      JSON.parse(readFileSync(resolve(GEO_DIR, 'parks.geojson'), 'utf8')) as {
        features: {
          properties: { id: string; lead: string[]; kind: string; level: string; district: string };
        }[];
      }
    ).features.map((feature) => feature.properties);
    // The facet checkboxes in the order the panel draws them: kinds, levels, then the districts
    // that have a park.
    const facets: { key: 'kind' | 'level' | 'district'; value: string }[] = [
      ...PARK_KINDS.map((value) => ({ key: 'kind' as const, value })),
      ...PARK_LEVELS.map((value) => ({ key: 'level' as const, value })),
      ...DISTRICTS.filter((district) => fullParks.some((park) => park.district === district)).map(
        (value) => ({ key: 'district' as const, value }),
      ),
    ];

    // An independent model of the filter, stepped alongside the plan.
    const model = {
      chains: new Set(chains.map((chain) => chain.id)),
      unchecked: new Set<string>(),
      selected: null as string | null,
    };
    const passesFacets = (park: (typeof fullParks)[number]): boolean =>
      !model.unchecked.has(`kind:${park.kind}`) &&
      !model.unchecked.has(`level:${park.level}`) &&
      !model.unchecked.has(`district:${park.district}`);
    const visible = (): string[] =>
      fullParks
        .filter((park) => passesFacets(park) && park.lead.some((id) => model.chains.has(id)))
        .map((park) => park.id)
        .sort();
    const toggle = (id: string): void => {
      if (model.chains.has(id)) model.chains.delete(id);
      else model.chains.add(id);
    };
    const solo = (id: string): void => {
      const already = model.chains.size === 1 && model.chains.has(id);
      model.chains = new Set(already ? chains.map((chain) => chain.id) : [id]);
    };

    const random = createRandom(20260707);
    const pick = (n: number): number => Math.floor(random() * n);
    const plan: Step[] = [];
    /** Steps that need the filter panel, which the detail replaces, close the detail first. */
    const closeDetail = (): void => {
      if (model.selected === null) return;
      plan.push({ kind: random() < 0.5 ? 'back' : 'escape' });
      model.selected = null;
    };
    for (let step = 0; step < 200; step++) {
      const roll = random();
      if (roll < 0.3) {
        closeDetail();
        const index = pick(chains.length);
        plan.push({ kind: 'chain', index });
        toggle(chains[index]!.id);
      } else if (roll < 0.45) {
        const index = pick(chains.length);
        plan.push({ kind: 'legend', index });
        toggle(chains[index]!.id);
      } else if (roll < 0.5) {
        const index = pick(chains.length);
        const double = random() < 0.5;
        plan.push({ kind: double ? 'legend-double' : 'legend-solo', index });
        // A real double-click is two clicks, then the double-click: toggle, toggle, solo.
        solo(chains[index]!.id);
      } else if (roll < 0.6) {
        closeDetail();
        const index = pick(clusters.length);
        plan.push({ kind: 'cluster', index });
        const ids = chains
          .filter((chain) => chainCluster.get(chain.id) === clusters[index])
          .map((chain) => chain.id);
        const allChecked = ids.every((id) => model.chains.has(id));
        for (const id of ids) {
          if (allChecked) model.chains.delete(id);
          else model.chains.add(id);
        }
      } else if (roll < 0.72) {
        closeDetail();
        const index = pick(facets.length);
        plan.push({ kind: 'facet', index });
        const key = `${facets[index]!.key}:${facets[index]!.value}`;
        if (model.unchecked.has(key)) model.unchecked.delete(key);
        else model.unchecked.add(key);
      } else if (roll < 0.92) {
        closeDetail();
        const candidates = visible();
        if (candidates.length === 0) continue;
        const id = candidates[pick(candidates.length)]!;
        plan.push({ kind: 'select', id });
        model.selected = id;
      } else if (roll < 0.96) {
        closeDetail();
      } else {
        closeDetail();
        plan.push({ kind: 'reset' });
        model.chains = new Set(chains.map((chain) => chain.id));
        model.unchecked.clear();
      }
    }
    closeDetail();
    expect(plan.length).toBeGreaterThanOrEqual(200);
    const expected = visible();
    // The seed makes a run that uses every kind of step and ends somewhere in between.
    expect(new Set(plan.map((step) => step.kind)).size).toBe(10);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(parks.length);

    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    const startView = await page.evaluate(() => window.location.hash);

    const failures = await page.evaluate(async (steps: Step[]) => {
      const problems: string[] = [];
      const click = (selector: string, index = 0): void => {
        const element = document.querySelectorAll<HTMLElement>(selector)[index];
        if (element) element.click();
        else problems.push(`no ${selector} [${index}]`);
      };
      const frame = (): Promise<unknown> => new Promise((done) => requestAnimationFrame(done));
      const task = (): Promise<unknown> => new Promise((done) => setTimeout(done, 0));
      for (const [i, step] of steps.entries()) {
        switch (step.kind) {
          case 'chain':
            click('.chain-tree .chains input[type="checkbox"]', step.index);
            break;
          case 'legend':
            click('.legend-item', step.index);
            break;
          case 'legend-solo': {
            const item = document.querySelectorAll('.legend-item')[step.index];
            item?.dispatchEvent(new MouseEvent('click', { bubbles: true, altKey: true }));
            break;
          }
          case 'legend-double': {
            const item = document.querySelectorAll('.legend-item')[step.index];
            for (const type of ['click', 'click', 'dblclick'])
              item?.dispatchEvent(new MouseEvent(type, { bubbles: true, detail: 2 }));
            break;
          }
          case 'cluster':
            click('.cluster-check input', step.index);
            break;
          case 'facet':
            click('.facet input', step.index);
            break;
          case 'select':
            click(`.park-button[data-park-id="${step.id}"]`);
            if (!document.querySelector('.park-detail')) problems.push(`no detail for ${step.id}`);
            break;
          case 'back':
            click('.park-detail .back-button');
            break;
          case 'escape':
            document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
            break;
          case 'reset':
            click('.filters .section-head .link-button');
            break;
        }
        // Mostly back to back; now and then the suite.browser gets a task or a frame in between, so
        // that map updates interleave with the clicks as they would under a hasty user.
        if (i % 31 === 30) await frame();
        else if (i % 9 === 8) await task();
      }
      return problems;
    }, plan);
    expect(failures).toEqual([]);
    expect(await page.locator('.park-detail').count()).toBe(0);

    // The list and every checkbox, cluster box, legend entry and count agree with the model.
    expect(await sortedListedIds(page)).toEqual(expected);
    const ui = await page.evaluate(() => ({
      chains: [...document.querySelectorAll<HTMLInputElement>('.chain-tree .chains input')].map(
        (input) => input.checked,
      ),
      legend: [...document.querySelectorAll('.legend-item')].map(
        (item) => item.getAttribute('aria-pressed') === 'true',
      ),
      counts: [...document.querySelectorAll('.chain-tree .count')].map((count) =>
        Number.parseInt(count.textContent ?? '', 10),
      ),
      clusters: [...document.querySelectorAll<HTMLInputElement>('.cluster-check input')].map(
        (input) => (input.indeterminate ? 'mixed' : input.checked ? 'checked' : 'unchecked'),
      ),
      facets: [...document.querySelectorAll<HTMLInputElement>('.facet input')].map(
        (input) => input.checked,
      ),
      heading: document.querySelector('#park-list-heading')?.textContent ?? '',
    }));
    expect(ui.chains).toEqual(chains.map((chain) => model.chains.has(chain.id)));
    expect(ui.legend).toEqual(ui.chains);
    expect(ui.facets).toEqual(
      facets.map((facet) => !model.unchecked.has(`${facet.key}:${facet.value}`)),
    );
    expect(ui.counts).toEqual(
      chains.map(
        (chain) =>
          fullParks.filter((park) => passesFacets(park) && park.lead.includes(chain.id)).length,
      ),
    );
    expect(ui.clusters).toEqual(
      clusters.map((cluster) => {
        const ids = chains.filter((chain) => chainCluster.get(chain.id) === cluster);
        const checked = ids.filter((chain) => model.chains.has(chain.id)).length;
        return checked === 0 ? 'unchecked' : checked === ids.length ? 'checked' : 'mixed';
      }),
    );
    expect(ui.heading).toContain(`(${expected.length}/${parks.length})`);

    // The map draws the same parks. Selections moved the camera; the start view (MapLibre's own
    // map= parameter, or Zhenjiang as a whole) brings every park back into the viewport. The last
    // selection's fit runs after the panel has painted, so let it finish first, or it would move
    // the camera off the start view again.
    await page.evaluate(
      () =>
        new Promise((done) =>
          requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(done), 0)),
        ),
    );
    await page.waitForFunction(() => {
      const probe = (window as unknown as { __zpeMap?: { camera(): { moving: boolean } } })
        .__zpeMap;
      return probe !== undefined && !probe.camera().moving;
    });
    await page.evaluate((view) => {
      const rest = window.location.hash
        .replace(/^#/, '')
        .split('&')
        .filter((part) => part !== '' && !part.startsWith('map='));
      const map = /(?:^#|&)(map=[^&]*)/.exec(view)?.[1] ?? 'map=9/32.05/119.5';
      window.location.hash = [map, ...rest].join('&');
    }, startView);
    await expect
      .poll(async () => (await renderedParkIds(page)).sort(), { timeout: 20_000 })
      .toEqual(expected);
    expect(await sortedListedIds(page)).toEqual(expected);
    expect(pageErrors(errors.messages)).toEqual([]);
    await context.close();
  }, 120_000);
});
