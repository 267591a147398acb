import { For, Show, type JSX } from 'solid-js';
import type { Lang } from '../../domain/i18n';
import { COMMON_CRS, type ImportSource } from '../../import';
import type { ImportSession } from '../../state/importSession';
import { ti } from './strings';

/**
 * The file's coordinate system: what the file states or its numbers suggest (a warning when
 * nothing does), a list of the usual systems, and any EPSG code the importer knows.
 */
export default function CrsChooser(props: {
  session: ImportSession;
  source: ImportSource;
  lang: Lang;
}): JSX.Element {
  const session = () => props.session;
  const guess = () => props.source.guess;
  const unknown = (): boolean => guess().certainty === 'unknown';
  const autoLabel = (): string => {
    const guessed = guess().crs;
    return guessed
      ? ti('import.crsAuto', props.lang, { name: guessed.name[props.lang] })
      : ti('import.crsChoose', props.lang);
  };
  return (
    <>
      <h3>{ti('import.crs', props.lang)}</h3>
      <p
        class="small"
        classList={{ 'import-warning': unknown() }}
        role={unknown() ? 'alert' : undefined}
      >
        {guess().message[props.lang]}
      </p>
      <label class="import-field">
        <span>{ti('import.crsLabel', props.lang)}</span>
        <select
          value={session().crsChoice()}
          onChange={(event) => session().setCrsChoice(event.currentTarget.value)}
        >
          <option value="auto">{autoLabel()}</option>
          <For each={COMMON_CRS}>
            {(system) => <option value={system.id}>{system.name[props.lang]}</option>}
          </For>
          <option value="other">{ti('import.crsOther', props.lang)}</option>
        </select>
      </label>
      <Show when={session().crsChoice() === 'other'}>
        <label class="import-field">
          <span>{ti('import.epsgCode', props.lang)}</span>
          <input
            type="text"
            inputmode="numeric"
            placeholder="EPSG:4549"
            value={session().otherCode()}
            onInput={(event) => session().setOtherCode(event.currentTarget.value)}
          />
        </label>
        <Show
          when={
            session().otherCode().trim() !== '' && session().plan()?.stop === 'crs-unrecognised'
          }
        >
          <p class="import-warning small" role="alert">
            {ti('import.epsgUnknown', props.lang)}
          </p>
        </Show>
      </Show>
    </>
  );
}
