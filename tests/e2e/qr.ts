import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';

/**
 * Reads the QR code in a PNG (a screenshot or an exported image): the browser decodes the PNG
 * into pixels, jsQR (a decoder independent of the app's generator) reads the code. Null when no
 * code is found.
 */
export async function decodeQr(page: Page, png: Buffer): Promise<string | null> {
  const pixels = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000)
      binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { width: canvas.width, height: canvas.height, data: btoa(binary) };
  }, png.toString('base64'));
  const data = new Uint8ClampedArray(Buffer.from(pixels.data, 'base64'));
  return jsQR(data, pixels.width, pixels.height)?.data ?? null;
}

/** The shipped projects that have a location on the map. */
export function projectsWithLocation(): {
  id: string;
  park: string;
  name: { zh: string; en?: string };
  location: [number, number];
}[] {
  const file = resolve(import.meta.dirname, '../../geo/projects.json');
  const { projects } = JSON.parse(readFileSync(file, 'utf8')) as {
    projects: { id: string; park: string | null; name: { zh: string }; location?: unknown }[];
  };
  return projects.filter(
    (project): project is ReturnType<typeof projectsWithLocation>[number] =>
      Array.isArray(project.location) && typeof project.park === 'string',
  );
}
