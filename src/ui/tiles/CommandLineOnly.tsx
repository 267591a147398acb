import type { JSX } from 'solid-js';
import type { Lang } from '../../domain/i18n';
import { tt } from './strings';

/**
 * In place of the boundary and project importers: a tiled registry's tiles, index and geometry
 * files are cut from the registry files, so an import in the browser could not reach them.
 */
export default function CommandLineOnly(props: { lang: Lang }): JSX.Element {
  return (
    <p class="notice import-entry tiles-command-line" role="note">
      {tt('tiles.commandLineOnly', props.lang)}
    </p>
  );
}
