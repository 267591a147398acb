import { read, SSF, utils, type CellObject, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { ImportError, plural, text, type Text } from '../text';
import { headerScore } from './columns';
import { decodeCsv, encodingNote, parseCsv, type CsvEncoding } from './csv';
import { excelSerialToDate, type CellValue } from './values';

/**
 * Reads a project ledger — .xlsx, .xls, .ods or .csv — into a plain grid of cells, one sheet at a
 * time: merged cells filled with their value, Excel dates as YYYY-MM-DD, formulas as their cached
 * value (and said so), CSV decoded by {@link decodeCsv}. The spreadsheet library is SheetJS
 * 0.20.3 as republished on npm by `@e965/xlsx` (npm's own `xlsx` stops at 0.18.5, which has two
 * advisories); this module is loaded only in the importer's worker and on the command line.
 */

/** A file to read: its name (for messages and provenance) and its bytes. */
export interface LedgerFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The formats read. */
export type LedgerFormat = 'xlsx' | 'xls' | 'ods' | 'csv';

/** The rows a sheet may have: a stated limit, so a runaway sheet is refused rather than hung on. */
export const MAX_ROWS = 100_000;

/** One sheet as cells: `rows[0]` is the sheet's row 1. */
export interface SheetGrid {
  readonly fileName: string;
  readonly format: LedgerFormat;
  /** Every sheet of the workbook (one for CSV), in workbook order. */
  readonly sheets: readonly string[];
  /** The sheet read (null for CSV). */
  readonly sheet: string | null;
  readonly rows: readonly (readonly CellValue[])[];
  /** The CSV's encoding (null for workbooks). */
  readonly encoding: CsvEncoding | null;
  /** What the reader did that the user should know: encoding, formulas, merges, dates. */
  readonly notes: readonly Text[];
}

/** Options of {@link readLedger}. */
export interface ReadLedgerOptions {
  /** The sheet to read; by default the one whose header row names the most fields. */
  readonly sheet?: string;
  /** Headers the user mapped by hand: they count when finding the sheet's header row. */
  readonly headers?: ReadonlySet<string>;
}

const ZIP = [0x50, 0x4b];
const CFB = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

function extension(name: string): string {
  return name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
}

/** Whether the bytes look like text (a CSV or TSV, perhaps saved with an .xls name). */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) if (byte < 9 || (byte > 13 && byte < 32)) control++;
  return sample.length > 0 && control / sample.length < 0.01;
}

/** Reads a ledger file; throws an {@link ImportError} naming the file and the problem. */
export function readLedger(file: LedgerFile, options: ReadLedgerOptions = {}): SheetGrid {
  const { bytes, name } = file;
  if (bytes.length === 0) throw new ImportError(name, text('文件是空的', 'the file is empty'));
  const ext = extension(name);
  const binary = startsWith(bytes, ZIP) || startsWith(bytes, CFB);
  const html =
    !binary &&
    /^\s*<(!doctype|html|table|\?xml)/i.test(new TextDecoder().decode(bytes.subarray(0, 200)));
  if (!binary && !html) {
    if (!looksLikeText(bytes)) {
      throw new ImportError(
        name,
        text(
          '不是可读取的 Excel、WPS 或 CSV 文件（文件可能已损坏）',
          'is not a readable Excel, WPS or CSV file (it may be damaged)',
        ),
      );
    }
    return readCsv(file, ext);
  }
  return readWorkbook(file, options);
}

function readCsv(file: LedgerFile, ext: string): SheetGrid {
  const decoded = decodeCsv(file.bytes);
  const rows = parseCsv(decoded.text);
  const notes: Text[] = [encodingNote(decoded.encoding)];
  if (ext !== 'csv' && ext !== 'txt' && ext !== 'tsv') {
    notes.push(
      text(
        `文件扩展名为 .${ext}，但内容是文本表格，按 CSV 读取`,
        `named .${ext} but holds a text table; read as CSV`,
      ),
    );
  }
  checkRows(file.name, null, rows.length);
  if (rows.every((row) => row.every((cell) => cell.trim() === ''))) {
    throw new ImportError(file.name, text('文件中没有数据', 'holds no data'));
  }
  return {
    fileName: file.name,
    format: 'csv',
    sheets: [file.name],
    sheet: null,
    rows,
    encoding: decoded.encoding,
    notes,
  };
}

function checkRows(fileName: string, sheet: string | null, count: number): void {
  if (count <= MAX_ROWS) return;
  const where = sheet === null ? '' : `工作表「${sheet}」`;
  const whereEn = sheet === null ? '' : `sheet "${sheet}" `;
  throw new ImportError(
    fileName,
    text(
      `${where}有 ${count.toLocaleString('en')} 行，超过 ${MAX_ROWS.toLocaleString('en')} 行的上限：请拆分后分批导入`,
      `${whereEn}has ${count.toLocaleString('en')} rows, over the limit of ${MAX_ROWS.toLocaleString('en')}: split it and import the parts`,
    ),
  );
}

function openWorkbook(file: LedgerFile): WorkBook {
  try {
    return read(file.bytes, {
      type: 'array',
      dense: true,
      cellFormula: true,
      cellNF: true,
      cellHTML: false,
      // One row over the limit is enough to tell that the limit is passed (!fullref has the rest).
      sheetRows: MAX_ROWS + 1,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/password|encrypt/i.test(message)) {
      throw new ImportError(
        file.name,
        text(
          '工作簿设有打开密码：请在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿）后另存再导入',
          'the workbook is password-protected: remove the password in Excel or WPS, save a copy and import that',
        ),
      );
    }
    throw new ImportError(
      file.name,
      text(
        '无法读取工作簿：文件已损坏或不是 Excel/WPS 格式，请在 Excel 或 WPS 中打开后另存为 .xlsx 再试',
        'cannot read the workbook: it is damaged or not an Excel/WPS file; open it in Excel or WPS, save it as .xlsx and try again',
      ),
    );
  }
}

function formatOf(workbook: WorkBook, file: LedgerFile): LedgerFormat {
  const type = (workbook as { bookType?: string }).bookType ?? '';
  if (type === 'ods' || extension(file.name) === 'ods') return 'ods';
  if (type.startsWith('xls') && type !== 'xlsx' && type !== 'xlsm' && type !== 'xlsb') return 'xls';
  if (startsWith(file.bytes, CFB)) return 'xls';
  return 'xlsx';
}

/** Rows of a sheet, as the header finder scores them (first 30 rows). */
function bestHeaderScore(sheet: WorkSheet, headers: ReadonlySet<string>): number {
  const data = sheet['!data'] ?? [];
  let best = 0;
  for (const row of data.slice(0, 30)) {
    const values = (row ?? []).map((cell) => (cell && typeof cell.v === 'string' ? cell.v : null));
    best = Math.max(best, headerScore(values, headers));
  }
  return best;
}

function chooseSheet(workbook: WorkBook, file: LedgerFile, options: ReadLedgerOptions): string {
  const names = workbook.SheetNames;
  if (names.length === 0)
    throw new ImportError(file.name, text('工作簿中没有工作表', 'the workbook has no sheets'));
  if (options.sheet !== undefined) {
    if (names.includes(options.sheet)) return options.sheet;
    throw new ImportError(
      file.name,
      text(
        `没有名为「${options.sheet}」的工作表；现有：${names.join('、')}`,
        `has no sheet "${options.sheet}"; it has: ${names.join(', ')}`,
      ),
    );
  }
  let best = { name: names[0] ?? '', score: -1 };
  for (const name of names) {
    const sheet = workbook.Sheets[name];
    const score = sheet ? bestHeaderScore(sheet, options.headers ?? new Set()) : 0;
    if (score > best.score) best = { name, score };
  }
  return best.name;
}

interface CellCounts {
  formulas: number;
  uncached: number;
  dates: number;
  errors: number;
  merged: number;
}

function cellValue(cell: CellObject | undefined, date1904: boolean, counts: CellCounts): CellValue {
  if (!cell) return null;
  if (cell.f !== undefined) {
    counts.formulas++;
    if (cell.v === undefined) {
      counts.uncached++;
      return null;
    }
  }
  switch (cell.t) {
    case 'n': {
      const value = cell.v as number;
      if (typeof cell.z === 'string' && SSF.is_date(cell.z)) {
        const date = excelSerialToDate(date1904 ? value + 1462 : value);
        if (date) {
          counts.dates++;
          return date;
        }
      }
      return value;
    }
    case 's':
      return String(cell.v ?? '');
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'd':
      counts.dates++;
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
    case 'e':
      counts.errors++;
      return null;
    default:
      return null;
  }
}

function readWorkbook(file: LedgerFile, options: ReadLedgerOptions): SheetGrid {
  const workbook = openWorkbook(file);
  const sheetName = chooseSheet(workbook, file, options);
  const sheet = workbook.Sheets[sheetName];
  const fullRef = sheet?.['!fullref'] ?? sheet?.['!ref'];
  if (!sheet || !fullRef) {
    throw new ImportError(
      file.name,
      text(`工作表「${sheetName}」是空的`, `sheet "${sheetName}" is empty`),
    );
  }
  const full = utils.decode_range(fullRef);
  checkRows(file.name, sheetName, full.e.r + 1);
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const counts: CellCounts = { formulas: 0, uncached: 0, dates: 0, errors: 0, merged: 0 };
  const data = sheet['!data'] ?? [];
  const width = full.e.c + 1;
  const rows: CellValue[][] = [];
  for (let r = 0; r <= full.e.r; r++) {
    const source = data[r] ?? [];
    const row: CellValue[] = [];
    for (let c = 0; c < width; c++) row.push(cellValue(source[c], date1904, counts));
    rows.push(row);
  }
  for (const merge of sheet['!merges'] ?? []) {
    const value = rows[merge.s.r]?.[merge.s.c] ?? null;
    if (value === null) continue;
    counts.merged++;
    for (let r = merge.s.r; r <= merge.e.r; r++) {
      for (let c = merge.s.c; c <= merge.e.c; c++) {
        const row = rows[r];
        if (row && c < row.length) row[c] = value;
      }
    }
  }
  while (rows.length > 0 && (rows.at(-1) ?? []).every((cell) => cell === null || cell === ''))
    rows.pop();
  if (rows.length === 0) {
    throw new ImportError(
      file.name,
      text(`工作表「${sheetName}」是空的`, `sheet "${sheetName}" is empty`),
    );
  }
  return {
    fileName: file.name,
    format: formatOf(workbook, file),
    sheets: [...workbook.SheetNames],
    sheet: sheetName,
    rows,
    encoding: null,
    notes: workbookNotes(sheetName, workbook.SheetNames.length, counts),
  };
}

function workbookNotes(sheet: string, sheetCount: number, counts: CellCounts): Text[] {
  const notes: Text[] = [];
  if (sheetCount > 1)
    notes.push(
      text(
        `读取工作表「${sheet}」（共 ${sheetCount} 个）`,
        `reading sheet "${sheet}" (of ${sheetCount})`,
      ),
    );
  if (counts.formulas > 0)
    notes.push(
      text(
        `${counts.formulas} 个单元格是公式：使用其保存的计算结果，不重新计算`,
        `${plural(counts.formulas, 'cell')} with formulas: their saved results are used, nothing is recalculated`,
      ),
    );
  if (counts.uncached > 0)
    notes.push(
      text(
        `${counts.uncached} 个公式没有保存结果，按空值读取：请在 Excel 或 WPS 中打开并保存后再导入`,
        `${plural(counts.uncached, 'formula')} without a saved result read as empty: open and save the file in Excel or WPS first`,
      ),
    );
  if (counts.merged > 0)
    notes.push(
      text(
        `${counts.merged} 处合并单元格：合并区域内每格都按其值读取`,
        `${plural(counts.merged, 'merged range')}: every cell in a range reads as its value`,
      ),
    );
  if (counts.dates > 0)
    notes.push(
      text(
        `${counts.dates} 个日期单元格按日期读取`,
        `${plural(counts.dates, 'date cell')} read as dates`,
      ),
    );
  if (counts.errors > 0)
    notes.push(
      text(
        `${counts.errors} 个单元格为错误值（如 #N/A），按空值读取`,
        `${plural(counts.errors, 'cell')} with errors (such as #N/A) read as empty`,
      ),
    );
  return notes;
}
