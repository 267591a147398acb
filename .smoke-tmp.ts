import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { readImportFiles, convertSource, errorText } from './src/import';
const { DOMParser } = new JSDOM('').window;
const parseXml = (s: string) => new DOMParser().parseFromString(s, 'application/xml') as unknown as Document;
const dir = 'tests/fixtures/import/';
for (const name of ['parks.wgs84.geojson','parks.gcj02.geojson','parks.bd09.geojson','parks-epsg4549.geojson','parks.kml','parks.kmz','parks-4490.zip','parks-4549.zip','parks-4528.zip','parks-2385.zip','parks-2364.zip','parks-2437.zip','parks-2416.zip','parks-4549-noprj.zip','parks-4528-noprj.zip','broken-truncated.zip','broken-no-shp.zip','broken-truncated-shp.zip','broken-unknown-prj.zip','broken-empty.kml','broken-points.kml','broken-points.zip']) {
  try {
    const src = readImportFiles([{ name, bytes: new Uint8Array(readFileSync(dir + name)) }], { parseXml });
    const g = src.guess;
    let first = '';
    if (g.crs) { const c = convertSource(src, g.crs, g.swapAxes); first = JSON.stringify(c.features[0]?.geometry.coordinates[0]?.[0]) + ' ' + c.warnings.map(w=>w.en).join('|'); }
    console.log(name, '|', g.crs?.id, g.certainty, g.swapAxes, '|', g.message.en, '|', src.fields.join(','), JSON.stringify(src.features[1]?.properties), '|', src.notes.map(n=>n.en).join('; '), '|', first);
  } catch (e) { console.log(name, 'ERROR', errorText(e).en, errorText(e).zh); }
}
