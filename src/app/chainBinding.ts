import { createEffect, on, type Accessor } from 'solid-js';
import type { MapController } from '../map/controller';
import type { AppState } from '../state/appState';

/**
 * Ties the chain view to the rest of the explorer: an open chain (from a link too) opens the
 * drawer on a phone, and selecting a segment fits the map to its host parks (unless the link set
 * its own view).
 */
export function bindChainView(
  state: AppState,
  controller: Accessor<MapController | undefined>,
  openDrawer: () => void,
  linkHasView: boolean,
): void {
  createEffect(
    on(
      () => state.chainView.selection().chain,
      (chain) => {
        if (chain !== null) openDrawer();
      },
    ),
  );
  // A link's own view wins on load; after that, every segment choice fits its host parks.
  let keepLinkView = linkHasView;
  createEffect(
    on([controller, state.chainView.focusParkIds], ([map, ids]) => {
      if (!map || ids === null || ids.length === 0) return;
      if (keepLinkView) {
        keepLinkView = false;
        return;
      }
      map.fitToParks(ids);
    }),
  );
}
