import type { JSX } from 'solid-js';
import { t, type Lang } from '../domain/i18n';
import type { MapFailure } from '../map/controller';

/** What stands in the map's place when there is no map: why, and that the panel still works. */
export default function MapFallback(props: { failure: MapFailure; lang: Lang }): JSX.Element {
  return (
    <div class="map-fallback" role="status">
      <h2>{t('noMapTitle', props.lang)}</h2>
      <p>{t(props.failure.reason === 'no-webgl' ? 'noWebGl' : 'mapError', props.lang)}</p>
      <p class="muted small">{props.failure.detail}</p>
    </div>
  );
}
