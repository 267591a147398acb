import { For, Show, createMemo, type JSX } from 'solid-js';
import type { Lang } from '../../domain/i18n';
import {
  COMMON_CRS,
  candidateChoice,
  crsById,
  shiftAlternatives,
  transformationOf,
  type ImportSource,
} from '../../import';
import type { ImportSession } from '../../state/importSession';
import { ti } from './strings';

/**
 * The file's coordinate system. A system the file states (a .prj, a crs member) is used; one the
 * importer only guessed is never previewed as final: the systems that fit are offered as a
 * choice, each with how far it would move the data, and nothing is drawn until one is chosen.
 * Then the transformation applied is named, and where datum shifts differ (Beijing 1954) the
 * other shift is offered with its move. Any other system can be chosen from the list.
 */
export default function CrsChooser(props: {
  session: ImportSession;
  source: ImportSource;
  lang: Lang;
}): JSX.Element {
  const session = () => props.session;
  const guess = () => props.source.guess;
  const unknown = (): boolean => guess().certainty === 'unknown';
  const asking = (): boolean => guess().certainty === 'inferred';
  const autoLabel = (): string => {
    const guessed = guess().crs;
    return guessed && guess().certainty === 'stated'
      ? ti('import.crsAuto', props.lang, { name: guessed.name[props.lang] })
      : ti('import.crsChoose', props.lang);
  };
  const metres = (value: number): string =>
    Math.round(value).toLocaleString(props.lang === 'zh' ? 'zh-CN' : 'en');
  const plan = () => session().plan();
  /** The system chosen, before any datum shift chosen here: its shift is the default one. */
  const unshifted = () => {
    const choice = session().crsChoice();
    if (choice === 'auto') return guess().certainty === 'stated' ? guess().crs : null;
    return crsById(choice === 'other' ? session().otherCode() : (choice.split('|')[0] ?? ''));
  };
  const alternatives = createMemo(() => {
    const base = unshifted();
    if (!base || !plan()?.converted) return [];
    return shiftAlternatives(props.source, base, session().crsChoice().endsWith('|swap'));
  });
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
      <Show when={asking()}>
        <fieldset class="import-crs-ask" role="radiogroup">
          <legend class="import-warning">{ti('import.crsAsk', props.lang)}</legend>
          <p class="small muted">
            {ti('import.crsFits', props.lang, { reference: guess().reference[props.lang] })}
          </p>
          <For each={guess().candidates}>
            {(candidate) => (
              <label class="import-radio">
                <input
                  type="radio"
                  name="import-crs-candidate"
                  value={candidateChoice(candidate)}
                  checked={session().crsChoice() === candidateChoice(candidate)}
                  onChange={() => session().setCrsChoice(candidateChoice(candidate))}
                />{' '}
                {ti('import.crsFit', props.lang, {
                  name: candidate.crs.name[props.lang],
                  metres: metres(candidate.moveMetres),
                })}
                {candidate.swapAxes ? ti('import.crsSwapped', props.lang) : ''}
                {guess().source === 'file-name' && candidate.crs === guess().crs
                  ? ti('import.crsSuggested', props.lang)
                  : ''}
              </label>
            )}
          </For>
        </fieldset>
      </Show>
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
          <Show
            when={
              session().crsChoice() !== 'auto' &&
              session().crsChoice() !== 'other' &&
              !COMMON_CRS.some((system) => system.id === session().crsChoice())
            }
          >
            <option value={session().crsChoice()}>{session().crsChoice()}</option>
          </Show>
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
      <Show when={plan()?.crs}>
        {(crs) => (
          <p class="small">
            {ti('import.transformation', props.lang, {
              name: transformationOf(crs())[props.lang],
            })}
          </p>
        )}
      </Show>
      <Show when={alternatives().length > 0 || session().datumShift() !== 'default'}>
        <label class="import-field">
          <span>{ti('import.datumShift', props.lang)}</span>
          <select
            value={session().datumShift()}
            onChange={(event) => session().setDatumShift(event.currentTarget.value)}
          >
            <option value="default">{unshifted()?.shift.name[props.lang] ?? ''}</option>
            <For each={alternatives()}>
              {(other) => (
                <option value={other.shift.id === 'epsg15919' ? 'epsg:15919' : other.shift.id}>
                  {ti('import.datumShiftMove', props.lang, {
                    name: other.shift.name[props.lang],
                    metres: metres(other.moveMetres),
                  })}
                </option>
              )}
            </For>
          </select>
        </label>
      </Show>
    </>
  );
}
