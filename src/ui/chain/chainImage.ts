import type { Chain } from '../../data/schema';
import { composeMapImage, type MapImageFrame } from '../mapImage';

/** One line of the segment table under the map. */
export interface ChainImageRow {
  readonly stage: string;
  readonly segment: string;
  readonly figures: string;
  readonly coverage: string;
  readonly selected: boolean;
}

/** What the chain image shows around the map. */
export interface ChainImageFrame {
  readonly chain: Chain;
  readonly title: string;
  readonly subtitle: string;
  readonly legendTitle: string;
  readonly legendLabel: string;
  readonly rows: readonly ChainImageRow[];
  readonly note: string;
  readonly date: string;
  /** The link's QR code, as on the map image; null without one. */
  readonly qr: MapImageFrame['qr'];
}

const MARGIN = 24;
const ROW_HEIGHT = 22;
const FONT = "system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

function toPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('could not encode PNG'))),
      'image/png',
    ),
  );
}

/**
 * The chain view as a PNG: the map image of the export menu (title, legend, date and data note,
 * drawn by composeMapImage) with the chain's segment table under it. Everything is canvas text,
 * so names can never be read as markup.
 */
export async function composeChainImage(
  map: HTMLCanvasElement,
  frame: ChainImageFrame,
): Promise<Blob> {
  const framed = await createImageBitmap(
    await composeMapImage(map, {
      title: frame.title,
      subtitle: frame.subtitle,
      legendTitle: frame.legendTitle,
      chains: [{ chain: frame.chain, label: frame.legendLabel }],
      note: frame.note,
      date: frame.date,
      qr: frame.qr,
    }),
  );
  const scale = map.width / Math.max(1, map.clientWidth || map.width);
  const width = framed.width / scale;
  const tableHeight = MARGIN + ROW_HEIGHT * (frame.rows.length + 1);
  const canvas = document.createElement('canvas');
  canvas.width = framed.width;
  canvas.height = Math.round(framed.height + tableHeight * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('2D canvas is not available');
  context.drawImage(framed, 0, 0);
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, framed.height / scale, width, tableHeight);
  const columns = [MARGIN, MARGIN + 70, MARGIN + 340, width - MARGIN - 220];
  const top = framed.height / scale + MARGIN;
  frame.rows.forEach((row, i) => {
    const y = top + i * ROW_HEIGHT;
    if (row.selected) {
      context.fillStyle = '#fff4d6';
      context.fillRect(MARGIN - 6, y - 15, width - MARGIN * 2 + 12, ROW_HEIGHT);
    }
    context.fillStyle = '#1f2328';
    context.font = `${row.selected ? '600 ' : ''}13px ${FONT}`;
    context.fillText(row.stage, columns[0] ?? 0, y, 64);
    context.fillText(row.segment, columns[1] ?? 0, y, 260);
    context.fillText(row.figures, columns[2] ?? 0, y, (columns[3] ?? 0) - (columns[2] ?? 0) - 8);
    context.fillText(row.coverage, columns[3] ?? 0, y, 220);
  });
  return toPng(canvas);
}
