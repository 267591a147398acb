import { describe, expect, it } from 'vitest';
import { shippedParks } from './geo';
import { openPage, useSuite, waitForMapReady } from './harness';

/**
 * Search by a park's other names on the shipped registry: the park is found by an alias the data
 * gives it, its row shows the official name and the alias, and choosing it opens the park.
 */

const suite = useSuite();

const parks = shippedParks();
/** The park a typed alias names, from geo/parks.geojson. */
const byAlias = (alias: string): { id: string; zh: string; en: string } => {
  const park = parks.find((candidate) => candidate.aliases.includes(alias));
  if (!park) throw new Error(`no park in geo/parks.geojson has the alias ${alias}`);
  return { id: park.id, zh: park.name.zh, en: park.name.en ?? park.name.zh };
};

describe('search by alias', () => {
  it('finds a park by its alias, shows “又称 …”, and opens it', async () => {
    const cbz = byAlias('镇江综保区');
    const { page, context, errors } = await openPage(suite.browser, suite.server.url);
    await waitForMapReady(page);
    await page.locator('#search-input').fill('综保区');
    const option = page.getByRole('option', { name: `${cbz.zh}，园区，又称 镇江综保区` });
    await option.waitFor();
    expect(await option.locator('.result-name').textContent()).toBe(cbz.zh);
    expect(await option.locator('.result-alias').textContent()).toBe('又称 镇江综保区');
    expect(await option.locator('.result-alias mark').textContent()).toBe('综保区');
    await page.locator('#search-input').press('Enter');
    await page.getByRole('region', { name: cbz.zh }).waitFor();
    await page.waitForFunction((id) => window.location.hash.includes(`park=${id}`), cbz.id);
    expect(errors.messages).toEqual([]);
    await context.close();
  });

  it('in English, says “also …” and opens the park chosen with the mouse', async () => {
    const danyang = byAlias('丹阳高新区');
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}#lang=en`);
    await waitForMapReady(page);
    await page.locator('#search-input').fill('丹阳高新区');
    const option = page.getByRole('option', { name: `${danyang.en}, park, also 丹阳高新区` });
    await option.waitFor();
    expect(await option.locator('.result-alias').textContent()).toBe('also 丹阳高新区');
    await option.click();
    await page.getByRole('region', { name: danyang.en }).waitFor();
    await page.waitForFunction((id) => window.location.hash.includes(`park=${id}`), danyang.id);
    expect(errors.messages).toEqual([]);
    await context.close();
  });
});
