import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { createPointPicker } from '../../src/map/pick';

type Handler = (event: unknown) => void;

/** The few parts of a MapLibre map the picker uses: its container and click events. */
function fakeMap(): {
  map: MapLibreMap;
  click: (lng: number, lat: number) => void;
  container: HTMLElement;
} {
  const container = document.createElement('div');
  document.body.append(container);
  const handlers = new Set<Handler>();
  const map = {
    getContainer: () => container,
    on: (type: string, handler: Handler) => type === 'click' && handlers.add(handler),
    off: (type: string, handler: Handler) => type === 'click' && handlers.delete(handler),
  } as unknown as MapLibreMap;
  const click = (lng: number, lat: number): void => {
    for (const handler of [...handlers]) handler({ lngLat: { lng, lat } });
  };
  return { map, click, container };
}

const cue = (container: HTMLElement): HTMLElement | null =>
  container.querySelector('.map-pick-cue');

describe('the map point picker', () => {
  it('shows a cue while armed, refuses what the check refuses and resolves once with the point, rounded', async () => {
    const { map, click, container } = fakeMap();
    const picker = createPointPicker(map);
    const picked = picker.pick({
      prompt: 'Click inside the park.',
      check: ([lng]) => (lng < 119 ? 'Not inside.' : null),
    });
    expect(picker.active()).toBe(true);
    expect(container).toHaveClass('map-picking');
    expect(cue(container)).toHaveAttribute('role', 'status');
    expect(cue(container)).toHaveTextContent('Click inside the park.');

    click(118.5, 32);
    expect(picker.active()).toBe(true);
    expect(cue(container)).toHaveTextContent('Not inside. Click inside the park.');

    click(119.123456789, 32.987654321);
    await expect(picked).resolves.toEqual([119.123457, 32.987654]);
    expect(picker.active()).toBe(false);
    expect(cue(container)).toBeNull();
    expect(container).not.toHaveClass('map-picking');
    // One shot: a later click picks nothing.
    click(119.5, 32);
    expect(picker.active()).toBe(false);
  });

  it('Escape cancels, and is not seen by the page behind', async () => {
    const { map, container } = fakeMap();
    const picker = createPointPicker(map);
    const picked = picker.pick({ prompt: 'Pick.' });
    let behind = 0;
    const listener = (): void => void behind++;
    document.addEventListener('keydown', listener);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    document.removeEventListener('keydown', listener);
    await expect(picked).resolves.toBeNull();
    expect(behind).toBe(0);
    expect(cue(container)).toBeNull();
  });

  it('an aborted signal, a new pick or cancel() ends the waiting pick with null', async () => {
    const { map, container } = fakeMap();
    const picker = createPointPicker(map);
    const abort = new AbortController();
    const first = picker.pick({ prompt: 'one', signal: abort.signal });
    abort.abort();
    await expect(first).resolves.toBeNull();

    const second = picker.pick({ prompt: 'two' });
    const third = picker.pick({ prompt: 'three' });
    await expect(second).resolves.toBeNull();
    expect(container.querySelectorAll('.map-pick-cue')).toHaveLength(1);
    picker.cancel();
    await expect(third).resolves.toBeNull();
    await expect(picker.pick({ prompt: 'late', signal: abort.signal })).resolves.toBeNull();
    expect(cue(container)).toBeNull();
  });
});
