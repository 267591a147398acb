import { describe, expect, it } from 'vitest';
import { formatMapView, readMapView, withMapView, type MapView } from '../../src/domain/mapView';
import { hasMapView } from '../../src/domain/urlState';

/** Pixels per degree of longitude at `zoom` on a 512-pixel Web Mercator world. */
const pixelsPerDegree = (zoom: number): number => (512 * 2 ** zoom) / 360;

describe('the camera view in the address', () => {
  it('reads what it writes, within half a pixel at every zoom', () => {
    for (const zoom of [0, 3.5, 6, 9.87, 12.01, 14, 17, 22]) {
      const view: MapView = { zoom, lat: 32.123456789, lng: 119.456789123, bearing: 0, pitch: 0 };
      const read = readMapView(withMapView('', formatMapView(view)));
      expect(read, `zoom ${zoom}`).not.toBeNull();
      expect(Math.abs(read!.zoom - zoom)).toBeLessThanOrEqual(0.005);
      expect(Math.abs(read!.lng - view.lng) * pixelsPerDegree(zoom)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(read!.lat - view.lat) * pixelsPerDegree(zoom)).toBeLessThanOrEqual(0.5);
    }
  });

  it('writes bearing and pitch only when the camera has them', () => {
    const flat = { zoom: 10, lat: 32, lng: 119, bearing: 0, pitch: 0 };
    expect(formatMapView(flat).split('/')).toHaveLength(3);
    expect(formatMapView({ ...flat, bearing: 12.34 }).split('/')).toEqual([
      '10',
      '32',
      '119',
      '12.3',
    ]);
    expect(formatMapView({ ...flat, pitch: 30 }).split('/')).toEqual([
      '10',
      '32',
      '119',
      '0',
      '30',
    ]);
    expect(readMapView('#map=10/32/119/12.3/30')).toEqual({ ...flat, bearing: 12.3, pitch: 30 });
  });

  it('sets the view first and keeps every other parameter as it was, in order', () => {
    const others = 'chains=aerospace,biopharma&districts=%E4%B8%B9%E5%BE%92%E5%8C%BA&park=gt';
    expect(withMapView(`#${others}`, '9/32/119')).toBe(`#map=9/32/119&${others}`);
    expect(withMapView(`#park=gt&map=1/2/3&lang=en`, '9/32/119')).toBe(
      '#map=9/32/119&park=gt&lang=en',
    );
    expect(withMapView('#map&park=gt', '9/32/119')).toBe('#map=9/32/119&park=gt');
    expect(withMapView('', '9/32/119')).toBe('#map=9/32/119');
  });

  it('is not fooled by a parameter that merely starts with the same letters', () => {
    expect(readMapView('#mapx=10/32/119')).toBeNull();
    expect(withMapView('#mapx=1&park=gt', '9/32/119')).toBe('#map=9/32/119&mapx=1&park=gt');
  });

  it.each([
    ['no view', '#park=gt'],
    ['too few numbers', '#map=10/32'],
    ['too many numbers', '#map=10/32/119/0/0/1'],
    ['text', '#map=ten/32/119'],
    ['a latitude past the pole', '#map=10/95/119'],
    ['a longitude off the world', '#map=10/32/200'],
    ['a zoom no map reaches', '#map=99/32/119'],
    ['an empty part', '#map=10//119'],
    ['Infinity', '#map=Infinity/32/119'],
  ])('refuses %s', (_, hash) => {
    expect(readMapView(hash)).toBeNull();
    expect(hasMapView(hash)).toBe(false);
  });
});
