/**
 * Which rows of the park list are rendered: a window of whole pages, not every row above the one
 * the user is at. At tens of thousands of parks, rendering every row up to a park's (to give it
 * the focus back when its detail closes) cost seconds of layout; a window costs one page.
 */

/** How many rows a page holds: what a fresh list shows and what "show earlier/more" adds. */
export const LIST_PAGE = 100;

/**
 * A run of rows, `start` included and `end` excluded (0-based positions in the filtered list).
 * Always page-aligned at `start`; `end` may lie past the list's end until {@link windowIn} clamps it.
 */
export interface ListWindow {
  readonly start: number;
  readonly end: number;
}

/** The first page: where a fresh list, and a list after a filter change, starts. */
export const FIRST_PAGE: ListWindow = { start: 0, end: LIST_PAGE };

/** The page that holds the row at `row` (0-based): what closing that row's park shows. */
export function pageHolding(row: number): ListWindow {
  const start = Math.floor(Math.max(0, row) / LIST_PAGE) * LIST_PAGE;
  return { start, end: start + LIST_PAGE };
}

/** `window` with one more page below it. */
export function withPageBelow(window: ListWindow): ListWindow {
  return { start: window.start, end: window.end + LIST_PAGE };
}

/** `window` with one more page above it (never above the first row). */
export function withPageAbove(window: ListWindow): ListWindow {
  return { start: Math.max(0, window.start - LIST_PAGE), end: window.end };
}

/** Whether the row at `row` is inside `window`. */
export function holds(window: ListWindow, row: number): boolean {
  return row >= window.start && row < window.end;
}

/**
 * `window` clamped to a list of `total` rows. A list that shrank under the window (parks deleted or
 * an import replaced without a filter change) shows its last page rather than nothing.
 */
export function windowIn(window: ListWindow, total: number): ListWindow {
  const end = Math.min(window.end, total);
  if (window.start < end) return { start: window.start, end };
  if (total === 0) return { start: 0, end: 0 };
  return { start: pageHolding(total - 1).start, end: total };
}
