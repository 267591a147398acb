import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chains, expectedFigures, projectsFile, segmentTexts } from './chainCounts';
import { openPage, useSuite, waitForMapReady } from './harness';

const suite = useSuite();

const GT = '官塘创新社区';
const NAME = '测试在应用中添加的项目';
const NOTICE = '正在使用在应用中修改过的项目清单';
const CHAIN = chains.find((chain) => chain.id === 'next-gen-it')!;
const SEGMENT = 'it-software-services';

interface Probe {
  parkAt(x: number, y: number): string | null;
  camera(): { moving: boolean };
}

/** Waits until the map has drawn and its camera has stopped. */
async function settled(page: Page): Promise<void> {
  await waitForMapReady(page);
  await page.waitForFunction(() => {
    const probe = (window as unknown as { __zpeMap?: Probe }).__zpeMap;
    return probe !== undefined && !probe.camera().moving;
  });
}

/**
 * A canvas point (page pixels) where the drawn map has park `id` on top, and one where it has
 * not, found on a 12 px grid by the map's own hit test.
 */
async function inAndOut(page: Page, id: string): Promise<{ inside: Point; outside: Point }> {
  const box = (await page.locator('.map canvas').boundingBox())!;
  const found = await page.evaluate((id) => {
    const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
    const probe = (window as unknown as { __zpeMap: Probe }).__zpeMap;
    const inside: Point[] = [];
    let outside: Point | null = null;
    // Keep clear of the edges, where the controls and the cue sit.
    for (let y = 80; y < canvas.clientHeight - 60; y += 12)
      for (let x = 60; x < canvas.clientWidth - 60; x += 12) {
        const park = probe.parkAt(x, y);
        if (park === id) inside.push({ x, y });
        else if (park === null && outside === null) outside = { x, y };
      }
    // The middle one of the park's points: well inside it, not on its edge.
    return { inside: inside[Math.floor(inside.length / 2)] ?? null, outside };
  }, id);
  expect(found.inside).not.toBeNull();
  expect(found.outside).not.toBeNull();
  const page_ = (p: Point): Point => ({ x: box.x + p.x, y: box.y + p.y });
  return { inside: page_(found.inside!), outside: page_(found.outside!) };
}
type Point = { x: number; y: number };

/** Opens 官塘's detail from the list and returns it. */
async function openGt(page: Page): Promise<Locator> {
  const detail = page.getByRole('region', { name: GT, exact: true });
  if (!(await detail.isVisible())) {
    await page.getByRole('button', { name: GT, exact: true }).first().click();
  }
  await detail.waitFor();
  return detail;
}

/** The project names 官塘's detail lists, sorted (the list has its own order). */
async function listed(detail: Locator): Promise<string[]> {
  return (await detail.locator('ul.projects > li .project-name').allTextContents()).sort();
}

describe('editing projects in the app', () => {
  it(
    'adds a project by picking a point inside its park, persists it, edits, deletes and undoes',
    { timeout: 240_000 },
    async () => {
      const { page, context, errors } = await openPage(suite.browser, suite.server.url);
      await settled(page);
      let detail = await openGt(page);
      const before = await listed(detail);

      await detail.getByRole('button', { name: '在此园区添加项目' }).click();
      const form = detail.getByRole('form', { name: '添加项目' });
      await form.waitFor();
      await form.getByLabel('项目名称（中文，必填）').fill(NAME);
      await form.getByLabel('产业链（必填）').selectOption({ label: '新一代信息技术' });
      await form.getByLabel('环节').selectOption(SEGMENT);
      await form.getByLabel('项目状态').selectOption('signed');
      await form.getByLabel('年份（状态所在年份）').fill('二〇二五');
      // Checked as typed: the year names its field and the problem.
      await form.getByText('年份：「二〇二五」不是年份（如 2024）').waitFor();
      await expect(form.getByRole('button', { name: '保存' }).isDisabled()).resolves.toBe(true);
      await form.getByLabel('年份（状态所在年份）').fill('2025');
      await form.getByLabel('总投资（不详可留空）').fill('3000');
      await form.getByLabel('单位').selectOption('wan');

      // Pick the location: a click outside the park is refused in the cue, one inside taken.
      await form.getByRole('button', { name: '在地图上选点' }).click();
      const cue = page.locator('.map-pick-cue');
      await expect(cue.textContent()).resolves.toContain(`请在「${GT}」内点击项目位置`);
      await settled(page);
      const { inside, outside } = await inAndOut(page, 'gt');
      await page.mouse.click(outside.x, outside.y);
      await expect.poll(() => cue.textContent()).toContain(`这一点不在「${GT}」内。`);
      await page.mouse.click(inside.x, inside.y);
      await cue.waitFor({ state: 'detached' });
      await form.getByText(/^已选定位置：119\.\d+, 32\.\d+$/).waitFor();
      await expect(form.getByLabel('经度').inputValue()).resolves.toMatch(/^119\.\d+$/);
      // The click that picked did not open anything else.
      await expect(detail.isVisible()).resolves.toBe(true);

      await form.getByText('检查通过。').waitFor();
      await form.getByRole('button', { name: '保存' }).click();
      await page.getByText(NOTICE).waitFor();
      await settled(page);
      detail = await openGt(page);
      await expect.poll(() => listed(detail)).toEqual([...before, NAME].sort());
      const row = detail.locator('ul.projects > li', { hasText: NAME });
      await expect(row.textContent()).resolves.toContain('2025');
      await expect(row.getByRole('button', { name: '在地图上定位' }).count()).resolves.toBe(1);

      // The chain view counts it at once, as geo/ plus this one project would.
      await detail.locator(`[data-open-chain="${CHAIN.id}"]`).click();
      await page.getByRole('region', { name: CHAIN.name.zh, exact: true }).waitFor();
      const withIt = [
        ...projectsFile.projects,
        { id: 'added', park: 'gt', chain: CHAIN.id, segment: SEGMENT },
      ];
      await expect
        .poll(async () => (await segmentTexts(page))[SEGMENT]?.slice(0, 3))
        .toEqual(expectedFigures(CHAIN, SEGMENT, withIt));

      // Reload: the edit persists (IndexedDB).
      await page.goto(`${suite.server.url}#park=gt`);
      await page.reload();
      await settled(page);
      await page.getByText(NOTICE).waitFor();
      detail = await openGt(page);
      await expect.poll(() => listed(detail)).toEqual([...before, NAME].sort());

      // Edit: the year changes.
      await detail.getByRole('button', { name: `编辑「${NAME}」` }).click();
      const editForm = detail.getByRole('form', { name: `编辑项目：${NAME}` });
      await editForm.getByText('还没有改动。').waitFor();
      await editForm.getByLabel('年份（状态所在年份）').fill('2026');
      await editForm.getByText('检查通过。').waitFor();
      await editForm.getByRole('button', { name: '保存' }).click();
      await settled(page);
      detail = await openGt(page);
      await expect
        .poll(() => detail.locator('ul.projects > li', { hasText: NAME }).textContent())
        .toContain('2026');

      // Delete, confirmed.
      await detail.getByRole('button', { name: `编辑「${NAME}」` }).click();
      await detail.getByRole('button', { name: '删除此项目' }).click();
      await detail.getByRole('alertdialog').getByRole('button', { name: '确定删除' }).click();
      await settled(page);
      detail = await openGt(page);
      await expect.poll(() => listed(detail)).toEqual(before);

      // Undo, from the park's list where the delete was made: the project is back, as last edited.
      await detail.getByRole('button', { name: '撤销刚才的项目编辑' }).click();
      await settled(page);
      detail = await openGt(page);
      await expect.poll(() => listed(detail)).toEqual([...before, NAME].sort());
      await expect(
        detail.locator('ul.projects > li', { hasText: NAME }).textContent(),
      ).resolves.toContain('2026');

      expect(errors.messages).toEqual([]);
      await context.close();
    },
  );

  it('Escape cancels a pick and leaves the park detail open', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.url);
    await settled(page);
    const detail = await openGt(page);
    await detail.getByRole('button', { name: '在此园区添加项目' }).click();
    const form = detail.getByRole('form', { name: '添加项目' });
    await form.getByRole('button', { name: '在地图上选点' }).click();
    await page.locator('.map-pick-cue').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.map-pick-cue').waitFor({ state: 'detached' });
    await form.getByText('已取消选点。').waitFor();
    await expect(detail.isVisible()).resolves.toBe(true);
    await expect(form.getByLabel('经度').inputValue()).resolves.toBe('');
    await context.close();
  });

  it('the open form, with a problem shown, has no serious or critical axe violation', async () => {
    const context = await suite.browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    await context.addInitScript({
      content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'),
    });
    const page = await context.newPage();
    await page.goto(suite.server.url);
    await settled(page);
    const detail = await openGt(page);
    await detail.getByRole('button', { name: '在此园区添加项目' }).click();
    const form = detail.getByRole('form', { name: '添加项目' });
    await form.getByLabel('年份（状态所在年份）').fill('去年');
    await form.getByText('年份：「去年」不是年份（如 2024）').waitFor();
    const serious = await page.evaluate(async () => {
      type Result = { violations: { id: string; impact: string | null; nodes: unknown[] }[] };
      const axe = (window as unknown as { axe: { run(d: Document): Promise<Result> } }).axe;
      const result = await axe.run(document);
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}) × ${v.nodes.length}`);
    });
    expect(serious).toEqual([]);
    await context.close();
  });
});
