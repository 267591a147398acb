/**
 * Fetching one JSON file of a tiled registry (its index, a park's file) for the page, with the
 * reason it could not be read as one line naming the file.
 */

/** The parsed file, or the one-line reason it could not be read. */
export type JsonRead =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/**
 * Fetches `url` and parses it as JSON; `name` is the file as messages name it. Never rejects: an
 * unreachable file, an HTTP error and a page that is not JSON (a host answering a missing file with
 * the app's index.html and status 200) are messages. A byte-order mark, which some Windows editors
 * save and JSON.parse rejects, is dropped.
 */
export async function fetchJson(
  url: string,
  name: string,
  fetchImpl: typeof fetch = fetch,
): Promise<JsonRead> {
  let text: string;
  try {
    const response = await fetchImpl(url);
    if (!response.ok)
      return { ok: false, message: `could not load ${name}: HTTP ${response.status}` };
    text = await response.text();
  } catch (error) {
    return {
      ok: false,
      message: `could not load ${name}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return {
      ok: false,
      message: /^\s*</.test(text)
        ? `${name} is not JSON: got an HTML page instead (is the file missing on the server?)`
        : `${name} is not valid JSON`,
    };
  }
}
