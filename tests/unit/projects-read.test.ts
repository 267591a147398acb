import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv } from '../../src/import/projects/csv';
import { toTable } from '../../src/import/projects/table';
import { MAX_ROWS, readLedger } from '../../src/import/projects/workbook';
import { errorText } from '../../src/import/text';
import {
  HEADERS,
  ROWS,
  emptyWorkbook,
  encryptedWorkbook,
  headerlessWorkbook,
  ledgerCsv,
  ledgerWorkbook,
  truncatedWorkbook,
} from '../fixtures/projects/ledger';

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return errorText(error).en;
  }
  throw new Error('expected the reader to refuse the file');
}

const WORKBOOKS = [
  ['ledger.xlsx', 'xlsx'],
  ['ledger.xls', 'biff8'],
  ['ledger.ods', 'ods'],
] as const;

describe('readLedger: workbooks', () => {
  it.each(WORKBOOKS)(
    '%s: picks the ledger sheet, finds the header below the title',
    (name, type) => {
      const grid = readLedger({ name, bytes: ledgerWorkbook(type) });
      expect(grid.format).toBe(name.split('.')[1]);
      expect(grid.sheets).toEqual(['说明', '重大项目']);
      expect(grid.sheet).toBe('重大项目');
      const table = toTable(grid);
      expect(table.headerRow).toBe(3);
      expect(table.headers.slice(0, 4)).toEqual(['序号', '项目名称', '建设内容', '所在园区']);
      expect(table.rows.map((row) => row.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    },
  );

  it.each(WORKBOOKS)('%s: fills merged cells and reads dates and formulas', (name, type) => {
    const grid = readLedger({ name, bytes: ledgerWorkbook(type) });
    const rows = toTable(grid).rows;
    const park = HEADERS.indexOf('所在园区');
    const [first, second] = ROWS.mergedPark.map((n) => rows.find((row) => row.row === n)!);
    expect(first!.cells[park]).toBe('官塘创新社区');
    expect(second!.cells[park]).toBe('官塘创新社区');
    const alias = rows.find((row) => row.row === ROWS.alias)!;
    expect(alias.cells[HEADERS.indexOf('签约时间')]).toBe('2024-01-01');
    const total = rows.find((row) => row.row === ROWS.total)!;
    expect(total.cells[HEADERS.indexOf('总投资（亿元）')]).toBe(45.7);
    const notes = grid.notes.map((note) => note.en).join('\n');
    expect(notes).toContain('2 merged ranges');
    expect(notes).toContain('date cell');
    // BIFF8 as SheetJS writes it keeps the cached value but not the formula text.
    if (type !== 'biff8')
      expect(notes).toContain('1 cell with formulas: their saved results are used');
  });

  it('reads the sheet asked for, and names the sheets when it is not there', () => {
    const bytes = ledgerWorkbook('xlsx');
    expect(readLedger({ name: 'a.xlsx', bytes }, { sheet: '说明' }).sheet).toBe('说明');
    expect(failure(() => readLedger({ name: 'a.xlsx', bytes }, { sheet: '汇总' }))).toBe(
      'a.xlsx: has no sheet "汇总"; it has: 说明, 重大项目',
    );
  });

  it('refuses password-protected, damaged and empty workbooks in one clear line', () => {
    expect(failure(() => readLedger({ name: 'p.xlsx', bytes: encryptedWorkbook() }))).toMatch(
      /^p\.xlsx: the workbook is password-protected: remove the password/,
    );
    expect(failure(() => readLedger({ name: 'cut.xlsx', bytes: truncatedWorkbook() }))).toMatch(
      /^cut\.xlsx: cannot read the workbook: it is damaged or not an Excel\/WPS file/,
    );
    expect(failure(() => readLedger({ name: 'e.xlsx', bytes: emptyWorkbook() }))).toBe(
      'e.xlsx: sheet "Sheet1" is empty',
    );
    expect(failure(() => readLedger({ name: 'z.xlsx', bytes: new Uint8Array() }))).toBe(
      'z.xlsx: the file is empty',
    );
    expect(
      failure(() =>
        readLedger({ name: 'bin.xls', bytes: Uint8Array.from([0, 1, 2, 3, 4, 5, 0, 0]) }),
      ),
    ).toBe('bin.xls: is not a readable Excel, WPS or CSV file (it may be damaged)');
  });

  it('refuses a sheet without a recognisable header', () => {
    const grid = readLedger({ name: 'n.xlsx', bytes: headerlessWorkbook() });
    expect(failure(() => toTable(grid))).toMatch(
      /^n\.xlsx: sheet "Sheet1": no recognisable header/,
    );
  });

  it('finds a header the user mapped by hand', () => {
    const csv = new TextEncoder().encode('标题\n名字,地方\n甲,乙\n');
    const grid = readLedger({ name: 'h.csv', bytes: csv });
    expect(() => toTable(grid)).toThrow();
    expect(toTable(grid, new Set(['名字', '地方'])).headerRow).toBe(2);
  });
});

describe('readLedger: CSV', () => {
  it.each([
    ['utf-8-bom', 'UTF-8 (with BOM)'],
    ['utf-8', 'UTF-8 (no BOM)'],
    ['gbk', 'GBK/GB18030'],
  ] as const)('detects %s and says so', (encoding, said) => {
    const grid = readLedger({ name: 'ledger.csv', bytes: ledgerCsv(encoding) });
    expect(grid.format).toBe('csv');
    expect(grid.notes[0]!.en).toContain(said);
    const table = toTable(grid);
    expect(table.headerRow).toBe(3);
    expect(table.headers[1]).toBe('项目名称');
    const row = table.rows.find((r) => r.row === ROWS.alias)!;
    expect(row.cells[1]).toBe('新型储能电池项目');
    // Numbers stay text, for the value readers; a formula-like name is not evaluated.
    expect(table.rows.find((r) => r.row === ROWS.injection)!.cells[1]).toBe(
      '=HYPERLINK("http://example.invalid","点击")',
    );
  });

  it('decodes UTF-16 and tells GB18030 from UTF-8', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65]);
    expect(decodeCsv(utf16)).toEqual({ text: '中文', encoding: 'utf-16le' });
    expect(decodeCsv(Uint8Array.from([0xd5, 0xf2, 0xbd, 0xad]))).toEqual({
      text: '镇江',
      encoding: 'gb18030',
    });
  });

  it('parses quotes, delimiters and line breaks inside fields', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n1,"2\n3",4\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '2\n3', '4'],
    ]);
    expect(parseCsv('项目名称\t所在园区\n甲\t乙')).toEqual([
      ['项目名称', '所在园区'],
      ['甲', '乙'],
    ]);
    expect(parseCsv('a;b;c\n1;2;3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it(`refuses a sheet over the stated limit of ${MAX_ROWS} rows`, () => {
    const lines = [
      '项目名称,所在园区',
      ...Array.from({ length: MAX_ROWS }, (_, i) => `项目${i},官塘`),
    ];
    const bytes = new TextEncoder().encode(lines.join('\n'));
    expect(failure(() => readLedger({ name: 'big.csv', bytes }))).toBe(
      'big.csv: has 100,001 rows, over the limit of 100,000: split it and import the parts',
    );
  });
});
