import * as v from 'valibot';
import { parseRegistryFile } from '../../src/data/load';
import { ParkFeatureSchema, ProjectSchema } from '../../src/data/schema';
import type { ParkFeature } from '../../src/data/schema';
import { deepFreeze, validateRegistry } from '../../src/data/validate';
import {
  areaOutsideKm2,
  checkGeometry,
  findOverlaps,
  pointInGeometry,
} from '../../src/domain/geometry';
import { indexRegistry } from '../../src/domain/membership';

/**
 * Times the app's load-time validation in the browser, on the main thread, step by step:
 * `validateRegistry` as the app calls it, then its costly rules one family at a time (the
 * breakdown re-runs the exported rule functions the validator is made of, so it is close to,
 * not exactly, how the total splits). `?data=DIR/` names the registry, as for the app.
 */

/** What the benchmark reads from the page. */
export interface ValidateWindow {
  __validate?: {
    readonly times: Record<string, number>;
    readonly findings: number;
    readonly parks: number;
  };
}

const params = new URLSearchParams(window.location.search);
const dataBase = new URL(params.get('data') ?? '../geo/', window.location.href).href;
const times: Record<string, number> = {};

/** Runs `work` and records its duration under `name`. */
function timed<T>(name: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  times[name] = performance.now() - start;
  return result;
}

const texts = await Promise.all(
  ['chains.json', 'parks.geojson', 'projects.json'].map((name) =>
    fetch(new URL(name, dataBase)).then((response) => response.text()),
  ),
);
const [chainsText = '', parksText = '', projectsText = ''] = texts;
const parsed = timed('parse', () => ({
  chains: parseRegistryFile('chains.json', chainsText),
  parks: parseRegistryFile('parks.geojson', parksText),
  projects: parseRegistryFile('projects.json', projectsText),
}));
const value = (result: ReturnType<typeof parseRegistryFile>): unknown =>
  result.ok ? result.value : undefined;
const input = {
  chains: value(parsed.chains),
  parks: value(parsed.parks),
  projects: value(parsed.projects),
};
const result = timed('validateRegistry', () => validateRegistry(input));
timed('indexRegistry', () => indexRegistry(result.registry));

// `&breakdown=1`: the rule families one by one, on freshly parsed input so that no step profits
// from an earlier one's caches.
if (params.get('breakdown') === '1') breakdown();

function breakdown(): void {
  const raw = JSON.parse(parksText) as { features: unknown[] };
  const rawProjects = (JSON.parse(projectsText) as { projects: unknown[] }).projects;
  const parks = timed('schema.parks', () =>
    raw.features.flatMap((feature) => {
      const parsedPark = v.safeParse(ParkFeatureSchema, feature);
      return parsedPark.success ? [parsedPark.output as ParkFeature] : [];
    }),
  );
  timed('schema.projects', () => rawProjects.map((project) => v.safeParse(ProjectSchema, project)));
  timed('rings', () => parks.forEach((park) => checkGeometry(park.geometry)));
  const byId = new Map(parks.map((park) => [park.properties.id, park]));
  timed('overlaps', () =>
    findOverlaps(
      parks.map((park) => ({ id: park.properties.id, geometry: park.geometry })),
      {
        toleranceKm2: 0.01,
        exempt: (a, b) => byId.get(a)?.properties.zone === b || byId.get(b)?.properties.zone === a,
      },
    ),
  );
  timed('containment', () => {
    for (const park of parks) {
      const zone = park.properties.zone === null ? undefined : byId.get(park.properties.zone);
      if (zone) areaOutsideKm2(park.geometry, zone.geometry);
    }
  });
  timed('projectLocations', () => {
    for (const project of result.registry.projects) {
      const park = byId.get(project.park);
      if (project.location && park) pointInGeometry(project.location, park.geometry);
    }
  });
  timed('freeze', () => deepFreeze(parks));
}

(window as unknown as ValidateWindow).__validate = {
  times,
  findings: result.findings.length,
  parks: result.registry.parks.length,
};
document.body.dataset.done = 'true';
