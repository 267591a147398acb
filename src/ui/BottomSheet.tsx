import './sheet.css';
import { createSignal, onCleanup, onMount, type JSX } from 'solid-js';
import { t, type Lang } from '../domain/i18n';

/**
 * A sheet over the bottom of the map, the way map apps show a place on a phone: the map stays
 * visible and usable above it. It reports the height it covers (`onInset`) so that the map can fit
 * what it shows into the part above; expanded, it covers more, but the map keeps that inset and
 * does not jump. Not modal: the map and the top bar stay reachable; Escape closes it (App).
 */
export default function BottomSheet(props: {
  lang: Lang;
  onClose: () => void;
  onInset: (pixels: number) => void;
  children: JSX.Element;
}): JSX.Element {
  let sheet!: HTMLDivElement;
  const [expanded, setExpanded] = createSignal(false);

  onMount(() => {
    const report = (): void => {
      if (!expanded()) props.onInset(Math.round(sheet.getBoundingClientRect().height));
    };
    // Measured at once, so that a fit right after opening already sees the sheet.
    report();
    const observer = new ResizeObserver(report);
    observer.observe(sheet);
    onCleanup(() => {
      observer.disconnect();
      props.onInset(0);
    });
  });

  return (
    <div ref={sheet} class="bottom-sheet" classList={{ expanded: expanded() }}>
      <div class="sheet-bar">
        <button
          type="button"
          class="sheet-expand"
          aria-expanded={expanded()}
          onClick={() => setExpanded(!expanded())}
        >
          <span aria-hidden="true">{expanded() ? '▾' : '▴'}</span> {t('sheet.expand', props.lang)}
        </button>
        <button
          type="button"
          class="sheet-close"
          aria-label={t('sheet.close', props.lang)}
          onClick={() => props.onClose()}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div class="sheet-body">{props.children}</div>
    </div>
  );
}
