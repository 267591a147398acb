import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { ROOT } from './build';

/** Where the numbers were measured: the commit, and the browser's WebGL. */

/** The commit measured and whether src/, bench/ or the build config had uncommitted changes. */
export function gitState(): { commit: string; dirty: boolean } | null {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty =
      execFileSync(
        'git',
        ['status', '--porcelain', '--', 'src', 'bench', 'vite.config.ts', 'package.json'],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      ).trim() !== '';
    return { commit, dirty };
  } catch {
    return null;
  }
}

/** The WebGL renderer the browser reports (SwiftShader on the test machine), or "no WebGL 2". */
export async function probeWebgl(browser: Browser): Promise<string> {
  const page = await browser.newPage();
  const webgl = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'no WebGL 2';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  });
  await page.close();
  return webgl;
}
