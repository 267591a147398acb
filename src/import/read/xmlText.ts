import { text, type Text } from '../text';

/**
 * Turns the bytes of an XML file (KML, GPX) into text as its prolog says: `encoding="GB2312"` or
 * `"GBK"` (what Chinese GIS tools write) is decoded as GBK, a UTF-16 byte-order mark as UTF-16,
 * everything else as UTF-8 — and bytes declared UTF-8 that are not are tried as GBK, saying so.
 */

/** The text of the file and, when it was not plain UTF-8, how it was decoded. */
export interface DecodedXml {
  readonly text: string;
  readonly note: Text | null;
}

const LABELS: Readonly<Record<string, string>> = {
  gb2312: 'gbk',
  gbk: 'gbk',
  cp936: 'gbk',
  'x-gbk': 'gbk',
  gb18030: 'gb18030',
  big5: 'big5',
};

/** Decodes XML bytes by their byte-order mark or prolog. */
export function decodeXml(bytes: Uint8Array): DecodedXml {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return {
      text: new TextDecoder(label).decode(bytes).replace(/^\uFEFF/, ''),
      note: text(`按 ${label.toUpperCase()} 解码`, `decoded as ${label.toUpperCase()}`),
    };
  }
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const declared = /^\s*(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i
    .exec(head)?.[1]
    ?.trim()
    .toLowerCase();
  const label = declared ? (LABELS[declared] ?? declared) : 'utf-8';
  if (label !== 'utf-8' && label !== 'utf8') {
    try {
      const decoded = new TextDecoder(label).decode(bytes);
      return {
        text: decoded,
        note: text(
          `按文件声明的编码 ${declared ?? label} 解码`,
          `decoded as ${declared ?? label}, as the file declares`,
        ),
      };
    } catch {
      // An encoding the runtime does not know: read as UTF-8 below and say so if it fails.
    }
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''),
      note: null,
    };
  } catch {
    return {
      text: new TextDecoder('gbk').decode(bytes),
      note: text(
        '文件不是有效的 UTF-8，按 GBK 解码',
        'the file is not valid UTF-8: decoded as GBK',
      ),
    };
  }
}

/**
 * Removes a namespace prefix bound to KML (`<kml:Placemark>` → `<Placemark>`), so that readers
 * looking for KML's element names find them: some tools write every element prefixed.
 */
export function unprefixKml(xml: string): string {
  const prefixes = new Set<string>();
  for (const match of xml.matchAll(
    /xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']https?:\/\/(?:www\.opengis\.net\/kml\/|earth\.google\.com\/kml\/)[^"']*["']/g,
  )) {
    if (match[1]) prefixes.add(match[1]);
  }
  if (prefixes.size === 0) return xml;
  let out = xml;
  for (const prefix of prefixes) {
    const escaped = prefix.replace(/[.-]/g, '\\$&');
    out = out
      .replace(new RegExp(`<(/?)${escaped}:`, 'g'), '<$1')
      .replace(new RegExp(`\\sxmlns:${escaped}\\s*=\\s*(["'])([^"']*)\\1`, 'g'), (_all, _q, uri) =>
        /\sxmlns\s*=/.test(out.slice(0, 2000)) ? '' : ` xmlns="${String(uri)}"`,
      );
  }
  return out;
}

/** "line 3, column 7" of a parser's error text (jsdom: "3:7: …"; Chromium: "line 3 at column 7"). */
export function xmlErrorPlace(message: string): Text | null {
  const match = /line (\d+) at column (\d+)/i.exec(message) ?? /^\s*(\d+):(\d+)/.exec(message);
  if (!match) return null;
  return text(`第 ${match[1]} 行第 ${match[2]} 列`, `line ${match[1]}, column ${match[2]}`);
}
