import type { Chain } from '../data/schema';

/** What goes around the map in an exported image. */
export interface MapImageFrame {
  readonly title: string;
  readonly subtitle: string;
  readonly legendTitle: string;
  /** The chains shown, in legend order. */
  readonly chains: readonly { chain: Chain; label: string }[];
  readonly note: string;
  readonly date: string;
}

const MARGIN = 24;
const TITLE_HEIGHT = 64;
const LEGEND_WIDTH = 260;
const FONT = "system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

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
  const height = MARGIN * 2 + TITLE_HEIGHT + mapHeight + 40;
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
