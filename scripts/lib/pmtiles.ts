import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Compression, TileType, zxyToTileId } from 'pmtiles';

/**
 * A writer for PMTiles spec v3 archives (github.com/protomaps/PMTiles, spec/v3/spec.md): one
 * file holding every vector tile, which any static host or CDN serves by HTTP byte ranges and
 * which the `pmtiles` package reads in the browser. npm has no writer (tippecanoe and the Go
 * `pmtiles` tool are native programs), and the format is small: a 127-byte header, a root
 * directory that fits in the first 16 kB, optional leaf directories, JSON metadata and the
 * tile data, the directories gzip-compressed varint columns.
 */

/** One tile to store: its address and its bytes, already gzip-compressed MVT. */
export interface ArchiveTile {
  readonly z: number;
  readonly x: number;
  readonly y: number;
  readonly data: Uint8Array;
}

/** What the header and metadata say about the whole archive. */
export interface ArchiveOptions {
  readonly minZoom: number;
  readonly maxZoom: number;
  /** [west, south, east, north] in degrees. */
  readonly bounds: readonly [number, number, number, number];
  /** [lon, lat, zoom] of the view to open on. */
  readonly center: readonly [number, number, number];
  /** The JSON metadata (for MVT, `vector_layers` at least). */
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** A directory entry: a run of `runLength` consecutive tile ids sharing one content. */
interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
/** The spec's limit for the header and the root directory together. */
const ROOT_LIMIT = 16_384;

/** Unsigned LEB128, exact for every integer below 2^53. */
function pushVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/** The spec's directory encoding: count, then delta ids, run lengths, lengths and offsets. */
function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let lastId = 0;
  for (const entry of entries) {
    pushVarint(out, entry.tileId - lastId);
    lastId = entry.tileId;
  }
  for (const entry of entries) pushVarint(out, entry.runLength);
  for (const entry of entries) pushVarint(out, entry.length);
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    // 0 means "right after the previous entry's bytes", which most entries are.
    const contiguous = previous !== undefined && entry.offset === previous.offset + previous.length;
    pushVarint(out, contiguous ? 0 : entry.offset + 1);
  });
  return gzipSync(Uint8Array.from(out));
}

/**
 * The root directory, and the leaf directories it points to when all entries do not fit in
 * the first 16 kB: leaves of a growing number of entries until the root fits.
 */
function buildDirectories(entries: readonly Entry[]): { root: Uint8Array; leaves: Uint8Array } {
  const whole = serializeDirectory(entries);
  if (whole.length <= ROOT_LIMIT - HEADER_BYTES) return { root: whole, leaves: new Uint8Array() };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const leafParts: Uint8Array[] = [];
    const rootEntries: Entry[] = [];
    let offset = 0;
    for (let start = 0; start < entries.length; start += leafSize) {
      const chunk = entries.slice(start, start + leafSize);
      const leaf = serializeDirectory(chunk);
      rootEntries.push({
        tileId: chunk[0]?.tileId ?? 0,
        offset,
        length: leaf.length,
        runLength: 0,
      });
      leafParts.push(leaf);
      offset += leaf.length;
    }
    const root = serializeDirectory(rootEntries);
    if (root.length <= ROOT_LIMIT - HEADER_BYTES) return { root, leaves: concat(leafParts) };
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const e7 = (degrees: number): number => Math.round(degrees * 1e7);

function header(fields: {
  rootLength: number;
  metadataLength: number;
  leavesLength: number;
  dataLength: number;
  addressed: number;
  entries: number;
  contents: number;
  options: ArchiveOptions;
}): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + fields.rootLength;
  const leavesOffset = metadataOffset + fields.metadataLength;
  const dataOffset = leavesOffset + fields.leavesLength;
  const u64 = [
    rootOffset,
    fields.rootLength,
    metadataOffset,
    fields.metadataLength,
    leavesOffset,
    fields.leavesLength,
    dataOffset,
    fields.dataLength,
    fields.addressed,
    fields.entries,
    fields.contents,
  ];
  u64.forEach((value, i) => view.setBigUint64(8 + i * 8, BigInt(value), true));
  const { options } = fields;
  view.setUint8(96, 1); // clustered: tile data is in tile-id order
  view.setUint8(97, Compression.Gzip);
  view.setUint8(98, Compression.Gzip);
  view.setUint8(99, TileType.Mvt);
  view.setUint8(100, options.minZoom);
  view.setUint8(101, options.maxZoom);
  const [west, south, east, north] = options.bounds;
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  const [lon, lat, zoom] = options.center;
  view.setUint8(118, Math.round(zoom));
  view.setInt32(119, e7(lon), true);
  view.setInt32(123, e7(lat), true);
  return bytes;
}

/**
 * Writes a clustered PMTiles v3 archive. Identical tiles (empty ocean, a park's inside at high
 * zoom) are stored once; consecutive ids with the same content share one run-length entry.
 */
export function writePmtiles(tiles: Iterable<ArchiveTile>, options: ArchiveOptions): Uint8Array {
  const sorted = [...tiles]
    .map((tile) => ({ id: zxyToTileId(tile.z, tile.x, tile.y), data: tile.data }))
    .sort((a, b) => a.id - b.id);
  const entries: Entry[] = [];
  const offsetByHash = new Map<string, number>();
  const data: Uint8Array[] = [];
  let dataLength = 0;
  for (const tile of sorted) {
    const hash = createHash('sha256').update(tile.data).digest('base64');
    let offset = offsetByHash.get(hash);
    if (offset === undefined) {
      offset = dataLength;
      offsetByHash.set(hash, offset);
      data.push(tile.data);
      dataLength += tile.data.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === offset && last.tileId + last.runLength === tile.id) {
      last.runLength++;
    } else {
      entries.push({ tileId: tile.id, offset, length: tile.data.length, runLength: 1 });
    }
  }
  const { root, leaves } = buildDirectories(entries);
  const metadata = gzipSync(new TextEncoder().encode(JSON.stringify(options.metadata)));
  const head = header({
    rootLength: root.length,
    metadataLength: metadata.length,
    leavesLength: leaves.length,
    dataLength,
    addressed: sorted.length,
    entries: entries.length,
    contents: data.length,
    options,
  });
  return concat([head, root, metadata, leaves, ...data]);
}
