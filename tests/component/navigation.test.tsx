import { fireEvent, render, screen } from '@solidjs/testing-library';
import { Show } from 'solid-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNavigation, type Navigation } from '../../src/app/navigation';
import type { District } from '../../src/data/schema';
import { defaultFilter } from '../../src/domain/filter';
import { LIST_PAGE } from '../../src/domain/listWindow';
import type { AppState } from '../../src/state/appState';
import { AppStateContext } from '../../src/state/context';
import ParkList from '../../src/ui/ParkList';
import { manyParksState } from '../fixtures/manyParks';

/**
 * Navigation and the park list together, composed as App.tsx composes them (the list gives way to
 * the detail while a park is open): where the list's window is after a detail closes, and where
 * the focus goes, at a size where rendering every row above a park is what made closing slow.
 */

const PARK_COUNT = 6000;
const DISTRICTS: readonly District[] = ['京口区', '润州区'];

/**
 * The list over {@link manyParksState} and a stand-in detail, switched on the selection as in App.tsx;
 * returns the state and navigation.
 */
function renderApp(): { state: AppState; nav: Navigation } {
  let state!: AppState;
  let nav!: Navigation;
  render(() => {
    state = manyParksState(PARK_COUNT, DISTRICTS);
    nav = createNavigation(state, () => undefined);
    return (
      <AppStateContext.Provider value={state}>
        <Show
          when={state.selectedParkId()}
          fallback={
            <ParkList
              onOpen={(id) => nav.openPark(id)}
              window={nav.listWindow()}
              onListEarlier={() => nav.listEarlier()}
              onListMore={() => nav.listMore()}
            />
          }
        >
          <section role="region" aria-label="detail" />
        </Show>
      </AppStateContext.Provider>
    );
  });
  return { state, nav };
}

const rowIds = (): string[] =>
  [...document.querySelectorAll<HTMLButtonElement>('.park-button')].map(
    (button) => button.dataset.parkId ?? '',
  );
const countLine = (): string | null =>
  document.querySelector('.list-window')?.firstChild?.textContent ?? null;
const focusedId = (): string | undefined =>
  (document.activeElement as HTMLElement | null)?.dataset.parkId;
const pressEscape = (): void => {
  fireEvent.keyDown(document, { key: 'Escape' });
};
/** Keeps only the parks of `district` by unchecking every other district. */
const onlyDistrict = (state: AppState, district: District): void =>
  state.updateFilter((filter) => ({ ...filter, districts: new Set([district]) }));

// jsdom has no matchMedia; navigation asks it for the phone layout and for reduced motion.
const ownMatchMedia = Object.getOwnPropertyDescriptor(window, 'matchMedia');
beforeAll(() => {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (media: string) => ({
      matches: false,
      media,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }),
  });
});
afterAll(() => {
  if (ownMatchMedia) Object.defineProperty(window, 'matchMedia', ownMatchMedia);
  else Reflect.deleteProperty(window, 'matchMedia');
});

// Builds a 6,000-park registry per test: seconds in jsdom on a busy machine.
describe('closing a park’s detail', { timeout: 60_000 }, () => {
  it('5,000 rows down: its page alone is rendered, with the focus on its row', () => {
    const { state, nav } = renderApp();
    const everyId = state.visibleParkIds();
    const target = everyId[5000]!;
    expect(rowIds()).not.toContain(target);

    // Opened from the map or search: the row is not rendered, and opening does not render it.
    nav.openPark(target);
    expect(screen.getByRole('region', { name: 'detail' })).toBeInTheDocument();
    pressEscape();

    expect(focusedId()).toBe(target);
    expect(rowIds().length).toBeLessThanOrEqual(2 * LIST_PAGE);
    expect(rowIds()).toEqual(everyId.slice(5000, 5100));
    expect(countLine()).toBe('列出第 5,001–5,100 个，共 6,000 个');
    state.setLang('en');
    expect(countLine()).toBe('Showing 5,001–5,100 of 6,000');

    // The rows above come a page at a time; the focus stays where the user is.
    fireEvent.click(screen.getByRole('button', { name: 'List 100 earlier' }));
    expect(rowIds()).toEqual(everyId.slice(4900, 5100));
    expect(countLine()).toBe('Showing 4,901–5,100 of 6,000');
    fireEvent.click(screen.getByRole('button', { name: 'List 100 more' }));
    expect(rowIds()).toEqual(everyId.slice(4900, 5200));
  });

  it('a park inside the window the user left keeps that window; opening never moves it', () => {
    const { state, nav } = renderApp();
    const everyId = state.visibleParkIds();
    fireEvent.click(screen.getByRole('button', { name: '列出后面 100 个' }));
    expect(rowIds()).toEqual(everyId.slice(0, 200));

    // From the list itself, row 151.
    const listed = everyId[150]!;
    fireEvent.click(document.querySelector(`[data-park-id="${listed}"]`)!);
    pressEscape();
    expect(rowIds()).toEqual(everyId.slice(0, 200));
    expect(focusedId()).toBe(listed);

    // From the map, a park far down; then, without closing, from search one in the window: the
    // window follows the park that is closed, not the ones opened on the way.
    nav.openPark(everyId[3000]!);
    nav.openPark(everyId[20]!);
    pressEscape();
    expect(rowIds()).toEqual(everyId.slice(0, 200));
    expect(focusedId()).toBe(everyId[20]);
  });

  it('a filter change starts the list at the top; a change while a park is open, at its new row', () => {
    const { state, nav } = renderApp();
    const target = state.visibleParkIds()[5000]!;
    const targetDistrict = state.index.parkById.get(target)!.properties.district;
    const otherDistrict = DISTRICTS.find((district) => district !== targetDistrict)!;

    nav.openPark(target);
    pressEscape();
    expect(rowIds()).toContain(target);
    onlyDistrict(state, otherDistrict);
    const others = state.visibleParkIds();
    expect(others).toHaveLength(PARK_COUNT / 2);
    expect(rowIds()).toEqual(others.slice(0, LIST_PAGE));
    expect(countLine()).toBe('列出第 1–100 个，共 3,000 个');

    // Back to every district with the park open: the filter resets the window, and the close
    // then shows the page the park is on in the list as it is now.
    nav.openPark(target);
    state.updateFilter(() => defaultFilter(state.index));
    onlyDistrict(state, targetDistrict);
    const row = state.visibleParkIds().indexOf(target);
    expect(row).toBeGreaterThanOrEqual(LIST_PAGE);
    pressEscape();
    expect(focusedId()).toBe(target);
    const start = Math.floor(row / LIST_PAGE) * LIST_PAGE;
    expect(rowIds()).toEqual(state.visibleParkIds().slice(start, start + LIST_PAGE));
  });
});
