import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { JSDOM } from 'jsdom';
import type { InputFile, XmlParser } from '../../src/import';

/** Shared helpers of the import tests: fixtures, an XML parser for KML in Node, and distances. */

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');

/** A fixture file as the importer receives it. */
export function fixture(name: string): InputFile {
  return { name, bytes: new Uint8Array(readFileSync(resolve(FIXTURES, name))) };
}

const { DOMParser } = new JSDOM('').window;

/** jsdom's DOMParser: Node has none, and KML needs one. */
export const parseXml: XmlParser = (xml) =>
  new DOMParser().parseFromString(xml, 'application/xml') as unknown as Document;

/**
 * Geodesic distance in metres on the WGS-84 ellipsoid (Vincenty's inverse formula, 1975), so that
 * a "within 1 m" check measures metres on the earth, not degrees.
 */
export function geodesicMetres(p: Position, q: Position): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const b = a * (1 - f);
  const rad = Math.PI / 180;
  const L = ((q[0] ?? 0) - (p[0] ?? 0)) * rad;
  const U1 = Math.atan((1 - f) * Math.tan((p[1] ?? 0) * rad));
  const U2 = Math.atan((1 - f) * Math.tan((q[1] ?? 0) * rad));
  const [sinU1, cosU1, sinU2, cosU2] = [Math.sin(U1), Math.cos(U1), Math.sin(U2), Math.cos(U2)];
  let lambda = L;
  for (let i = 0; i < 200; i++) {
    const sinLambda = Math.sin(lambda);
    const cosLambda = Math.cos(lambda);
    const sinSigma = Math.hypot(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
    if (sinSigma === 0) return 0;
    const cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
    const sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma;
    const cos2Alpha = 1 - sinAlpha * sinAlpha;
    const cos2SigmaM = cos2Alpha === 0 ? 0 : cosSigma - (2 * sinU1 * sinU2) / cos2Alpha;
    const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
    const previous = lambda;
    lambda =
      L +
      (1 - C) *
        f *
        sinAlpha *
        (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM ** 2)));
    if (Math.abs(lambda - previous) < 1e-13) {
      const u2 = (cos2Alpha * (a * a - b * b)) / (b * b);
      const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
      const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
      const deltaSigma =
        B *
        sinSigma *
        (cos2SigmaM +
          (B / 4) *
            (cosSigma * (-1 + 2 * cos2SigmaM ** 2) -
              (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma ** 2) * (-3 + 4 * cos2SigmaM ** 2)));
      return b * A * (sigma - deltaSigma);
    }
  }
  throw new Error('Vincenty did not converge');
}

/**
 * The largest distance between corresponding vertices of two geometries, which must have the
 * same rings with the same number of vertices in the same order; throws when they do not.
 */
export function maxVertexError(actual: Polygon | MultiPolygon, expected: Polygon): number {
  const rings = actual.type === 'Polygon' ? actual.coordinates : actual.coordinates.flat();
  if (rings.length !== expected.coordinates.length) {
    throw new Error(`${rings.length} rings, expected ${expected.coordinates.length}`);
  }
  let max = 0;
  rings.forEach((ring, r) => {
    const want = expected.coordinates[r] ?? [];
    if (ring.length !== want.length) {
      throw new Error(`ring ${r} has ${ring.length} vertices, expected ${want.length}`);
    }
    ring.forEach((position, i) => {
      max = Math.max(max, geodesicMetres(position, want[i] ?? [Number.NaN, Number.NaN]));
    });
  });
  return max;
}
