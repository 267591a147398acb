import { createSignal, type Accessor } from 'solid-js';

/** A QR code's modules, row by row: true is dark. Without the quiet zone around it. */
export type QrMatrix = readonly (readonly boolean[])[];

/** Turns a text into a QR code; throws when the text is too long for any QR version. */
export type QrEncoder = (text: string) => QrMatrix;

/** The light margin a reader needs around the code, in modules (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE = 4;

const [encoder, setEncoder] = createSignal<QrEncoder>();
let loading: Promise<QrEncoder> | undefined;

/**
 * Loads the generator (uqr) on first use, in its own chunk, so the first load never carries it.
 * Error correction M (15 %): a printed or photographed code survives a fold or a glare. Once it is
 * loaded, `qrEncoder()` has it, so every code on the page redraws at once (and before a print).
 */
export function loadQrEncoder(): Promise<QrEncoder> {
  loading ??= import('uqr').then(
    ({ encode }) => {
      const encodeText: QrEncoder = (text) => encode(text, { ecc: 'M', border: 0 }).data;
      setEncoder(() => encodeText);
      return encodeText;
    },
    (error: unknown) => {
      // A failed chunk load (e.g. the site was updated meanwhile) may succeed on the next try.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The generator once loaded, else undefined; reading it in a computation tracks the load. */
export const qrEncoder: Accessor<QrEncoder | undefined> = encoder;

/**
 * SVG path data for the dark modules, one rectangle per horizontal run of them, shifted by the
 * quiet zone; the unit is one module.
 */
export function qrPath(matrix: QrMatrix, offset = QUIET_ZONE): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (row[x]) x++;
      parts.push(`M${start + offset} ${y + offset}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join('');
}
