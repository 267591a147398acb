import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fileUrl,
  jsonErrorOffset,
  lineAndColumn,
  loadRegistry,
  parseRegistryFile,
} from '../../src/data/load';
import { formatFinding } from '../../src/data/findings';

const VALID = join(import.meta.dirname, '..', 'fixtures', 'registry', 'valid');
const BASE = 'https://example.test/app/geo/';
type FileName = 'chains.json' | 'parks.geojson' | 'projects.json' | 'firms.json';

/** What the fake server answers for a file: a body (200), a status with no body, or a network error. */
type Answer = string | Response | Error;

function validFiles(): Record<FileName, Answer> {
  const read = (name: string): string => readFileSync(join(VALID, name), 'utf8');
  return {
    'chains.json': read('chains.json'),
    'parks.geojson': read('parks.geojson'),
    'projects.json': read('projects.json'),
    'firms.json': read('firms.json'),
  };
}

/** A fetch that serves `answers` under BASE and records what was asked for. */
function fakeFetch(answers: Record<string, Answer>): { fetch: typeof fetch; requested: string[] } {
  const requested: string[] = [];
  const fetchImpl = (input: RequestInfo | URL): Promise<Response> => {
    const url = String(input);
    requested.push(url);
    const answer = answers[url.startsWith(BASE) ? url.slice(BASE.length) : url];
    if (answer === undefined) return Promise.resolve(new Response('', { status: 404 }));
    if (answer instanceof Error) return Promise.reject(answer);
    if (answer instanceof Response) return Promise.resolve(answer);
    return Promise.resolve(new Response(answer, { status: 200 }));
  };
  return { fetch: fetchImpl as typeof fetch, requested };
}

describe('loadRegistry', () => {
  it('fetches the four files from the base URL and validates them cleanly', async () => {
    const server = fakeFetch(validFiles());
    const { registry, findings } = await loadRegistry(BASE, server.fetch);
    expect(findings).toEqual([]);
    expect(server.requested.sort()).toEqual([
      'https://example.test/app/geo/chains.json',
      'https://example.test/app/geo/firms.json',
      'https://example.test/app/geo/parks.geojson',
      'https://example.test/app/geo/projects.json',
    ]);
    expect(registry.parks.map((p) => p.properties.id)).toEqual([
      'zj-etdz',
      'zj-aero-park',
      'zj-hitech',
      'guantang',
    ]);
  });

  it('accepts a base URL without a trailing slash', async () => {
    const server = fakeFetch(validFiles());
    await loadRegistry('https://example.test/app/geo', server.fetch);
    expect(server.requested).toContain('https://example.test/app/geo/parks.geojson');
  });

  it('turns a 404 into a finding and still loads and checks the other files', async () => {
    const answers = { ...validFiles(), 'parks.geojson': new Response('', { status: 404 }) };
    const { registry, findings } = await loadRegistry(BASE, fakeFetch(answers).fetch);
    expect(findings.map(formatFinding)).toEqual([
      'parks.geojson: -: could not load parks.geojson: HTTP 404 [file-unavailable]',
      "projects.json: aero-special-materials: park 'zj-aero-park' cannot be checked: parks.geojson could not be loaded [unknown-reference]",
      "projects.json: casic-industrial-park: park 'zj-etdz' cannot be checked: parks.geojson could not be loaded [unknown-reference]",
      "projects.json: harbin-energy-storage: park 'zj-hitech' cannot be checked: parks.geojson could not be loaded [unknown-reference]",
      "projects.json: data-lake-park: park 'guantang' cannot be checked: parks.geojson could not be loaded [unknown-reference]",
      "firms.json: casc-haiying: park 'zj-aero-park' cannot be checked: parks.geojson could not be loaded [unknown-reference]",
      "firms.json: harbin-electric: park 'zj-hitech' cannot be checked: parks.geojson could not be loaded [unknown-reference]",
    ]);
    expect(registry.parks).toEqual([]);
    expect(registry.chains).toHaveLength(3);
    expect(registry.projects).toHaveLength(5);
    expect(registry.firms).toHaveLength(3);
  });

  it('names the HTTP status text when the server gives one', async () => {
    const answers = {
      ...validFiles(),
      'projects.json': new Response('', { status: 500, statusText: 'Internal Server Error' }),
    };
    const { findings } = await loadRegistry(BASE, fakeFetch(answers).fetch);
    expect(findings.map((f) => f.message)).toEqual([
      'could not load projects.json: HTTP 500 Internal Server Error',
    ]);
  });

  it('survives a network error; parks whose lead cannot resolve are reported, not crashed on', async () => {
    const answers = { ...validFiles(), 'chains.json': new TypeError('Failed to fetch') };
    const { registry, findings } = await loadRegistry(BASE, fakeFetch(answers).fetch);
    expect(findings.map(formatFinding).slice(0, 3)).toEqual([
      'chains.json: -: could not load chains.json: Failed to fetch [file-unavailable]',
      "parks.geojson: zj-etdz: lead chain 'aerospace' cannot be checked: chains.json could not be loaded [unknown-reference]",
      "parks.geojson: zj-aero-park: lead chain 'aerospace' cannot be checked: chains.json could not be loaded [unknown-reference]",
    ]);
    // 4 park leads, 5 project chains and 3 firm chains cannot be checked.
    expect(findings).toHaveLength(13);
    expect(registry.parks).toHaveLength(4);
  });

  it('reports a file that is not JSON with where the error is', async () => {
    const answers = {
      ...validFiles(),
      'projects.json': '{"as_of": "2024-08", "projects": [\n  {"id": "x"},\n]}',
    };
    const { findings } = await loadRegistry(BASE, fakeFetch(answers).fetch);
    expect(findings.map(formatFinding)).toEqual([
      "projects.json: -: projects.json is not valid JSON: Unexpected token ']' at position 50 (line 3, column 1) [json]",
    ]);
  });

  it('recognises the HTML page a server sends for a missing file', async () => {
    const answers = {
      ...validFiles(),
      'chains.json': '<!doctype html><html><body>app</body></html>',
    };
    const { findings } = await loadRegistry(BASE, fakeFetch(answers).fetch);
    expect(findings[0]?.message).toBe(
      'chains.json is not valid JSON: got an HTML page instead (is the file missing on the server?)',
    );
  });

  it('turns a body that fails to read into a finding', async () => {
    const broken = new Response(
      new ReadableStream({
        start(controller) {
          controller.error(new Error('connection reset'));
        },
      }),
    );
    const { findings } = await loadRegistry(
      BASE,
      fakeFetch({ ...validFiles(), 'parks.geojson': broken }).fetch,
    );
    expect(findings[0]).toEqual({
      file: 'parks.geojson',
      id: null,
      rule: 'file-unavailable',
      message: 'could not load parks.geojson: connection reset',
    });
  });
});

describe('parseRegistryFile', () => {
  it('parses JSON, ignoring a byte-order mark', () => {
    expect(parseRegistryFile('x.json', '\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });
  it('locates a trailing comma in an object', () => {
    const result = parseRegistryFile('x.json', '{\n  "a": 1,\n}');
    expect(result.ok ? '' : result.finding.message).toBe(
      'x.json is not valid JSON: Expected double-quoted property name at position 12 (line 3, column 1)',
    );
  });
});

describe('jsonErrorOffset', () => {
  it('is null for valid JSON of every kind of value', () => {
    expect(
      jsonErrorOffset('{"a": [1.5e-3, -2, 0, true, false, null, "\\u00e9\\n\\"x"], "b": {}}'),
    ).toBeNull();
    expect(jsonErrorOffset(' [ ] ')).toBeNull();
  });
  it('points at the offending character', () => {
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('{"a": NaN}')).toBe(6);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
    expect(jsonErrorOffset('{"a": tru}')).toBe(9);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('{"a": "\\q"}')).toBe(7);
  });
  it('points past the end of truncated input', () => {
    expect(jsonErrorOffset('{"a": [1, 2')).toBe(11);
    expect(jsonErrorOffset('')).toBe(0);
  });
});

describe('lineAndColumn', () => {
  it('counts from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('fileUrl', () => {
  it('joins with exactly one slash', () => {
    expect(fileUrl('/geo/', 'a.json')).toBe('/geo/a.json');
    expect(fileUrl('/geo', 'a.json')).toBe('/geo/a.json');
    expect(fileUrl('./geo//', 'a.json')).toBe('./geo/a.json');
  });
});
