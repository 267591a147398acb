import { Show, lazy, type JSX } from 'solid-js';
import type { MapController } from '../../map/controller';
import { useAppState } from '../../state/context';

// The chain view and its styles load when a chain is first opened.
const ChainView = lazy(() => import('./ChainView'));

/** The open chain's view in the side panel, or the browsing panels (children) when none is open. */
export default function ChainOrBrowse(props: {
  controller: MapController | undefined;
  onOpenPark: (parkId: string) => void;
  children: JSX.Element;
}): JSX.Element {
  const state = useAppState();
  return (
    <Show when={state.chainView.selection().chain} keyed fallback={props.children}>
      {(chainId) => (
        <ChainView
          chainId={chainId}
          controller={props.controller}
          onOpenPark={props.onOpenPark}
          onClose={() => state.openChain(null)}
        />
      )}
    </Show>
  );
}
