import { DEFAULT_FILES, type Finding, type RegistryFiles } from './findings';
import { validateRegistry } from './validate';
import type { ValidateOptions, ValidationResult } from './validate';

/**
 * Loading the registry in the app: fetch the four files, parse them, validate them with the
 * same code as `npm run validate`. Nothing here throws: a file that cannot be fetched or parsed
 * becomes a finding, and whatever else loaded is still validated and shown.
 */

/** A file's contents, or the finding that says why there are none. */
export type FileResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly finding: Finding };

/** 1-based line and column of a character offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: Readonly<Record<string, string>> = { t: 'true', f: 'false', n: 'null' };
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The offset of the first JSON syntax error in `text`, or null when it parses. Engines give no
 * position for some errors ("Unexpected token ']', …"), and a trailing comma in a 100 kB
 * GeoJSON file is useless to report without one.
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const string = (): boolean => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return (i++, true);
      if (c < 0x20) return false;
      if (c !== 0x5c) {
        i++;
        continue;
      }
      JSON_ESCAPE.lastIndex = i;
      if (!JSON_ESCAPE.test(text)) return false;
      i = JSON_ESCAPE.lastIndex;
    }
    return false;
  };
  const sequence = (close: string, item: () => boolean): boolean => {
    i++;
    skipSpace();
    if (text.charAt(i) === close) return (i++, true);
    for (;;) {
      if (!item()) return false;
      skipSpace();
      if (text.charAt(i) === close) return (i++, true);
      if (text.charAt(i) !== ',') return false;
      i++;
    }
  };
  const member = (): boolean => {
    skipSpace();
    if (text.charAt(i) !== '"' || !string()) return false;
    skipSpace();
    if (text.charAt(i) !== ':') return false;
    i++;
    return value();
  };
  const value = (): boolean => {
    skipSpace();
    const c = text.charAt(i);
    if (c === '{') return sequence('}', member);
    if (c === '[') return sequence(']', value);
    if (c === '"') return string();
    const word = LITERALS[c];
    if (word !== undefined) {
      for (const letter of word) {
        if (text.charAt(i) !== letter) return false;
        i++;
      }
      return true;
    }
    JSON_NUMBER.lastIndex = i;
    if (!JSON_NUMBER.test(text)) return false;
    i = JSON_NUMBER.lastIndex;
    return true;
  };
  if (!value()) return i;
  skipSpace();
  return i < text.length ? i : null;
}

/**
 * Rewrites a JSON.parse error message into a stable form: the engine's reason without its
 * snippet or position (engines differ there), then the position with line and column.
 */
function describeJsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const reason = raw
    .replace(/\s*\(line \d+ column \d+\)\s*$/, '')
    .replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '')
    .replace(/ (?:in JSON )?at position \d+$/, '');
  const stated = /at position (\d+)/.exec(raw)?.[1];
  const offset = stated === undefined ? jsonErrorOffset(text) : Number(stated);
  if (offset === null) return reason;
  const { line, column } = lineAndColumn(text, offset);
  return `${reason} at position ${offset} (line ${line}, column ${column})`;
}

/** Parses a registry file's text; `file` names it in the finding when it is not JSON. */
export function parseRegistryFile(file: string, text: string): FileResult {
  // Some Windows editors save a byte-order mark, which JSON.parse rejects.
  const json = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch (error) {
    // Dev servers and SPA hosts answer a missing file with the app's index.html and status 200.
    const detail = /^\s*</.test(json)
      ? 'got an HTML page instead (is the file missing on the server?)'
      : describeJsonError(json, error);
    return {
      ok: false,
      finding: { file, id: null, rule: 'json', message: `${file} is not valid JSON: ${detail}` },
    };
  }
}

/** The result for a file that could not be read or fetched, with the reason. */
export function unavailableFile(file: string, reason: string): FileResult {
  return {
    ok: false,
    finding: {
      file,
      id: null,
      rule: 'file-unavailable',
      message: `could not load ${file}: ${reason}`,
    },
  };
}

/** Joins a base URL and a file name with exactly one slash between them. */
export function fileUrl(baseUrl: string, name: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${name}`;
}

/** Fetches and parses one registry file; never throws. */
export async function fetchRegistryFile(
  url: string,
  file: string,
  fetchImpl: typeof fetch,
): Promise<FileResult> {
  let text: string;
  try {
    const response = await fetchImpl(url);
    if (!response.ok) {
      return unavailableFile(
        file,
        `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      );
    }
    text = await response.text();
  } catch (error) {
    return unavailableFile(file, error instanceof Error ? error.message : String(error));
  }
  return parseRegistryFile(file, text);
}

/** The parsed value of a file, or undefined (the validator's "could not be read") with its finding recorded. */
export function valueOf(result: FileResult, findings: Finding[]): unknown {
  if (result.ok) return result.value;
  findings.push(result.finding);
  return undefined;
}

/**
 * Fetches chains.json, parks.geojson, projects.json and firms.json from `baseUrl` and validates them.
 * Never rejects: unreachable or unparsable files are findings, and the rest still loads.
 * `options` go to the validator (`freeze: false` for a worker that posts the result on).
 */
export async function loadRegistry(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
  options: Pick<ValidateOptions, 'freeze' | 'timings'> = {},
): Promise<ValidationResult> {
  const files: RegistryFiles = DEFAULT_FILES;
  const fetchFile = (name: string): Promise<FileResult> =>
    fetchRegistryFile(fileUrl(baseUrl, name), name, fetchImpl);
  const [chains, parks, projects, firms] = await Promise.all([
    fetchFile(files.chains),
    fetchFile(files.parks),
    fetchFile(files.projects),
    fetchFile(files.firms),
  ]);
  const findings: Finding[] = [];
  const input = {
    chains: valueOf(chains, findings),
    parks: valueOf(parks, findings),
    projects: valueOf(projects, findings),
    firms: valueOf(firms, findings),
  };
  const result = validateRegistry(input, { ...options, files });
  return { registry: result.registry, findings: [...findings, ...result.findings] };
}
