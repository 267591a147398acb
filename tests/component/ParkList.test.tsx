import { fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { AppStateContext } from '../../src/state/context';
import { createAppState, type AppState } from '../../src/state/appState';
import { defaultFilter } from '../../src/domain/filter';
import { viewOf } from '../fixtures/view';
import ParkList from '../../src/ui/ParkList';
import {
  FIRST_PAGE,
  LIST_PAGE,
  pageHolding,
  withPageAbove,
  withPageBelow,
  type ListWindow,
} from '../../src/domain/listWindow';
import { manyParksState } from '../fixtures/manyParks';
import { registry } from '../fixtures/sampleRegistry';

const PARK_COUNT = 2 * LIST_PAGE + 37;

const rowIds = (): string[] =>
  [...document.querySelectorAll<HTMLButtonElement>('.park-button')].map(
    (button) => button.dataset.parkId ?? '',
  );

/**
 * The list over {@link manyParksState} in a window the test holds, moved by its own buttons as the app
 * does; returns the list's state.
 */
function renderList(first: ListWindow): AppState {
  let state!: AppState;
  const [shown, setShown] = createSignal(first);
  render(() => (
    <AppStateContext.Provider value={(state = manyParksState(PARK_COUNT))}>
      <ParkList
        onOpen={() => undefined}
        window={shown()}
        onListEarlier={() => setShown(withPageAbove(shown()))}
        onListMore={() => setShown(withPageBelow(shown()))}
      />
    </AppStateContext.Provider>
  ));
  return state;
}

/** The list's count line ("列出第 101–200 个，共 237 个"), or null when the whole list is shown. */
const countLine = (): string | null =>
  document.querySelector('.list-window')?.firstChild?.textContent ?? null;

const focusedId = (): string | undefined =>
  (document.activeElement as HTMLElement | null)?.dataset.parkId;

describe('ParkList', () => {
  // Renders hundreds of rows in jsdom three times: seconds on a busy machine, over the 5 s default.
  it(
    'renders the first page of a long list and adds a page per "list more" until all are listed',
    {
      timeout: 30_000,
    },
    () => {
      const state = renderList(FIRST_PAGE);
      const everyId = state.visibleParkIds();
      expect(everyId).toHaveLength(PARK_COUNT);
      expect(rowIds()).toEqual(everyId.slice(0, LIST_PAGE));
      expect(countLine()).toBe(`列出第 1–100 个，共 ${PARK_COUNT} 个`);
      // Nothing above the first page.
      expect(screen.queryByRole('button', { name: /列出前面/ })).toBeNull();

      fireEvent.click(screen.getByRole('button', { name: `列出后面 ${LIST_PAGE} 个` }));
      expect(rowIds()).toEqual(everyId.slice(0, 2 * LIST_PAGE));
      expect(countLine()).toBe(`列出第 1–200 个，共 ${PARK_COUNT} 个`);

      // The last page offers only what is left; once it is shown the button goes, and the focus
      // goes to the first row it brought rather than to the page.
      const more = screen.getByRole('button', {
        name: `列出后面 ${PARK_COUNT - 2 * LIST_PAGE} 个`,
      });
      more.focus();
      fireEvent.click(more);
      expect(rowIds()).toEqual(everyId);
      expect(screen.queryByRole('button', { name: /列出后面/ })).toBeNull();
      expect(countLine()).toBeNull();
      expect(focusedId()).toBe(everyId[2 * LIST_PAGE]);
    },
  );

  it('shows a window in the middle with the pages above and below on offer, in both languages', () => {
    const state = renderList(pageHolding(150));
    const everyId = state.visibleParkIds();
    expect(rowIds()).toEqual(everyId.slice(100, 200));
    expect(countLine()).toBe(`列出第 101–200 个，共 ${PARK_COUNT} 个`);
    expect(screen.getByRole('button', { name: '列出后面 37 个' })).toBeInTheDocument();

    state.setLang('en');
    expect(countLine()).toBe(`Showing 101–200 of ${PARK_COUNT}`);
    expect(screen.getByRole('button', { name: 'List 37 more' })).toBeInTheDocument();
    const earlier = screen.getByRole('button', { name: 'List 100 earlier' });
    earlier.focus();
    fireEvent.click(earlier);
    expect(rowIds()).toEqual(everyId.slice(0, 200));
    expect(countLine()).toBe(`Showing 1–200 of ${PARK_COUNT}`);
    // At the top the button goes; the focus moves to the first row, where the button was.
    expect(screen.queryByRole('button', { name: /earlier/ })).toBeNull();
    expect(focusedId()).toBe(everyId[0]);
  });

  it('a window past the end of a list that shrank shows the list’s last page', () => {
    const state = renderList(pageHolding(5000));
    const everyId = state.visibleParkIds();
    expect(rowIds()).toEqual(everyId.slice(200));
    expect(countLine()).toBe(`列出第 201–${PARK_COUNT} 个，共 ${PARK_COUNT} 个`);
    expect(screen.queryByRole('button', { name: /列出后面/ })).toBeNull();
    expect(screen.getByRole('button', { name: '列出前面 100 个' })).toBeInTheDocument();
  });

  it('marks the selected park as current, and only that one', () => {
    let state!: AppState;
    render(() => (
      <AppStateContext.Provider value={(state = manyParksState(PARK_COUNT))}>
        <ParkList
          onOpen={() => undefined}
          window={FIRST_PAGE}
          onListEarlier={() => undefined}
          onListMore={() => undefined}
        />
      </AppStateContext.Provider>
    ));
    const second = state.visibleParkIds()[1]!;
    state.selectPark(second);
    const current = [...document.querySelectorAll('.park-button[aria-current="true"]')];
    expect(current.map((button) => (button as HTMLElement).dataset.parkId)).toEqual([second]);
  });

  it('flags the parks the registry view finds off their lead chains, and only those', () => {
    const index = viewOf(registry);
    render(() => (
      <AppStateContext.Provider
        value={createAppState(index, {
          filter: defaultFilter(index),
          park: null,
          project: null,
          lang: 'zh',
        })}
      >
        <ParkList
          onOpen={() => undefined}
          window={FIRST_PAGE}
          onListEarlier={() => undefined}
          onListMore={() => undefined}
        />
      </AppStateContext.Provider>
    ));
    const flagged = [...document.querySelectorAll('#park-list > li')]
      .filter((row) => row.querySelector('.focus-flag'))
      .map((row) => row.querySelector<HTMLElement>('.park-button')?.dataset.parkId);
    const expected = registry.parks
      .map((park) => park.properties.id)
      .filter((id) => index.isOffFocus(id));
    expect(expected.length).toBeGreaterThan(0);
    expect(flagged.sort()).toEqual(expected.sort());
  });
});
