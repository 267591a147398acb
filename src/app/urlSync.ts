import { createEffect, on, onCleanup } from 'solid-js';
import type { ChainRemap } from '../domain/chains/urlChain';
import type { RegistryIndex } from '../domain/membership';
import { decodeHash, encodeHash, type DecodedHash } from '../domain/urlState';
import type { AppState } from '../state/appState';

/**
 * Keeps the URL hash and the app state in step, both ways. The map layer owns `map=` (it replaces the
 * history entry while panning); every other change here is a new history entry, so back and
 * forward walk through filters and selections.
 */
export function syncUrl(
  state: AppState,
  onIgnored: (ignored: readonly string[]) => void,
  onRemapped: (remapped: readonly ChainRemap[]) => void = () => undefined,
): void {
  let applying = false;
  const apply = (): void => {
    const { state: decoded, ignored, remapped } = decodeHash(window.location.hash, state.index);
    if (ignored.length > 0) onIgnored(ignored);
    if (remapped) onRemapped(remapped);
    applying = true;
    state.applyUrlState(decoded);
    applying = false;
  };
  createEffect(
    on(
      state.urlState,
      (next) => {
        if (applying) return;
        const hash = encodeHash(next, state.index, window.location.hash);
        if (hash !== window.location.hash && `#${hash}` !== window.location.hash) {
          window.history.pushState(
            window.history.state,
            '',
            hash.startsWith('#') ? hash : `#${hash}`,
          );
        }
      },
      { defer: true },
    ),
  );
  window.addEventListener('popstate', apply);
  window.addEventListener('hashchange', apply);
  onCleanup(() => {
    window.removeEventListener('popstate', apply);
    window.removeEventListener('hashchange', apply);
  });
}

/** The state a link asks for, with whatever it named that does not exist left out. */
export function initialUrlState(index: RegistryIndex): DecodedHash {
  return decodeHash(window.location.hash, index);
}
