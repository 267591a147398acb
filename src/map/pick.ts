import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { PickRequest } from './controller';
import './pick.css';

/**
 * The map's one-shot point picker (MapController.pickPoint). While it is armed the map's own
 * click handler stands aside (MapView asks {@link PointPicker.active}), so the click that picks a
 * location does not also open the park or project under it.
 */
export interface PointPicker {
  pick(request: PickRequest): Promise<[number, number] | null>;
  /** Whether a pick is waiting for its click. */
  active(): boolean;
  /** Cancels a waiting pick (the map is going away). */
  cancel(): void;
}

/**
 * Six decimals of a degree are about 0.1 m: finer than any boundary we hold, and what a person
 * can read back in the form.
 */
const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Creates the picker of one map instance. */
export function createPointPicker(instance: MapLibreMap): PointPicker {
  let finish: ((point: [number, number] | null) => void) | null = null;

  const pick = (request: PickRequest): Promise<[number, number] | null> => {
    finish?.(null);
    const container = instance.getContainer();
    // A plain element with text, not a Solid view: Solid never renders inside the map's container.
    const cue = document.createElement('div');
    cue.className = 'map-pick-cue';
    cue.setAttribute('role', 'status');
    cue.textContent = request.prompt;
    container.append(cue);
    container.classList.add('map-picking');

    return new Promise((resolve) => {
      const onClick = (event: MapMouseEvent): void => {
        const point: [number, number] = [round(event.lngLat.lng), round(event.lngLat.lat)];
        const refusal = request.check?.(point) ?? null;
        if (refusal === null) done(point);
        else cue.textContent = `${refusal} ${request.prompt}`;
      };
      // Capturing, and stopped here: Escape cancels the pick, not the panel that asked for it.
      const onKey = (event: KeyboardEvent): void => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        done(null);
      };
      const onAbort = (): void => done(null);
      const done = (point: [number, number] | null): void => {
        instance.off('click', onClick);
        window.removeEventListener('keydown', onKey, true);
        request.signal?.removeEventListener('abort', onAbort);
        cue.remove();
        container.classList.remove('map-picking');
        finish = null;
        resolve(point);
      };
      if (request.signal?.aborted) {
        done(null);
        return;
      }
      finish = done;
      instance.on('click', onClick);
      window.addEventListener('keydown', onKey, true);
      request.signal?.addEventListener('abort', onAbort);
    });
  };

  return { pick, active: () => finish !== null, cancel: () => finish?.(null) };
}
