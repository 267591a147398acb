import type { JSX } from 'solid-js';
import type { TilesOrigin } from '../../data/tiledRegistry';
import type { Lang } from '../../domain/i18n';
import { tt } from './strings';

/** "2026-12-01T08:00:00.000Z" as "2026-12-01 08:00 UTC": the minute is precise enough. */
function shownTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/**
 * Where and when a tiled registry's data was validated, visibly in the data area of the panel:
 * the browser does not validate it again (index.json records the run of `npm run tiles`).
 */
export default function ValidatedNote(props: { tiles: TilesOrigin; lang: Lang }): JSX.Element {
  const file = (): string => new URL(props.tiles.indexUrl).pathname.replace(/^\//, '');
  return (
    <p class="validated-note muted small" data-validated-at={props.tiles.validated.at}>
      {tt('tiles.validated', props.lang, {
        by: props.tiles.validated.by,
        at: shownTime(props.tiles.validated.at),
        file: file(),
        asOf: props.tiles.validated.registry_as_of,
      })}
    </p>
  );
}
