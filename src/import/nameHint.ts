import { BD09, GCJ02, WGS84, type CrsDef } from './crs';
import { text, type Text } from './text';

/**
 * What a file's name says about its coordinate system. A name is only ever a hint: what the file
 * states (a .prj, a crs member) wins, and a hint is confirmed by the user like any other guess.
 */

/** What a file name says about its system. */
export interface NameHint {
  /** The system the name suggests (already converted files suggest WGS-84). */
  readonly crs: CrsDef;
  readonly message: Text;
}

/**
 * A coordinate system named by a file name: "…_gcj02.geojson", "高德描边.kml", "baidu.json" —
 * unless the name says the file was already converted from it ("…gcj02转wgs84…", "…amap2wgs…",
 * "…百度坐标已纠偏…"): such a file is WGS-84 and must not be converted again.
 */
export function nameHint(fileName: string): NameHint | null {
  return systemHint(fileName.split(/[/\\]/).pop() ?? fileName);
}

/**
 * The offset system a short text names — a file name, a ledger's header ("坐标（高德）",
 * "经度(BD09)") or cell ("百度") — or WGS-84 when it says it was converted from one; null when
 * it names no offset system.
 */
export function systemHint(words: string): NameHint | null {
  const name = words.toLowerCase();
  const source = /gcj|amap|gaode|高德|火星|腾讯|tencent|bd-?09|baidu|百度/;
  const converted =
    /(gcj|amap|gaode|高德|火星|腾讯|tencent|bd-?09|baidu|百度)[^/\\]*?(转|2|to|→|->)[^/\\]*?(wgs|84|4326|cgcs|2000|4490|国家)/.test(
      name,
    ) || /纠偏|已转换|已校正|去偏|deoffset|rectified|corrected/.test(name);
  if (source.test(name) && converted) {
    return {
      crs: WGS84,
      message: text(
        '文件名表明已从高德/百度坐标转换为 WGS-84：不再转换',
        'the file name says it was already converted from AMap/Baidu coordinates to WGS-84: not converted again',
      ),
    };
  }
  if (/gcj|amap|gaode|高德|火星|腾讯|tencent/.test(name)) {
    return { crs: GCJ02, message: text('文件名提示 GCJ-02', 'the file name suggests GCJ-02') };
  }
  if (/bd-?09|baidu|百度/.test(name)) {
    return { crs: BD09, message: text('文件名提示 BD-09', 'the file name suggests BD-09') };
  }
  return null;
}
