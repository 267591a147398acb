import './qr.css';
import { type JSX } from 'solid-js';
import { t, type Lang } from '../../domain/i18n';
import { createLocationHref } from './locationHref';
import QrCode from './QrCode';

/** The share menu's QR code of the current link, kept up to date while it is open. */
export default function ShareQr(props: { lang: Lang; id?: string }): JSX.Element {
  const href = createLocationHref(1000);
  return (
    <figure class="share-qr" id={props.id}>
      <QrCode
        text={href()}
        label={t('qr.label', props.lang)}
        loading={<p class="small muted">{t('qr.loading', props.lang)}</p>}
        failed={<p class="small">{t('qr.failed', props.lang)}</p>}
      />
      <figcaption class="small muted">{t('qr.caption', props.lang)}</figcaption>
    </figure>
  );
}
