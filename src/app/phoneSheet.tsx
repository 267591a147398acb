import { Show, createEffect, createSignal, on, onCleanup, type Accessor, type JSX } from 'solid-js';
import type { RegistryPark } from '../data/registry';
import type { Lang } from '../domain/i18n';
import type { MapController } from '../map/controller';
import BottomSheet from '../ui/BottomSheet';
import { PHONE_QUERY, createMediaQuery } from '../ui/mediaQuery';
import PanelBoundary from '../ui/PanelBoundary';
import type { AppState } from '../state/appState';

/**
 * The phone layout's park detail: a bottom sheet over the map, the way map apps show a place; the
 * drawer stays for browsing (list, filters, search).
 */
export interface PhoneSheet {
  /** Whether the screen is phone-sized (the drawer and sheet layout of styles.css). */
  readonly isPhone: Accessor<boolean>;
  /**
   * Called before a park or project opens: on a phone, closes the drawer (the sheet shows the
   * detail) and remembers where the focus was, to return it when the sheet closes.
   */
  opening(): void;
  /** Closes the sheet: no park selected, the focus back where it was (or on the drawer toggle). */
  close(): void;
  /** The sheet for the map area, shown on a phone while `park` is set; `detail` renders it. */
  readonly View: (props: {
    park: RegistryPark | undefined;
    lang: Lang;
    detail: (park: RegistryPark) => JSX.Element;
  }) => JSX.Element;
}

/**
 * Creates the phone sheet's state. The height the sheet covers goes to the map (fits keep the park
 * above it) and to CSS as `--sheet-inset` (the legend and map controls move up with it).
 */
export function createPhoneSheet(
  state: AppState,
  controller: Accessor<MapController | undefined>,
  setDrawerOpen: (open: boolean) => void,
): PhoneSheet {
  const isPhone = createMediaQuery(PHONE_QUERY);
  const [inset, setInset] = createSignal(0);
  createEffect(() => controller()?.setBottomInset(inset()));
  createEffect(() => document.documentElement.style.setProperty('--sheet-inset', `${inset()}px`));
  onCleanup(() => document.documentElement.style.removeProperty('--sheet-inset'));
  // A project chosen on the map is far down its park's detail: bring its row into the sheet.
  createEffect(
    on(state.selectedProjectId, (id) => {
      if (!id || !isPhone()) return;
      queueMicrotask(() =>
        document
          .querySelector(`.bottom-sheet .project[data-project-id="${CSS.escape(id)}"]`)
          ?.scrollIntoView({ block: 'start' }),
      );
    }),
  );
  let opener: HTMLElement | null = null;
  const close = (): void => {
    state.selectPark(null);
    const previous = opener;
    opener = null;
    // A list row in the closed drawer is not on screen: the drawer's toggle leads back to it.
    if (previous?.isConnected && previous.checkVisibility()) previous.focus();
    else document.querySelector<HTMLElement>('.drawer-toggle')?.focus();
  };

  return {
    isPhone,
    opening: () => {
      if (!isPhone()) return;
      if (!state.selectedParkId())
        opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setDrawerOpen(false);
    },
    close,
    View: (props) => (
      <Show when={isPhone() ? props.park : undefined} keyed>
        {(park) => (
          <PanelBoundary lang={props.lang}>
            <BottomSheet lang={props.lang} onClose={close} onInset={setInset}>
              {props.detail(park)}
            </BottomSheet>
          </PanelBoundary>
        )}
      </Show>
    ),
  };
}
