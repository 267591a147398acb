import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { utils, write } from '@e965/xlsx';
import { pointOnFeature } from '@turf/turf';
import gcoord from 'gcoord';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chains,
  expectedFigures,
  projectsFile,
  segmentTexts,
  type ProjectRecord,
} from './chainCounts';
import { shippedParks } from './geo';
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

const GT = '官塘创新社区';
const GT_ID = shippedParks().find((park) => park.name.zh === GT)!.id;
const FILE = '2024重大项目.xlsx';

// The workbook's chain and segments, by their names in geo/chains.json: the segment with the most
// projects and one with none, so that the chain view's counts visibly move.
const CHAIN = chains.find((chain) => chain.id === 'next-gen-it')!;
const byProjects = [...CHAIN.segments].sort(
  (a, b) =>
    projectsFile.projects.filter((p) => p.segment === b.id).length -
    projectsFile.projects.filter((p) => p.segment === a.id).length,
);
const BUSY = byProjects[0]!;
const EMPTY = byProjects.at(-1)!;

/** A small ledger as an office writes it: a title row merged across, the header, three projects. */
function ledger(): Buffer {
  const sheet = utils.aoa_to_sheet([
    ['2024年重大项目清单（测试数据）'],
    ['项目名称', '所在园区', '产业链', '环节', '项目状态', '签约时间', '总投资（万元）'],
    ['测试数据湖四期', GT, CHAIN.name.zh, BUSY.name.zh, '在建', 2024, '12,000'],
    ['测试算力中心', '新区', CHAIN.name.zh, EMPTY.name.zh, '签约', '2024年5月', 3000],
    ['测试智能终端', '新区', CHAIN.name.zh, EMPTY.name.zh, '谋划', null, '约5亿元'],
  ]);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 6 } }];
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, '重大项目');
  return Buffer.from(write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
}

/** What the workbook adds, as the test reads it: every row in 官塘 ("新区" is answered 官塘). */
const ADDED: ProjectRecord[] = [BUSY, EMPTY, EMPTY].map((segment, i) => ({
  id: `added-${i}`,
  park: GT_ID,
  chain: CHAIN.id,
  segment: segment.id,
}));

/** Every segment card's project, park and firm figures, for `projects` (the files' by default). */
function figures(
  projects: readonly ProjectRecord[] = projectsFile.projects,
): Record<string, string[]> {
  return Object.fromEntries(
    CHAIN.segments.map((s) => [s.id, expectedFigures(CHAIN, s.id, projects)]),
  );
}

/** The project, park and firm figures the open chain view shows, by segment. */
async function shownFigures(page: Page): Promise<Record<string, string[]>> {
  const texts = await segmentTexts(page);
  return Object.fromEntries(Object.entries(texts).map(([id, t]) => [id, t.slice(0, 3)]));
}

/** Opens the chain view from its link, as a colleague's link would (a fresh load of the page). */
async function openChain(page: Page): Promise<void> {
  await page.goto(`${server.url}#chain=${CHAIN.id}`);
  await page.reload();
  await waitForMapReady(page);
  await page.getByRole('region', { name: CHAIN.name.zh, exact: true }).waitFor();
}

const POLL = { timeout: 20_000, interval: 250 };

/** The number of projects 官塘's detail lists, and their names. */
async function gtProjects(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: GT, exact: true }).first().click();
  const detail = page.getByRole('region', { name: GT });
  await detail.waitFor();
  const names = await detail.locator('ul.projects > li').allTextContents();
  await detail.getByRole('button', { name: /返回列表/ }).click();
  return names;
}

describe('importing a project list in the browser', () => {
  it(
    'reads a workbook, asks about an unknown park once, applies, persists, moves the chain counts by what it added, undoes and exports',
    { timeout: 180_000 },
    async () => {
      const { page, context, errors } = await openPage(browser, server.url);
      await waitForMapReady(page);
      const before = await gtProjects(page);

      await page.getByRole('button', { name: '导入项目清单', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: '导入项目清单（Excel / CSV）' });
      await dialog.waitFor();
      await dialog.getByLabel('选择项目清单文件').setInputFiles({
        name: FILE,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: ledger(),
      });
      await dialog.getByText(`${FILE}：表头在第 2 行，3 行数据`).waitFor();
      await dialog.getByText('1 处合并单元格：合并区域内每格都按其值读取').waitFor();
      await dialog.getByText('可导入 1 行，待确认 2 行，拒绝 0 行，跳过 0 行').waitFor();

      // "新区" is no park of the registry: one question for both rows that have it.
      const question = dialog.getByLabel(/所在园区「新区」（第 4, 5 行）/);
      await expect(question.count()).resolves.toBe(1);
      await question.selectOption({ label: GT });
      await dialog.getByText('可导入 3 行，待确认 0 行，拒绝 0 行，跳过 0 行').waitFor();
      await dialog.getByText('校验通过：新增 3 个，更新 0 个，移除 0 个项目。').waitFor();

      await dialog.getByRole('button', { name: '应用' }).click();
      await page.getByText(`正在使用导入的项目清单：${FILE}`).waitFor();
      await waitForMapReady(page);
      const after = await gtProjects(page);
      expect(after.length).toBe(before.length + 3);
      expect(after.join('\n')).toContain('测试算力中心');

      // Reload: the imported list persists (IndexedDB).
      await page.reload();
      await waitForMapReady(page);
      await page.getByText(`正在使用导入的项目清单：${FILE}`).waitFor();
      expect((await gtProjects(page)).length).toBe(before.length + 3);

      // Export projects.json: ready for geo/, each imported record naming its file, sheet and row.
      await page.getByRole('button', { name: '导入项目清单', exact: true }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('dialog').getByRole('button', { name: '导出 projects.json' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('projects.json');
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
        projects: {
          name: { zh: string };
          park: string;
          investment_cny_100m: number | null;
          sources: { title: string }[];
        }[];
      };
      const hub = exported.projects.find((p) => p.name.zh === '测试算力中心')!;
      expect(hub.park).toBe(GT_ID);
      expect(hub.investment_cny_100m).toBe(0.3);
      expect(hub.sources[0]!.title).toBe(`导入自 ${FILE} · 工作表「重大项目」 · 第 4 行`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog').count()).resolves.toBe(0);

      // The chain view counts exactly what the workbook added: its segments move, no other.
      const expected = figures([...projectsFile.projects, ...ADDED]);
      const shipped = figures();
      const moved = CHAIN.segments
        .map((s) => s.id)
        .filter((id) => JSON.stringify(expected[id]) !== JSON.stringify(shipped[id]));
      expect(moved.sort()).toEqual([BUSY.id, EMPTY.id].sort());
      await openChain(page);
      await expect.poll(() => shownFigures(page), POLL).toEqual(expected);

      // Undo: back to the shipped projects, and the counts with them.
      await page.getByRole('button', { name: '撤销项目更改' }).click();
      await expect(
        page.getByText('正在使用导入的项目清单').waitFor({ state: 'detached' }),
      ).resolves.toBeUndefined();
      await expect.poll(() => shownFigures(page), POLL).toEqual(shipped);
      await page.getByRole('button', { name: '关闭产业链视图' }).click();
      await waitForMapReady(page);
      expect(await gtProjects(page)).toEqual(before);

      // Export after the undo: the shipped list, project for project.
      await page.getByRole('button', { name: '导入项目清单', exact: true }).click();
      const [again] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('dialog').getByRole('button', { name: '导出 projects.json' }).click(),
      ]);
      const reverted = JSON.parse(readFileSync(await again.path(), 'utf8')) as {
        projects: { id: string }[];
      };
      expect(reverted.projects.map((p) => p.id)).toEqual(projectsFile.projects.map((p) => p.id));

      expect(errors.messages).toEqual([]);
      await context.close();
    },
  );

  it('asks once for the system of coordinates nothing states, and says which a header states', async () => {
    // A point inside 官塘 (Turf on geo/parks.geojson), written as AMap shows it (gcoord, GCJ-02).
    const parks = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../geo/parks.geojson'), 'utf8'),
    ) as { features: (GeoJSON.Feature & { properties: { id: string } })[] };
    const inside = pointOnFeature(parks.features.find((f) => f.properties.id === GT_ID)!).geometry
      .coordinates as [number, number];
    const [lon, lat] = gcoord.transform(inside, gcoord.WGS84, gcoord.GCJ02);
    const csv = (header: string): Buffer =>
      Buffer.from(
        `项目名称,所在园区,产业链,项目状态,${header}\n测试坐标项目,${GT},${CHAIN.name.zh},在建,"${lon},${lat}"\n`,
      );

    const { page, context, errors } = await openPage(browser, server.url);
    await waitForMapReady(page);
    await page.getByRole('button', { name: '导入项目清单', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '导入项目清单（Excel / CSV）' });
    const input = dialog.getByLabel('选择项目清单文件');
    await input.setInputFiles({ name: 'amap.csv', mimeType: 'text/csv', buffer: csv('经纬度') });
    await dialog.getByText('可导入 0 行，待确认 1 行，拒绝 0 行，跳过 0 行').waitFor();
    const question = dialog.getByLabel(/坐标系「经纬度」（第 2 行）/);
    // Each system's option says how many rows it puts inside their park; the choice is the user's.
    await expect(question.locator('option[value="use:gcj02"]').textContent()).resolves.toBe(
      'GCJ-02（高德、腾讯）（1/1 行落在所填园区内）',
    );
    await question.selectOption({ value: 'use:gcj02' });
    await dialog.getByText('可导入 1 行，待确认 0 行，拒绝 0 行，跳过 0 行').waitFor();
    await dialog.getByText('校验通过：新增 1 个，更新 0 个，移除 0 个项目。').waitFor();

    await input.setInputFiles({
      name: 'amap2.csv',
      mimeType: 'text/csv',
      buffer: csv('坐标（高德）'),
    });
    await dialog
      .getByText('坐标系：表头「坐标(高德)」注明为 GCJ-02（高德、腾讯），坐标将转换为 WGS-84。')
      .waitFor();
    await dialog.getByText('可导入 1 行，待确认 0 行，拒绝 0 行，跳过 0 行').waitFor();
    expect(await dialog.getByLabel(/坐标系「/).count()).toBe(0);
    expect(errors.messages).toEqual([]);
    await context.close();
  });

  it('a damaged workbook gives its one-line message and changes nothing', async () => {
    const { page, context } = await openPage(browser, server.url);
    await waitForMapReady(page);
    await page.getByRole('button', { name: '导入项目清单', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '导入项目清单（Excel / CSV）' });
    await dialog.getByLabel('选择项目清单文件').setInputFiles({
      name: 'locked.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]),
    });
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(
      /^locked\.xlsx：无法读取工作簿/,
    );
    await expect(dialog.getByRole('button', { name: '应用' }).isDisabled()).resolves.toBe(true);
    await context.close();
  });
});
