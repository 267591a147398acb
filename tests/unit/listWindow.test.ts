import { describe, expect, it } from 'vitest';
import {
  FIRST_PAGE,
  LIST_PAGE,
  holds,
  pageHolding,
  windowIn,
  withPageAbove,
  withPageBelow,
} from '../../src/domain/listWindow';

describe('the park list window', () => {
  it('a fresh list shows rows 1–100', () => {
    expect(LIST_PAGE).toBe(100);
    expect(FIRST_PAGE).toEqual({ start: 0, end: 100 });
  });

  it('the page holding a row starts at its hundred: row 4,850 is on 4,800–4,899', () => {
    expect(pageHolding(4850)).toEqual({ start: 4800, end: 4900 });
    expect(pageHolding(4800)).toEqual({ start: 4800, end: 4900 });
    expect(pageHolding(4799)).toEqual({ start: 4700, end: 4800 });
    expect(pageHolding(0)).toEqual({ start: 0, end: 100 });
  });

  it('adds a page below, and a page above but never above the first row', () => {
    expect(withPageBelow({ start: 4800, end: 4900 })).toEqual({ start: 4800, end: 5000 });
    expect(withPageAbove({ start: 4800, end: 4900 })).toEqual({ start: 4700, end: 4900 });
    expect(withPageAbove(withPageAbove({ start: 100, end: 200 }))).toEqual({ start: 0, end: 200 });
  });

  it('holds the rows from its start up to, not including, its end', () => {
    const window = { start: 200, end: 300 };
    expect([199, 200, 299, 300].map((row) => holds(window, row))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('is clamped to the list: a short last page, a list that shrank under it, an empty list', () => {
    expect(windowIn({ start: 200, end: 300 }, 237)).toEqual({ start: 200, end: 237 });
    expect(windowIn({ start: 0, end: 100 }, 15)).toEqual({ start: 0, end: 15 });
    // 5,000 rows down, then the list shrinks to 237: its last page, not an empty list.
    expect(windowIn({ start: 5000, end: 5100 }, 237)).toEqual({ start: 200, end: 237 });
    expect(windowIn({ start: 300, end: 400 }, 300)).toEqual({ start: 200, end: 300 });
    expect(windowIn({ start: 5000, end: 5100 }, 0)).toEqual({ start: 0, end: 0 });
  });
});
