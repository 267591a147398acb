import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { MapController } from '../map/controller';
import type { AppState } from '../state/appState';
import {
  FIRST_PAGE,
  holds,
  pageHolding,
  withPageAbove,
  withPageBelow,
  type ListWindow,
} from '../domain/listWindow';
import { createPhoneSheet, type PhoneSheet } from './phoneSheet';

/**
 * Where the user is and how they move: which park or project is open, whether the side panel is
 * open on a phone, how far down the list they have read, and the camera moves that go with it.
 * Every way of opening a park (list, search, detail links, map) goes through here.
 */
export interface Navigation {
  /** Whether the side panel is open (it is a drawer on phones). */
  readonly drawerOpen: Accessor<boolean>;
  toggleDrawer(): void;
  /** Opens the side panel (on a phone, over the map). */
  openDrawer(): void;
  /**
   * Which rows of the park list are rendered; kept while a park is open, back to the first page
   * when the filter changes, and moved to the closed park's page when a detail closes.
   */
  readonly listWindow: Accessor<ListWindow>;
  /** Adds the page above the list's window. */
  listEarlier(): void;
  /** Adds the page below the list's window. */
  listMore(): void;
  /** Opens a park in the detail panel and, unless `fit` is false, fits the view to it. */
  openPark(id: string, fit?: boolean): void;
  /** Closes the detail and gives the focus back to the park's row in the list. */
  closeDetail(): void;
  /** Selects a project (and so its park) and centres the map on it when it is located. */
  showProject(id: string): void;
  /**
   * A project chosen on the map: as {@link Navigation.showProject}. On a phone its park's detail
   * opens in the bottom sheet, as for a park chosen on the map or in search.
   */
  openProject(id: string): void;
  /** The phone layout's bottom sheet, which shows the open park's detail over the map. */
  readonly sheet: PhoneSheet;
  /** Whether camera moves should jump instead of animating. */
  readonly reducedMotion: Accessor<boolean>;
}

/**
 * Navigation over `state`, moving the camera through `controller` once the map is ready. Owns a
 * document key listener (Escape closes the detail) and a media-query listener, both removed with
 * the owner.
 */
export function createNavigation(
  state: AppState,
  controller: Accessor<MapController | undefined>,
): Navigation {
  const [drawerOpen, setDrawerOpen] = createSignal(false);
  const sheet = createPhoneSheet(state, controller, setDrawerOpen);
  const [listWindow, setListWindow] = createSignal<ListWindow>(FIRST_PAGE);
  createEffect(on(state.filter, () => setListWindow(FIRST_PAGE), { defer: true }));

  const motionQuery = window.matchMedia('(prefers-reduced-motion: reduce)');
  const [reducedMotion, setReducedMotion] = createSignal(motionQuery.matches);
  const onMotionChange = (event: MediaQueryListEvent): void => {
    setReducedMotion(event.matches);
  };
  motionQuery.addEventListener('change', onMotionChange);
  onCleanup(() => motionQuery.removeEventListener('change', onMotionChange));

  const openPark = (id: string, fit = true): void => {
    sheet.opening();
    state.selectPark(id);
    if (fit) controller()?.fitToPark(id);
  };
  const closeDetail = (): void => {
    if (sheet.isPhone()) return sheet.close();
    const id = state.selectedParkId();
    // The row that gets the focus back must be rendered, however far down the list it is: the
    // window moves to its page alone (one page of rows, where rendering every row above it cost
    // seconds at 10,000 parks), unless the window the user left already shows it.
    const row = id ? state.visibleParkIds().indexOf(id) : -1;
    if (row >= 0 && !holds(listWindow(), row)) setListWindow(pageHolding(row));
    state.selectPark(null);
    // The list renders synchronously when the selection clears, so the row exists by now.
    if (id)
      document
        .querySelector<HTMLButtonElement>(`.park-button[data-park-id="${CSS.escape(id)}"]`)
        ?.focus();
  };
  const showProject = (id: string): void => {
    sheet.opening();
    state.selectProject(id);
    controller()?.showProject(id);
  };

  // Escape closes the detail from anywhere. With the focus inside the detail, its own handler
  // (ParkDetail) sees the key too: whichever runs first closes it, the other finds nothing open.
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && state.selectedParkId() && !event.defaultPrevented) closeDetail();
  };
  document.addEventListener('keydown', onKey);
  onCleanup(() => document.removeEventListener('keydown', onKey));

  return {
    drawerOpen,
    toggleDrawer: () => setDrawerOpen(!drawerOpen()),
    openDrawer: () => setDrawerOpen(true),
    listWindow,
    listEarlier: () => setListWindow(withPageAbove(listWindow())),
    listMore: () => setListWindow(withPageBelow(listWindow())),
    openPark,
    closeDetail,
    showProject,
    openProject: showProject,
    sheet,
    reducedMotion,
  };
}
