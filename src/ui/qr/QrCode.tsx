import { Match, Switch, createMemo, createSignal, onMount, type JSX } from 'solid-js';
import { QUIET_ZONE, loadQrEncoder, qrEncoder, qrPath, type QrMatrix } from './qr';

/**
 * A QR code of `text`, drawn as SVG from the module matrix (elements built by Solid, no markup
 * from data). The generator loads on mount unless `load` is false (the print code waits for an
 * idle moment); `loading` shows until then, `failed` if it cannot load or the text does not fit.
 */
export default function QrCode(props: {
  text: string;
  /** The image's accessible name. */
  label: string;
  loading?: JSX.Element;
  failed?: JSX.Element;
  load?: boolean;
  class?: string;
}): JSX.Element {
  const [failed, setFailed] = createSignal(false);
  onMount(() => {
    if (props.load !== false) loadQrEncoder().catch(() => setFailed(true));
  });
  const matrix = createMemo((): QrMatrix | 'too-long' | undefined => {
    const encode = qrEncoder();
    if (!encode) return undefined;
    try {
      return encode(props.text);
    } catch {
      return 'too-long';
    }
  });
  const drawn = (): QrMatrix | undefined => {
    const value = matrix();
    return value === 'too-long' ? undefined : value;
  };
  return (
    <Switch fallback={props.loading}>
      <Match when={failed() || matrix() === 'too-long'}>{props.failed}</Match>
      <Match when={drawn()}>
        {(modules) => {
          const extent = (): number => modules().length + 2 * QUIET_ZONE;
          return (
            <svg
              class={props.class ?? 'qr-code'}
              role="img"
              aria-label={props.label}
              viewBox={`0 0 ${extent()} ${extent()}`}
              shape-rendering="crispEdges"
              data-qr-modules={modules().length}
            >
              <rect width={extent()} height={extent()} fill="#fff" />
              <path d={qrPath(modules())} fill="#000" />
            </svg>
          );
        }}
      </Match>
    </Switch>
  );
}
