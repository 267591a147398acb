import { text, type Text } from '../text';

/**
 * CSV as the offices export it: from Excel in UTF-8 with a byte-order mark, from WPS or an older
 * Excel in GBK (GB18030), now and then UTF-16 ("Unicode text"), with commas, tabs or semicolons.
 * Read here rather than by the spreadsheet library, so the encoding is detected and reported and
 * no cell is turned into a number, a date or a formula behind the user's back.
 */

/** The encodings told apart. */
export type CsvEncoding = 'utf-8-bom' | 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Decoded text and the encoding it was read in. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: CsvEncoding;
}

/**
 * Decodes CSV bytes: a byte-order mark decides; without one, bytes that are valid UTF-8 are
 * UTF-8, and anything else is GB18030 (a superset of GBK and GB2312, which is what a Chinese
 * Windows writes).
 */
export function decodeCsv(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** How the encoding is reported to the user. */
export function encodingNote(encoding: CsvEncoding): Text {
  switch (encoding) {
    case 'utf-8-bom':
      return text('编码：UTF-8（带 BOM）', 'Encoding: UTF-8 (with BOM)');
    case 'utf-8':
      return text('编码：UTF-8（无 BOM）', 'Encoding: UTF-8 (no BOM)');
    case 'gb18030':
      return text(
        '编码：GBK/GB18030（文件不是有效的 UTF-8，按中文 Windows 编码读取）',
        'Encoding: GBK/GB18030 (not valid UTF-8, read as a Chinese Windows file)',
      );
    case 'utf-16le':
    case 'utf-16be':
      return text('编码：UTF-16（Unicode 文本）', 'Encoding: UTF-16 (Unicode text)');
  }
}

const DELIMITERS = [',', '\t', ';'] as const;

/** The delimiter that splits the first lines into the most equal, widest rows. */
function guessDelimiter(source: string): string {
  const lines = source
    .split(/\r\n|\n|\r/)
    .slice(0, 20)
    .filter((line) => line.trim() !== '');
  let best: { delimiter: string; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => line.split(delimiter).length - 1);
    const max = Math.max(0, ...counts);
    const score = max === 0 ? 0 : counts.filter((count) => count === max).length * max;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/**
 * Splits CSV text into rows of fields (RFC 4180: quoted fields may hold delimiters, line breaks
 * and doubled quotes). Every field stays text; trailing empty lines are dropped.
 */
export function parseCsv(source: string, delimiter = guessDelimiter(source)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += char;
      i++;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (char === '\r' && source[i + 1] === '\n') i++;
    } else field += char;
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  while (rows.length > 0 && (rows.at(-1) ?? []).every((cell) => cell.trim() === '')) rows.pop();
  return rows;
}
