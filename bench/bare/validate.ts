import { parseRegistryFile } from '../../src/data/load';
import { validateRegistry } from '../../src/data/validate';
import { indexRegistry } from '../../src/domain/membership';

/**
 * Times the app's load-time validation in the browser, on this page's main thread: parsing the
 * three files, `validateRegistry` as the app calls it (with its own step timings: schema, park
 * rules, containment, overlaps, projects, freezing), and building the index. `?data=DIR/` names
 * the registry, as for the app.
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
  ['chains.json', 'parks.geojson', 'projects.json', 'firms.json'].map((name) =>
    fetch(new URL(name, dataBase)).then((response) => response.text()),
  ),
);
const [chainsText = '', parksText = '', projectsText = '', firmsText = ''] = texts;
const parsed = timed('parse', () => ({
  chains: parseRegistryFile('chains.json', chainsText),
  parks: parseRegistryFile('parks.geojson', parksText),
  projects: parseRegistryFile('projects.json', projectsText),
  firms: parseRegistryFile('firms.json', firmsText),
}));
const value = (result: ReturnType<typeof parseRegistryFile>): unknown =>
  result.ok ? result.value : undefined;
const steps: Record<string, number> = {};
const result = timed('validateRegistry', () =>
  validateRegistry(
    {
      chains: value(parsed.chains),
      parks: value(parsed.parks),
      projects: value(parsed.projects),
      firms: value(parsed.firms),
    },
    { timings: steps },
  ),
);
for (const [step, ms] of Object.entries(steps)) times[step] = ms;
timed('indexRegistry', () => indexRegistry(result.registry));

(window as unknown as ValidateWindow).__validate = {
  times,
  findings: result.findings.length,
  parks: result.registry.parks.length,
};
document.body.dataset.done = 'true';
