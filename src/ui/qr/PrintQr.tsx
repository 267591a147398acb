import './qr.css';
import { onCleanup, onMount, type JSX } from 'solid-js';
import { t, type Lang } from '../../domain/i18n';
import { createLocationHref } from './locationHref';
import { loadQrEncoder } from './qr';
import QrCode from './QrCode';

/**
 * The QR code of the current link on paper: hidden on screen, printed in the map's corner with the
 * link spelled out. The generator loads once the page is idle, so that a print from the browser's
 * menu has it; the app's print button waits for it (ExportMenu).
 */
export default function PrintQr(props: { lang: Lang }): JSX.Element {
  const href = createLocationHref(null);
  onMount(() => {
    const load = (): void => void loadQrEncoder().catch(() => undefined);
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(load, { timeout: 5000 });
      onCleanup(() => window.cancelIdleCallback(handle));
    } else {
      const handle = window.setTimeout(load, 2000);
      onCleanup(() => window.clearTimeout(handle));
    }
  });
  return (
    <figure class="print-qr">
      <QrCode text={href()} label={t('qr.label', props.lang)} load={false} />
      <figcaption>
        {t('qr.caption', props.lang)}
        <span class="print-qr-link">{href()}</span>
      </figcaption>
    </figure>
  );
}
