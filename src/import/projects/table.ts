import { ImportError, text, type Text } from '../text';
import { headerScore } from './columns';
import { cleanText, type CellValue } from './values';
import type { SheetGrid } from './workbook';

/**
 * A sheet read as a table: the header row found below the title rows (a 重大项目清单 opens with
 * a title, a date line, sometimes a unit line), then one record per data row, each with the row
 * number the user sees in Excel, so every message can point at it.
 */

/** One data row: its number in the sheet (1-based) and its cells, aligned with the headers. */
export interface DataRow {
  readonly row: number;
  readonly cells: readonly CellValue[];
}

/** A sheet as headers and data rows. */
export interface LedgerTable {
  /** The header row's number in the sheet (1-based). */
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly rows: readonly DataRow[];
  /** The filled cells above the header (the title, a unit or date line), cleaned. */
  readonly titles?: readonly string[];
}

/** How far down the header row may be: title rows above it are few. */
const HEADER_SEARCH_ROWS = 30;

/** Whether a row is a subtotal or total line (合计, 小计, 总计) rather than a project. */
export function isTotalRow(cells: readonly CellValue[]): boolean {
  return cells.some((cell) =>
    /^(合计|小计|总计|共计|total|subtotal)$/i.test(cleanText(cell).replace(/\s/g, '')),
  );
}

/**
 * Finds the header row — the first of the best-scoring rows among the first 30, where a row's
 * score is how many fields its headers name (at least two: 项目名称 alone is not yet a table) —
 * and returns the rows below it that hold anything. Throws when no row looks like a header.
 */
export function toTable(
  grid: SheetGrid,
  extraHeaders: ReadonlySet<string> = new Set(),
): LedgerTable {
  let best = { index: -1, score: 1 };
  grid.rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const score = headerScore(row, extraHeaders);
    if (score > best.score) best = { index, score };
  });
  const header = grid.rows[best.index];
  const where = grid.sheet === null ? '' : `工作表「${grid.sheet}」`;
  if (!header) {
    throw new ImportError(
      grid.fileName,
      text(
        `${where}前 ${HEADER_SEARCH_ROWS} 行中没有可识别的表头：至少需要「项目名称」和「所在园区」「产业链」「项目状态」等列中的一个`,
        `${grid.sheet === null ? '' : `sheet "${grid.sheet}": `}no recognisable header in the first ${HEADER_SEARCH_ROWS} rows: it needs 项目名称 (project name) and one of 所在园区, 产业链, 项目状态 …`,
      ),
    );
  }
  const width = Math.max(header.length, ...grid.rows.map((row) => row.length));
  const headers = Array.from({ length: width }, (_, i) => cleanText(header[i] ?? null));
  const rows: DataRow[] = [];
  for (let i = best.index + 1; i < grid.rows.length; i++) {
    const source = grid.rows[i] ?? [];
    const cells = Array.from({ length: width }, (_, c) => source[c] ?? null);
    if (cells.every((cell) => cleanText(cell) === '')) continue;
    rows.push({ row: i + 1, cells });
  }
  const titles = grid.rows
    .slice(0, best.index)
    .flatMap((row) => row.map((cell) => cleanText(cell)).filter((cell) => cell !== ''));
  return { headerRow: best.index + 1, headers, rows, titles };
}

/** Repeated header rows and section headings ("一、新型电力装备（12个）") are not projects. */
export function notAProject(cells: readonly CellValue[], headers: readonly string[]): Text | null {
  const filled = cells.map((cell) => cleanText(cell)).filter((cell) => cell !== '');
  const sameAsHeader = cells.every(
    (cell, i) => cleanText(cell) === '' || cleanText(cell) === headers[i],
  );
  if (filled.length > 1 && sameAsHeader) return text('重复的表头行', 'a repeated header row');
  if (isTotalRow(cells)) return text('合计或小计行', 'a total or subtotal row');
  if (filled.length >= 3 && new Set(filled).size === 1)
    return text('分组标题行（整行合并）', 'a section heading (a row merged across)');
  return null;
}
