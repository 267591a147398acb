import type { Chain } from '../data/schema';
import { QUIET_ZONE, type QrMatrix } from './qr/qr';

/** What goes around the map in an exported image. */
export interface MapImageFrame {
  readonly title: string;
  readonly subtitle: string;
  readonly legendTitle: string;
  /** The chains shown, in legend order. */
  readonly chains: readonly { chain: Chain; label: string }[];
  readonly note: string;
  readonly date: string;
  /** The QR code of the current link and its caption, drawn under the legend; absent or null: none. */
  readonly qr?: { readonly matrix: QrMatrix; readonly caption: string } | null;
}

const MARGIN = 24;
const TITLE_HEIGHT = 64;
const LEGEND_WIDTH = 260;
const FONT = "system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
/** Height of the line under the QR code. */
const QR_CAPTION = 24;
/** The QR code's widest side, so that it stays inside the legend column. */
const QR_MAX_SIDE = 200;

/** Whole pixels per module (at least 2, so a phone camera can read the image on a screen). */
function qrModule(matrix: QrMatrix): number {
  return Math.max(2, Math.floor(QR_MAX_SIDE / (matrix.length + 2 * QUIET_ZONE)));
}

/** Draws a QR code with its white quiet zone, `module` pixels per module, from its top-left. */
function drawQr(
  context: CanvasRenderingContext2D,
  matrix: QrMatrix,
  left: number,
  top: number,
  module: number,
): void {
  const side = (matrix.length + 2 * QUIET_ZONE) * module;
  context.fillStyle = '#ffffff';
  context.fillRect(left, top, side, side);
  context.fillStyle = '#000000';
  matrix.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark)
        context.fillRect(
          left + (x + QUIET_ZONE) * module,
          top + (y + QUIET_ZONE) * module,
          module,
          module,
        );
    }),
  );
}

/**
 * Draws the map snapshot with a title, a legend, the date and the data note, as a PNG blob.
 * Everything is drawn as canvas text, so names can never be interpreted as markup.
 */
export function composeMapImage(map: HTMLCanvasElement, frame: MapImageFrame): Promise<Blob> {
  const scale = map.width / Math.max(1, map.clientWidth || map.width);
  const mapWidth = map.width / scale;
  const mapHeight = map.height / scale;
  const canvas = document.createElement('canvas');
  const width = MARGIN * 3 + mapWidth + LEGEND_WIDTH;
  const legendBottom = MARGIN + TITLE_HEIGHT + 36 + frame.chains.length * 24;
  const qrSide = frame.qr
    ? qrModule(frame.qr.matrix) * (frame.qr.matrix.length + 2 * QUIET_ZONE)
    : 0;
  // The code sits at the foot of the legend column, level with the map's bottom edge, unless a
  // long legend pushes it (and the image) further down.
  const qrTop = Math.max(
    legendBottom + 12,
    MARGIN + TITLE_HEIGHT + mapHeight - qrSide - QR_CAPTION,
  );
  const height = Math.max(
    MARGIN * 2 + TITLE_HEIGHT + mapHeight + 40,
    frame.qr ? qrTop + qrSide + QR_CAPTION + MARGIN + 40 : 0,
  );
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('2D canvas is not available'));
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);

  context.fillStyle = '#17324d';
  context.font = `600 24px ${FONT}`;
  context.fillText(frame.title, MARGIN, MARGIN + 26);
  context.fillStyle = '#5c6066';
  context.font = `14px ${FONT}`;
  context.fillText(frame.subtitle, MARGIN, MARGIN + 50);

  const mapTop = MARGIN + TITLE_HEIGHT;
  context.drawImage(map, MARGIN, mapTop, mapWidth, mapHeight);
  context.strokeStyle = '#c9ccd1';
  context.strokeRect(MARGIN, mapTop, mapWidth, mapHeight);

  const legendLeft = MARGIN * 2 + mapWidth;
  context.fillStyle = '#1f2328';
  context.font = `600 15px ${FONT}`;
  context.fillText(frame.legendTitle, legendLeft, mapTop + 16);
  context.font = `13px ${FONT}`;
  frame.chains.forEach(({ chain, label }, position) => {
    const y = mapTop + 36 + position * 24;
    context.fillStyle = chain.color;
    context.fillRect(legendLeft, y - 11, 16, 14);
    context.strokeStyle = 'rgba(0,0,0,0.4)';
    context.strokeRect(legendLeft, y - 11, 16, 14);
    context.fillStyle = '#1f2328';
    context.fillText(label, legendLeft + 24, y, LEGEND_WIDTH - 28);
  });

  if (frame.qr) {
    drawQr(context, frame.qr.matrix, legendLeft, qrTop, qrModule(frame.qr.matrix));
    context.fillStyle = '#1f2328';
    context.font = `12px ${FONT}`;
    context.fillText(frame.qr.caption, legendLeft, qrTop + qrSide + 16, LEGEND_WIDTH);
  }

  context.fillStyle = '#5c6066';
  context.font = `12px ${FONT}`;
  context.fillText(
    `${frame.date} · ${frame.note}`,
    MARGIN,
    height - MARGIN + 4,
    width - MARGIN * 2,
  );

  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('could not encode PNG'))),
      'image/png',
    ),
  );
}
