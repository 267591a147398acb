import { launchBrowser, openPage, serveDist, waitForMapReady } from './harness';

/**
 * Takes screenshots of the built app for a person to look at:
 * `npx tsx tests/e2e/screenshot.ts OUT_DIR [HASH...]` writes desktop and phone PNGs per hash.
 */
async function main(): Promise<void> {
  const [outDir = '.', ...hashes] = process.argv.slice(2);
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    for (const [position, hash] of (hashes.length > 0 ? hashes : ['']).entries()) {
      for (const [label, viewport] of [
        ['desktop', { width: 1366, height: 820 }],
        ['phone', { width: 375, height: 740 }],
      ] as const) {
        const { page, context, errors } = await openPage(browser, `${server.url}${hash}`, {
          viewport,
        });
        await waitForMapReady(page).catch(() => undefined);
        await page.waitForTimeout(600);
        const file = `${outDir}/${position}-${label}.png`;
        await page.screenshot({ path: file });
        console.log(file, errors.messages.length > 0 ? errors.messages : 'no errors');
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
