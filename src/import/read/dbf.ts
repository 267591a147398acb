import { text, type Text } from '../text';

/**
 * The text encoding of a Shapefile's .dbf: from the .cpg, then the dBASE language-driver byte,
 * then by trying UTF-8 on what is text in the file — the field names in the header as well as
 * the records, since a Chinese file often has GBK field names (名称, 编号) over ASCII values.
 */

/** The field names' bytes of a .dbf header, each up to its first NUL. */
function fieldNameBytes(dbf: Uint8Array, headerLength: number): Uint8Array {
  const out: number[] = [];
  for (let at = 32; at + 32 <= Math.min(headerLength, dbf.length); at += 32) {
    if (dbf[at] === 0x0d) break;
    for (let i = 0; i < 11; i++) {
      const byte = dbf[at + i] ?? 0;
      if (byte === 0) break;
      out.push(byte);
    }
    out.push(0x20);
  }
  return new Uint8Array(out);
}

const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** The .dbf text encoding and how it was found. */
export function dbfEncoding(dbf: Uint8Array, cpg: string | null): { label: string; how: Text } {
  if (cpg !== null) {
    const page = cpg
      .trim()
      .toLowerCase()
      .replace(/^ansi\s*/, '');
    const label = /^(936|cp936|gbk|gb2312|gb_2312|x-gbk|chinese)$/.test(page)
      ? 'gbk'
      : /^(54936|gb18030)$/.test(page)
        ? 'gb18030'
        : /^(65001|utf-?8)$/.test(page)
          ? 'utf-8'
          : /^\d+$/.test(page)
            ? `windows-${page}`
            : page;
    try {
      new TextDecoder(label);
      return {
        label,
        how: text(`属性编码 ${label}（.cpg）`, `attributes decoded as ${label} (.cpg)`),
      };
    } catch {
      // An unknown .cpg label falls through to the other clues.
    }
  }
  // dBASE language-driver id: 0x4D and 0x7A are code page 936, what Chinese ArcGIS writes.
  const driver = dbf[29];
  if (driver === 0x4d || driver === 0x7a) {
    return {
      label: 'gbk',
      how: text(
        '属性编码 GBK（.dbf 语言驱动标记）',
        'attributes decoded as GBK (the .dbf language driver)',
      ),
    };
  }
  // The header holds binary lengths that are not text in any encoding: test its names only.
  const headerLength = (dbf[8] ?? 0) | ((dbf[9] ?? 0) << 8);
  const names = fieldNameBytes(dbf, headerLength);
  const records = dbf.subarray(Math.min(headerLength, dbf.length));
  if (isUtf8(names) && isUtf8(records)) {
    return { label: 'utf-8', how: text('属性编码 UTF-8', 'attributes decoded as UTF-8') };
  }
  // Not UTF-8: in a Chinese shapefile without .cpg, GBK is by far the likeliest.
  const where = isUtf8(names) ? text('属性', 'attributes') : text('字段名', 'field names');
  return {
    label: 'gbk',
    how: text(
      `${where.zh}不是 UTF-8 且无 .cpg，按 GBK 解码`,
      `${where.en} are not UTF-8 and there is no .cpg: decoded as GBK`,
    ),
  };
}
