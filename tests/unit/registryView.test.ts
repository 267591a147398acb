import { describe, expect, it } from 'vitest';
import { indexRegistry } from '../../src/domain/membership';
import { isOffFocus, leadFocus, parkFacts } from '../../src/domain/parkFacts';
import { createRegistryView, type ParkMeasures } from '../../src/domain/registryView';
import { areaKm2, bboxOf } from '../../src/geometry/measure';
import { PARK, registry } from '../fixtures/sampleRegistry';

/** The real measures, counting how often each is asked for. */
function countingMeasures(): ParkMeasures & { calls: { area: number; bbox: number } } {
  const calls = { area: 0, bbox: 0 };
  return {
    calls,
    areaKm2: (geometry) => {
      calls.area += 1;
      return areaKm2(geometry);
    },
    bboxOf: (geometry) => {
      calls.bbox += 1;
      return bboxOf(geometry);
    },
  };
}

const parkOf = (id: string) => {
  const park = registry.parks.find((candidate) => candidate.properties.id === id);
  if (!park) throw new Error(`fixture park ${id}`);
  return park;
};

describe('createRegistryView', () => {
  it('keeps the index it was built from', () => {
    const index = indexRegistry(registry);
    const view = createRegistryView(index, countingMeasures());
    expect(view.parks).toBe(index.parks);
    expect(view.projectById).toBe(index.projectById);
    expect(view.projectsByPark).toBe(index.projectsByPark);
  });

  it('measures a park once, on first use, with the measure it was given', () => {
    const measures = countingMeasures();
    const view = createRegistryView(indexRegistry(registry), measures);
    expect(measures.calls.area).toBe(0);
    const area = view.areaOf(PARK.hitech);
    expect(area).toBeCloseTo(areaKm2(parkOf(PARK.hitech).geometry), 12);
    expect(area).toBeGreaterThan(0);
    expect(view.areaOf(PARK.hitech)).toBe(area);
    expect(measures.calls.area).toBe(1);
    expect(view.areaOf('no-such-park')).toBe(0);
    expect(measures.calls.area).toBe(1);
  });

  it('measures with src/geometry/measure unless told otherwise', () => {
    const view = createRegistryView(indexRegistry(registry));
    expect(view.areaOf(PARK.jurong)).toBe(areaKm2(parkOf(PARK.jurong).geometry));
    expect(view.boundsOf([PARK.jurong])).toEqual(bboxOf(parkOf(PARK.jurong).geometry));
  });

  it('bounds several parks together, skipping unknown ids', () => {
    const measures = countingMeasures();
    const view = createRegistryView(indexRegistry(registry), measures);
    const [aWest, aSouth, aEast, aNorth] = bboxOf(parkOf(PARK.hitech).geometry);
    const [bWest, bSouth, bEast, bNorth] = bboxOf(parkOf(PARK.jurong).geometry);
    expect(view.boundsOf([PARK.hitech, 'no-such-park', PARK.jurong])).toEqual([
      Math.min(aWest, bWest),
      Math.min(aSouth, bSouth),
      Math.max(aEast, bEast),
      Math.max(aNorth, bNorth),
    ]);
    expect(view.boundsOf([PARK.hitech])).toEqual([aWest, aSouth, aEast, aNorth]);
    expect(view.boundsOf(['no-such-park'])).toBeNull();
    expect(view.boundsOf([])).toBeNull();
    expect(measures.calls.bbox).toBe(2);
  });

  it('gives each park the same facts as parkFacts, computed once, and focus from them', () => {
    const index = indexRegistry(registry);
    const view = createRegistryView(index, countingMeasures());
    for (const park of registry.parks) {
      const id = park.properties.id;
      const facts = view.factsOf(id);
      expect(facts).toEqual(parkFacts(index, park));
      expect(view.factsOf(id)).toBe(facts);
      const focus = leadFocus(park.properties, index.projectsByPark.get(id) ?? []);
      expect(view.focusOf(id)).toEqual(focus);
      expect(view.isOffFocus(id)).toBe(isOffFocus(focus));
    }
    // The fixture has an off-focus park, so the flag is not trivially false.
    expect(view.isOffFocus(PARK.hitech)).toBe(true);
    expect(view.factsOf('no-such-park').projects.count).toBe(0);
    expect(view.isOffFocus('no-such-park')).toBe(false);
  });
});
