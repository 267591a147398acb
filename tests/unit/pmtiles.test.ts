import { gunzipSync, gzipSync } from 'node:zlib';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { writePmtiles, type ArchiveTile } from '../../scripts/lib/pmtiles';

/** The archive in memory, read the way the browser reads a static file: by byte ranges. */
class BytesSource implements Source {
  readonly ranges: [number, number][] = [];
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'memory';
  }
  getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.ranges.push([offset, length]);
    const slice = this.bytes.slice(offset, offset + length);
    return Promise.resolve({ data: slice.buffer });
  }
}

const OPTIONS = {
  minZoom: 0,
  maxZoom: 14,
  bounds: [119.0, 31.6, 119.9, 32.4] as const,
  center: [119.45, 32.2, 9] as const,
  metadata: { vector_layers: [{ id: 'parks', fields: { id: 'String' } }] },
};

/** A distinct gzip payload per tile, so a wrong lookup returns recognisably wrong bytes. */
const tile = (z: number, x: number, y: number, text = `${z}/${x}/${y}`): ArchiveTile => ({
  z,
  x,
  y,
  // Stored, not deflated: the tile's size follows its text.
  data: gzipSync(Buffer.from(text), { level: 0 }),
});

async function readBack(
  archive: Uint8Array,
  z: number,
  x: number,
  y: number,
): Promise<string | undefined> {
  const reader = new PMTiles(new BytesSource(archive));
  const found = await reader.getZxy(z, x, y);
  return found ? Buffer.from(found.data).toString() : undefined;
}

describe('writePmtiles', () => {
  it('writes a v3 header the pmtiles reader understands', async () => {
    const archive = writePmtiles([tile(0, 0, 0), tile(1, 1, 0)], OPTIONS);
    const reader = new PMTiles(new BytesSource(archive));
    const header = await reader.getHeader();
    expect(header.specVersion).toBe(3);
    expect([header.minZoom, header.maxZoom]).toEqual([0, 14]);
    expect(header.minLon).toBeCloseTo(119.0, 6);
    expect(header.maxLat).toBeCloseTo(32.4, 6);
    expect(header.centerZoom).toBe(9);
    expect(header.numAddressedTiles).toBe(2);
    expect(header.clustered).toBe(true);
    expect(await reader.getMetadata()).toEqual(OPTIONS.metadata);
  });

  it('returns every tile it was given, and nothing for tiles it was not', async () => {
    const tiles = [tile(0, 0, 0), tile(5, 26, 12), tile(14, 13614, 6621), tile(14, 13615, 6621)];
    const archive = writePmtiles([...tiles].reverse(), OPTIONS);
    for (const { z, x, y } of tiles)
      expect(await readBack(archive, z, x, y)).toBe(`${z}/${x}/${y}`);
    expect(await readBack(archive, 14, 13616, 6621)).toBeUndefined();
    expect(await readBack(archive, 3, 0, 0)).toBeUndefined();
  });

  it('stores identical tiles once and still serves each address', async () => {
    const same = (x: number): ArchiveTile => tile(12, x, 1700, 'inside a park');
    const tiles = [same(3400), same(3401), same(3402), tile(12, 3403, 1700)];
    const archive = writePmtiles(tiles, OPTIONS);
    const header = await new PMTiles(new BytesSource(archive)).getHeader();
    expect(header.numAddressedTiles).toBe(4);
    expect(header.numTileContents).toBe(2);
    for (const x of [3400, 3401, 3402])
      expect(await readBack(archive, 12, x, 1700)).toBe('inside a park');
    expect(await readBack(archive, 12, 3403, 1700)).toBe('12/3403/1700');
  });

  it('moves entries into leaf directories when the root would not fit in 16 kB', async () => {
    // Scattered addresses and uneven sizes, so the directory does not compress to nothing.
    const many: ArchiveTile[] = [];
    let seed = 7;
    for (let x = 0; x < 200; x++)
      for (let y = 0; y < 200; y += 1 + (x % 3)) {
        seed = (seed * 48271) % 2147483647;
        many.push(
          tile(14, 13000 + x, 6500 + y, `14/${13000 + x}/${6500 + y}${'.'.repeat(seed % 500)}`),
        );
      }
    const archive = writePmtiles(many, OPTIONS);
    const view = new DataView(archive.buffer, archive.byteOffset);
    const rootLength = Number(view.getBigUint64(16, true));
    const leavesLength = Number(view.getBigUint64(48, true));
    expect(127 + rootLength).toBeLessThanOrEqual(16_384);
    expect(leavesLength).toBeGreaterThan(0);
    for (const probe of [many[0], many[9000], many[many.length - 1]]) {
      const { z, x, y } = probe!;
      expect(await readBack(archive, z, x, y)).toBe(gunzipSync(probe!.data).toString());
    }
  });

  it('gzips the metadata and the directories, as the header says', () => {
    const archive = writePmtiles([tile(0, 0, 0)], OPTIONS);
    const view = new DataView(archive.buffer, archive.byteOffset);
    const metadataOffset = Number(view.getBigUint64(24, true));
    const metadataLength = Number(view.getBigUint64(32, true));
    const metadata = gunzipSync(archive.slice(metadataOffset, metadataOffset + metadataLength));
    expect(JSON.parse(metadata.toString())).toEqual(OPTIONS.metadata);
    expect(view.getUint8(97)).toBe(2);
  });
});
