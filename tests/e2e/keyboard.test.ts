import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedChains, shippedParks, shippedProjects } from './geo';
import { listedParkIds, openPage, useSuite, waitForMapReady } from './harness';

/**
 * Keyboard-only use: every step below is a key press (Tab, Shift+Tab, Space, Enter, Escape), never
 * a click, and at every stop the focused element must show its focus ring. Also: reduced motion
 * makes the map jump instead of fly, and the map region points to its text alternative.
 */

const suite = useSuite();

const parks = shippedParks();
const chains = shippedChains();
const projects = shippedProjects();

/** The chain to toggle: it leads one park only, so unchecking it changes the list visibly. */
const toggled = chains.find((chain) => chain.id === 'aerospace')!;
/** The park to open: many projects, and its chains keep it listed when `toggled` is unchecked. */
const target = parks.find((park) => park.id === 'yz-edz')!;

/** A description of the focused element and its focus ring, read in the page. */
interface Focused {
  readonly description: string;
  readonly matches: boolean;
  readonly focusVisible: boolean;
  readonly outlineStyle: string;
  readonly outlineWidth: number;
}

/** What has focus now, whether it matches `selector`, and how its focus is drawn. */
function focused(page: Page, selector = '*'): Promise<Focused> {
  return page.evaluate((wanted) => {
    const element = document.activeElement;
    if (!element || element === document.body) {
      return {
        description: 'body',
        matches: false,
        focusVisible: false,
        outlineStyle: 'none',
        outlineWidth: 0,
      };
    }
    const style = getComputedStyle(element);
    const label =
      element.getAttribute('aria-label') ??
      element.getAttribute('aria-labelledby') ??
      (element.textContent ?? '').trim().slice(0, 40);
    return {
      description: `${element.tagName.toLowerCase()}.${element.className} "${label}"`,
      matches: element.matches(wanted),
      focusVisible: element.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth),
    };
  }, selector);
}

/** Asserts that the focused element draws a focus ring a user can see. */
function expectVisibleFocus(state: Focused): void {
  expect(state.focusVisible, `${state.description} should match :focus-visible`).toBe(true);
  expect(state.outlineStyle, `${state.description} has no focus outline`).not.toBe('none');
  expect(
    state.outlineWidth,
    `${state.description} has a hairline focus outline`,
  ).toBeGreaterThanOrEqual(2);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`, checking the focus
 * ring at every stop on the way. Fails after `limit` presses.
 */
async function tabTo(
  page: Page,
  selector: string,
  { back = false, limit = 80 } = {},
): Promise<void> {
  const visited: string[] = [];
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const state = await focused(page, selector);
    visited.push(state.description);
    expectVisibleFocus(state);
    if (state.matches) return;
  }
  throw new Error(
    `${selector} was not reached in ${limit} presses; focus went:\n${visited.join('\n')}`,
  );
}

const parkButton = `.park-button[data-park-id="${target.id}"]`;

/** Keys only: to the chain filter, toggle it, into the list, open the target park. */
async function openTargetByKeyboard(page: Page): Promise<void> {
  const chainBox = `input[aria-labelledby="chain-name-${toggled.id}"]`;
  await tabTo(page, chainBox);
  const before = await listedParkIds(page);
  await page.keyboard.press('Space');
  expect(await page.locator(chainBox).isChecked()).toBe(false);
  const after = await listedParkIds(page);
  expect(after).not.toEqual(before);
  expect(after).toEqual(
    before.filter((id) =>
      parks.find((park) => park.id === id)!.lead.some((chain) => chain !== toggled.id),
    ),
  );
  expect(after).toContain(target.id);

  await tabTo(page, parkButton);
  await page.keyboard.press('Enter');
  const detail = page.getByRole('region', { name: target.name.zh });
  await detail.waitFor();
  // Focus moves to the detail's heading, so a screen reader announces what opened.
  expect((await focused(page, '.park-detail h2')).matches).toBe(true);
}

describe('keyboard only', () => {
  it('filters, list, a park’s projects, Escape: focus lands back on the park that was opened', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    await openTargetByKeyboard(page);

    // Into the projects: the first focusable control inside the project list.
    await tabTo(page, '.park-detail .projects *');
    const names = await page.locator('.park-detail .projects .project-name').allTextContents();
    expect(names.sort()).toEqual(
      projects
        .filter((project) => project.park === target.id)
        .map((project) => project.name.zh)
        .sort(),
    );

    await page.keyboard.press('Escape');
    await page.locator('.park-detail').waitFor({ state: 'detached' });
    const back = await focused(page, parkButton);
    expect(back.matches, `focus is on ${back.description}`).toBe(true);
    expectVisibleFocus(back);
    // The filter survived the round trip.
    expect(
      await page.locator(`input[aria-labelledby="chain-name-${toggled.id}"]`).isChecked(),
    ).toBe(false);
    expect(errors.messages).toEqual([]);
    await context.close();
  }, 120_000);

  it('the same journey closed with the back button: Shift+Tab to it, Enter', async () => {
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    await openTargetByKeyboard(page);

    await tabTo(page, '.park-detail .back-button', { back: true });
    await page.keyboard.press('Enter');
    await page.locator('.park-detail').waitFor({ state: 'detached' });
    const back = await focused(page, parkButton);
    expect(back.matches, `focus is on ${back.description}`).toBe(true);
    expectVisibleFocus(back);
    expect(errors.messages).toEqual([]);
    await context.close();
  }, 120_000);

  it('every Tab stop of the page shows a focus ring, the map’s own controls included', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    const stops: string[] = [];
    for (let press = 0; press < 200; press++) {
      await page.keyboard.press('Tab');
      const state = await focused(page);
      // Past the last stop focus leaves the page for the browser's own UI: one full round.
      if (state.description === 'body') break;
      expectVisibleFocus(state);
      stops.push(state.description);
    }
    const all = stops.join('\n');
    expect(all).toContain('lang-switch');
    expect(all).toContain(`chain-name-${toggled.id}`);
    expect(all).toContain('park-button');
    expect(all).toContain('maplibregl-canvas');
    expect(all).toContain('maplibregl-ctrl-zoom-in');
    expect(all).toContain('legend-item');
    await context.close();
  }, 120_000);
});

describe('reduced motion', () => {
  /** Opens the target park with a click in the page and reads the camera before and right after. */
  async function selectAndReadCamera(page: Page) {
    return page.evaluate(async (selector) => {
      type Camera = { zoom: number; lng: number; lat: number; moving: boolean };
      const probe = (window as unknown as { __zpeMap?: { camera(): Camera } }).__zpeMap;
      if (!probe) throw new Error('the map test probe is not installed');
      const before = probe.camera();
      document.querySelector<HTMLElement>(selector)?.click();
      // The map moves once the panel has painted (a frame, then a task). Read in the task right
      // after that one: a jump is complete, an animation has only begun.
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      const after = probe.camera();
      return { before, after };
    }, parkButton);
  }

  function camera(
    page: Page,
  ): Promise<{ zoom: number; lng: number; lat: number; moving: boolean }> {
    return page.evaluate(() =>
      (
        window as unknown as {
          __zpeMap: { camera(): { zoom: number; lng: number; lat: number; moving: boolean } };
        }
      ).__zpeMap.camera(),
    );
  }

  it('with prefers-reduced-motion the view jumps to a park; without it, it flies there', async () => {
    const reduced = await openPage(suite.browser, suite.server.url, { reducedMotion: 'reduce' });
    await waitForMapReady(reduced.page);
    const jump = await selectAndReadCamera(reduced.page);
    expect(jump.after.moving).toBe(false);
    expect(jump.after.zoom).toBeGreaterThan(jump.before.zoom + 1);
    // Two frames later nothing has moved: the camera was already at its final place.
    await reduced.page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const settled = await camera(reduced.page);
    expect(settled).toEqual(jump.after);
    await reduced.context.close();

    const animated = await openPage(suite.browser, suite.server.url, {
      reducedMotion: 'no-preference',
    });
    await waitForMapReady(animated.page);
    const fly = await selectAndReadCamera(animated.page);
    expect(fly.after.moving).toBe(true);
    expect(fly.after.zoom).toBeCloseTo(fly.before.zoom, 1);
    await expect
      .poll(async () => (await camera(animated.page)).moving, { timeout: 10_000 })
      .toBe(false);
    const landed = await camera(animated.page);
    // The flight ends where the jump went.
    expect(landed.zoom).toBeCloseTo(settled.zoom, 3);
    expect(landed.lng).toBeCloseTo(settled.lng, 5);
    expect(landed.lat).toBeCloseTo(settled.lat, 5);
    await animated.context.close();
  }, 120_000);
});

describe('the map’s text alternative', () => {
  it('the map region is described as showing the same parks as the list beside it', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    const description = await page.evaluate(() => {
      const region = document.querySelector('main.map-area');
      const ids = (region?.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      return ids
        .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`)
        .join(' ');
    });
    expect(description).toContain('“园区”列表');
    // The list it names is there, and holds the parks the map draws.
    const heading = await page.locator('#park-list-heading').textContent();
    expect(heading).toContain('园区');
    expect((await listedParkIds(page)).sort()).toEqual(parks.map((park) => park.id).sort());
    // Chromium's accessibility tree gives the map landmark that text as its description.
    const cdp = await context.newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        role?: { value?: string };
        name?: { value?: string };
        description?: { value?: string };
      }[];
    };
    const main = nodes.find((node) => node.role?.value === 'main');
    expect(main?.name?.value).toBe('地图');
    expect(main?.description?.value).toBe(description);
    await context.close();
  });
});
