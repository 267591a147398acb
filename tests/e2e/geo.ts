import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The shipped data as plain JSON, read independently of the app's own loader. */
export interface ShippedPark {
  id: string;
  name: { zh: string; en?: string };
  lead: string[];
  kind: string;
  zone: string | null;
  boundary: string;
  aliases: string[];
}

const GEO = resolve(import.meta.dirname, '../../geo');

/** The parks in geo/parks.geojson. */
export function shippedParks(): ShippedPark[] {
  const collection = JSON.parse(readFileSync(resolve(GEO, 'parks.geojson'), 'utf8')) as {
    features: { properties: ShippedPark }[];
  };
  return collection.features.map((feature) => feature.properties);
}

/** The chains in geo/chains.json. */
export function shippedChains(): { id: string; name: { zh: string; en: string } }[] {
  return (
    JSON.parse(readFileSync(resolve(GEO, 'chains.json'), 'utf8')) as {
      chains: { id: string; name: { zh: string; en: string } }[];
    }
  ).chains;
}

/** The projects in geo/projects.json. */
export function shippedProjects(): {
  id: string;
  park: string;
  name: { zh: string; en?: string };
}[] {
  return (
    JSON.parse(readFileSync(resolve(GEO, 'projects.json'), 'utf8')) as {
      projects: { id: string; park: string; name: { zh: string; en?: string } }[];
    }
  ).projects;
}
