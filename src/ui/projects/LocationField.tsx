import { Show, createSignal, onCleanup, type JSX } from 'solid-js';
import type { ParkFeature } from '../../data/schema';
import { nameIn, type Lang } from '../../domain/i18n';
import { pointInGeometry } from '../../geometry/overlaps';
import type { MapController } from '../../map/controller';
import type { ProjectEditor } from '../../state/projectEditor';
import FormField, { describedBy, fieldIds, invalid } from './FormField';
import { tp } from './strings';

/**
 * The project's location: longitude and latitude typed (the keyboard's way, and the only one
 * without a map) or picked by clicking inside the chosen park on the map. A click outside the
 * park is refused in the map's cue and the pick goes on; Escape cancels it.
 */
export default function LocationField(props: {
  editor: ProjectEditor;
  park: ParkFeature | undefined;
  controller: MapController | undefined;
  lang: Lang;
}): JSX.Element {
  const [picking, setPicking] = createSignal(false);
  const [said, setSaid] = createSignal('');
  let abort: AbortController | undefined;
  let pickButton!: HTMLButtonElement;
  onCleanup(() => abort?.abort());
  const problems = () => props.editor.problemsOf('location');
  const values = () => props.editor.values();

  const pick = async (): Promise<void> => {
    const park = props.park;
    const controller = props.controller;
    if (!park || !controller) return;
    abort?.abort();
    abort = new AbortController();
    const name = nameIn(park.properties.name, props.lang);
    setPicking(true);
    setSaid(tp('edit.picking', props.lang));
    controller.fitToPark(park.properties.id);
    const point = await controller.pickPoint({
      prompt: tp('edit.pickPrompt', props.lang, { park: name }),
      check: (candidate) =>
        pointInGeometry(candidate, park.geometry)
          ? null
          : tp('edit.pickOutside', props.lang, { park: name }),
      signal: abort.signal,
    });
    setPicking(false);
    if (point) {
      props.editor.set('lon', String(point[0]));
      props.editor.set('lat', String(point[1]));
      setSaid(tp('edit.picked', props.lang, { lon: point[0], lat: point[1] }));
    } else setSaid(tp('edit.pickCancelled', props.lang));
    pickButton.focus();
  };

  return (
    <fieldset class="project-edit-location">
      <legend>{tp('edit.location', props.lang)}</legend>
      <div class="project-edit-lonlat">
        <FormField name="lon" label={tp('edit.lon', props.lang)} problems={[]} lang={props.lang}>
          <input
            type="text"
            inputmode="decimal"
            id={fieldIds('lon').input}
            aria-invalid={problems().length > 0 ? 'true' : undefined}
            aria-describedby={problems().length > 0 ? fieldIds('location').problems : undefined}
            value={values().lon}
            onInput={(event) => props.editor.set('lon', event.currentTarget.value)}
          />
        </FormField>
        <FormField
          name="location"
          label={tp('edit.lat', props.lang)}
          problems={problems()}
          lang={props.lang}
        >
          <input
            type="text"
            inputmode="decimal"
            id={fieldIds('location').input}
            aria-invalid={invalid(problems())}
            aria-describedby={describedBy('location', problems())}
            value={values().lat}
            onInput={(event) => props.editor.set('lat', event.currentTarget.value)}
          />
        </FormField>
      </div>
      <div class="button-row">
        <button
          type="button"
          ref={pickButton}
          disabled={!props.park || !props.controller || picking()}
          aria-describedby="project-edit-pick-hint"
          onClick={() => void pick()}
        >
          {tp('edit.pick', props.lang)}
        </button>
        <button
          type="button"
          disabled={values().lon === '' && values().lat === ''}
          onClick={() => {
            props.editor.set('lon', '');
            props.editor.set('lat', '');
          }}
        >
          {tp('edit.clearLocation', props.lang)}
        </button>
      </div>
      <p id="project-edit-pick-hint" class="muted small">
        <Show when={!props.controller}>{tp('edit.noMap', props.lang)}</Show>
        <Show when={props.controller && !props.park}>{tp('edit.pickNeedsPark', props.lang)}</Show>
      </p>
      <p class="small" role="status">
        {said()}
      </p>
    </fieldset>
  );
}
