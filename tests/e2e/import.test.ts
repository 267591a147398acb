import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_BOUNDARIES } from '../fixtures/import/boundaries';
import { maxVertexError } from '../unit/import-helpers';
import { launchBrowser, openPage, serveDist, waitForMapReady, type StaticServer } from './harness';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const SHAPEFILE = resolve(import.meta.dirname, '../fixtures/import/parks-4549.zip');
const GT = '官塘创新社区';

/** Opens 官塘's detail from the list and returns its "mapped area" line. */
async function gtArea(page: Page): Promise<string> {
  await page.getByRole('button', { name: GT, exact: true }).first().click();
  const detail = page.getByRole('region', { name: GT });
  await detail.waitFor();
  const term = detail.locator('dt', { hasText: '图形面积' });
  const text = (await term.locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
  await detail.getByRole('button', { name: /返回列表/ }).click();
  return text;
}

describe('importing official boundaries in the browser', () => {
  // Three page loads and two map rebuilds in software WebGL: give it room on a busy machine.
  it(
    'imports a Shapefile in EPSG:4549: preview, apply, reload (persisted), export, reset',
    { timeout: 180_000 },
    async () => {
      const { page, context, errors } = await openPage(browser, server.url);
      await waitForMapReady(page);
      const before = await gtArea(page);
      expect(before).toContain('14.57 平方公里');
      expect(before).toContain('示意边界');

      // Open the panel and choose the file.
      await page.getByRole('button', { name: '导入官方边界', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: '导入官方边界' });
      await dialog.waitFor();
      await dialog.getByLabel('选择边界文件').setInputFiles(SHAPEFILE);
      await dialog.getByText('parks-4549.zip：3 个面要素').waitFor();
      await expect(dialog.getByLabel('文件的坐标系').inputValue()).resolves.toBe('auto');
      await dialog.getByText(/\.prj 声明为 .*EPSG:4549/).waitFor();

      // The preview is drawn on the map: three dashed outlines.
      await page.waitForSelector('.map[data-preview-features="3"]');
      await page.waitForSelector('.map[data-preview-rendered="3"]', { timeout: 30_000 });

      // Matched, unmatched and missing parks.
      const matched = dialog.getByRole('list', { name: '已对应的园区' });
      await expect(matched.locator('li').allTextContents()).resolves.toEqual([
        `${GT} ← ${GT}`,
        '镇江生态汽车产业园（上党） ← 镇江生态汽车产业园',
      ]);
      await expect(
        dialog.getByRole('list', { name: '未对应的要素' }).locator('li').count(),
      ).resolves.toBe(1);
      await dialog.getByText('校验通过：将替换 2 个园区的边界，新增 0 个园区。').waitFor();

      // Apply: the explorer rebuilds on the merged registry.
      const apply = dialog.getByRole('button', { name: '应用' });
      await expect(apply.isEnabled()).resolves.toBe(true);
      await apply.click();
      await page.getByText('正在使用导入的边界（parks-4549.zip').waitFor();
      await waitForMapReady(page);
      const after = await gtArea(page);
      // The hexagon of radius 500 m: 3√3/2 · 0.5² = 0.65 km².
      expect(after).toContain('0.65 平方公里');
      expect(after).toContain('官方边界');

      // Reload: the import persists (IndexedDB), and is validated in the registry worker beside
      // the shipped registry: the page itself never loads the validator.
      const mainThreadChunks: string[] = [];
      page.on('request', (request) => {
        if (request.frame() === page.mainFrame()) mainThreadChunks.push(request.url());
      });
      await page.reload();
      await waitForMapReady(page);
      await page.getByText('正在使用导入的边界（parks-4549.zip').waitFor();
      expect(await gtArea(page)).toContain('0.65 平方公里');
      expect(mainThreadChunks.some((url) => url.includes('/assets/persist-'))).toBe(true);
      expect(mainThreadChunks.filter((url) => /\/assets\/validate-/.test(url))).toEqual([]);

      // Export parks.geojson: the imported registry, ready for geo/.
      await page.getByRole('button', { name: '导入官方边界', exact: true }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('dialog').getByRole('button', { name: '导出 parks.geojson' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('parks.geojson');
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
        type: string;
        features: { properties: { id: string; boundary: string }; geometry: Polygon }[];
      };
      expect(exported.type).toBe('FeatureCollection');
      const gt = exported.features.find((f) => f.properties.id === 'gt')!;
      expect(gt.properties.boundary).toBe('official');
      expect(maxVertexError(gt.geometry, KNOWN_BOUNDARIES[0]!.geometry)).toBeLessThan(0.1);
      const dtAuto = exported.features.find((f) => f.properties.id === 'dt-auto')!;
      expect(maxVertexError(dtAuto.geometry, KNOWN_BOUNDARIES[1]!.geometry)).toBeLessThan(0.1);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog').count()).resolves.toBe(0);

      // Reset to shipped data restores the schematic boundary; undo is offered.
      await page.getByRole('button', { name: '恢复为发布数据' }).click();
      await page.getByText('已恢复为发布数据。').waitFor();
      await waitForMapReady(page);
      const reset = await gtArea(page);
      expect(reset).toContain('14.57 平方公里');
      expect(reset).toContain('示意边界');
      await expect(page.getByRole('button', { name: '撤销' }).count()).resolves.toBe(1);

      expect(errors.messages).toEqual([]);
      await context.close();
    },
  );

  it('a broken file gives its message and changes nothing', async () => {
    const { page, context } = await openPage(browser, server.url);
    await waitForMapReady(page);
    await page.getByRole('button', { name: '导入官方边界', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '导入官方边界' });
    await dialog
      .getByLabel('选择边界文件')
      .setInputFiles(resolve(import.meta.dirname, '../fixtures/import/broken-no-shp.zip'));
    await expect(dialog.getByRole('alert').textContent()).resolves.toBe(
      'broken-no-shp.zip：压缩包中没有 .shp 文件（只有 parks.dbf, parks.prj）',
    );
    await expect(dialog.getByRole('button', { name: '应用' }).isDisabled()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.getByText('正在使用导入的边界').count()).resolves.toBe(0);
    await context.close();
  });

  it(
    'a file that states no coordinate system is a choice, not a preview',
    { timeout: 120_000 },
    async () => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        reducedMotion: 'reduce',
      });
      await context.addInitScript({
        content: readFileSync(
          createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
          'utf8',
        ),
      });
      const page = await context.newPage();
      await page.goto(server.url);
      await waitForMapReady(page);
      await page.getByRole('button', { name: '导入官方边界', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: '导入官方边界' });
      await dialog
        .getByLabel('选择边界文件')
        .setInputFiles(resolve(import.meta.dirname, '../fixtures/import/parks.gcj02.geojson'));
      const ask = dialog.getByRole('radiogroup', { name: /文件没有声明坐标系/ });
      await ask.waitFor();
      // Each system that fits, with how far it would move the data; nothing is drawn or applicable yet.
      const options = await ask.getByRole('radio').count();
      expect(options).toBe(3);
      await ask.getByText(/GCJ-02 火星坐标.*：移动 \d+ 米（文件名提示）/).waitFor();
      await expect(page.locator('.map[data-preview-features="3"]').count()).resolves.toBe(0);
      await expect(dialog.getByRole('button', { name: '应用' }).isDisabled()).resolves.toBe(true);
      const serious = await page.evaluate(async () => {
        type Result = { violations: { id: string; impact: string | null }[] };
        const axe = (window as unknown as { axe: { run(d: Document): Promise<Result> } }).axe;
        return (await axe.run(document)).violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => v.id);
      });
      expect(serious).toEqual([]);
      // Choosing a system draws the preview and names the transformation.
      await ask.getByRole('radio', { name: /GCJ-02/ }).check();
      await page.waitForSelector('.map[data-preview-features="3"]');
      await dialog.getByText(/转换方法：撤销 GCJ-02 偏移/).waitFor();
      await context.close();
    },
  );

  it('the dialog, with a new-park form open, has no serious accessibility violations (axe)', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    await context.addInitScript({
      content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'),
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForMapReady(page);
    await page.getByRole('button', { name: '导入官方边界', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '导入官方边界' });
    // Focus moves into the dialog, to its heading, once the lazily loaded panel is there.
    await dialog.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'import-heading');
    await dialog.getByLabel('选择边界文件').setInputFiles(SHAPEFILE);
    await dialog.getByText('parks-4549.zip：3 个面要素').waitFor();
    await dialog.getByLabel(/#3 镇江新材料产业园/).selectOption('new');
    await dialog.getByRole('group', { name: '新园区（必填项）' }).waitFor();
    const serious = await page.evaluate(async () => {
      type Result = {
        violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
      };
      const axe = (window as unknown as { axe: { run(d: Document): Promise<Result> } }).axe;
      const result = await axe.run(document);
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(serious).toEqual([]);
    // Escape closes the dialog and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      '导入官方边界',
    );
    await context.close();
  });
});
