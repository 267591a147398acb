import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindCameraToAddress } from '../../src/map/cameraHash';
import { FakeMap } from './fakeMap';

/** The map as the binding sees it. */
const asMap = (map: FakeMap): MapLibreMap => map as unknown as MapLibreMap;

/** What the history API and a Back do to the address, without a browser's traversal. */
function goBackTo(hash: string): void {
  window.history.replaceState(null, '', hash);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

describe('the camera in the address', () => {
  let unbind: () => void = () => undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '#park=gt');
  });
  afterEach(() => {
    unbind();
    vi.useRealTimers();
  });

  it('writes the first view at once, in place, keeping the rest of the address', () => {
    const before = window.history.length;
    unbind = bindCameraToAddress(asMap(new FakeMap({})));
    expect(window.location.hash).toBe('#map=10/32.1/119.4&park=gt');
    expect(window.history.length).toBe(before);
  });

  it('writes a move at most once per interval, the last view winning', () => {
    const map = new FakeMap({});
    unbind = bindCameraToAddress(asMap(map));
    map.camera = { ...map.camera, zoom: 11 };
    map.fire('moveend');
    map.camera = { ...map.camera, zoom: 12 };
    map.fire('moveend');
    expect(window.location.hash).toBe('#map=10/32.1/119.4&park=gt');
    vi.advanceTimersByTime(400);
    expect(window.location.hash).toBe('#map=12/32.1/119.4&park=gt');
  });

  it('a Back while a write is pending restores the entry’s own view, and nothing overwrites it', () => {
    const map = new FakeMap({});
    unbind = bindCameraToAddress(asMap(map));
    map.camera = { ...map.camera, zoom: 14, lng: 119.5 };
    map.fire('moveend');
    goBackTo('#map=9/32/119.45');
    vi.advanceTimersByTime(1000);
    expect(window.location.hash).toBe('#map=9/32/119.45');
    expect(map.camera).toMatchObject({ zoom: 9, lat: 32, lng: 119.45 });
  });

  it('an address edited by hand moves the map; one that names the current view does not', () => {
    const map = new FakeMap({});
    unbind = bindCameraToAddress(asMap(map));
    window.history.replaceState(null, '', '#map=10/32.1/119.4');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(map.callsOf('jumpTo')).toHaveLength(0);
    window.history.replaceState(null, '', '#map=13.5/32.2/119.6/30/45&lang=en');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(map.camera).toEqual({ zoom: 13.5, lat: 32.2, lng: 119.6, bearing: 30, pitch: 45 });
  });

  it('a view that is not a camera is left alone', () => {
    const map = new FakeMap({});
    unbind = bindCameraToAddress(asMap(map));
    goBackTo('#map=abc/def&park=gt');
    expect(map.callsOf('jumpTo')).toHaveLength(0);
  });

  it('unbinding stops both directions', () => {
    const map = new FakeMap({});
    bindCameraToAddress(asMap(map))();
    map.camera = { ...map.camera, zoom: 15 };
    map.fire('moveend');
    vi.advanceTimersByTime(1000);
    expect(window.location.hash).toBe('#map=10/32.1/119.4&park=gt');
    goBackTo('#map=9/32/119.45');
    expect(map.callsOf('jumpTo')).toHaveLength(0);
  });
});
