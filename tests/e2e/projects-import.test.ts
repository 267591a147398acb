import { readFileSync } from 'node:fs';
import { utils, write } from '@e965/xlsx';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const FILE = '2024重大项目.xlsx';

/** A small ledger as an office writes it: a title row merged across, the header, three projects. */
function ledger(): Buffer {
  const sheet = utils.aoa_to_sheet([
    ['2024年重大项目清单（测试数据）'],
    ['项目名称', '所在园区', '产业链', '项目状态', '签约时间', '总投资（万元）'],
    ['测试数据湖四期', GT, '新一代信息技术', '在建', 2024, '12,000'],
    ['测试算力中心', '新区', '新一代信息技术', '签约', '2024年5月', 3000],
    ['测试智能终端', '新区', '新一代信息技术', '谋划', null, '约5亿元'],
  ]);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 5 } }];
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, '重大项目');
  return Buffer.from(write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
}

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
    'reads a workbook, asks about an unknown park once, applies, persists, exports and undoes',
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
      expect(hub.park).toBe('gt');
      expect(hub.investment_cny_100m).toBe(0.3);
      expect(hub.sources[0]!.title).toBe(`导入自 ${FILE} · 工作表「重大项目」 · 第 4 行`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog').count()).resolves.toBe(0);

      // Undo: back to the shipped projects.
      await page.getByRole('button', { name: '撤销项目更改' }).click();
      await expect(
        page.getByText('正在使用导入的项目清单').waitFor({ state: 'detached' }),
      ).resolves.toBeUndefined();
      await waitForMapReady(page);
      expect(await gtProjects(page)).toEqual(before);

      expect(errors.messages).toEqual([]);
      await context.close();
    },
  );

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
