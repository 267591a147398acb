/**
 * How geo/ files are written: a FeatureCollection with one feature per line, so that a diff shows
 * which feature changed; deterministic for the same input. One writer for the build scripts
 * (scripts/lib/geo.ts), the importer's parks file and the explorer's GeoJSON export.
 */

/** A FeatureCollection of `features` as geo/ files hold it, ending in a newline. */
export function formatFeatureCollection(features: readonly unknown[]): string {
  const body = features.map((feature) => JSON.stringify(feature)).join(',\n');
  return `{"type":"FeatureCollection","features":[\n${body}\n]}\n`;
}

/** The parks file as geo/parks.geojson is written: ready to commit. */
export function formatParksFile(parks: { readonly features: readonly unknown[] }): string {
  return formatFeatureCollection(parks.features);
}
