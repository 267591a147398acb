import type { BBox } from 'geojson';
import type { ParkFeature } from '../data/schema';
import * as measure from '../geometry/measure';
import type { RegistryIndex } from './membership';
import { parkFacts, projectTotals, type LeadFocus, type ParkFacts } from './parkFacts';

/** A bounding box: west, south, east, north, in degrees. */
export type Bounds = [west: number, south: number, east: number, north: number];

/**
 * The geometry measures the view needs: src/geometry/measure.ts, which is Turf-free because this
 * module is in the first load. Tests pass made-up ones, to work sums out by hand.
 */
export interface ParkMeasures {
  /** Geodesic area in km², holes subtracted. */
  areaKm2(geometry: ParkFeature['geometry']): number;
  /** The bounding box [west, south, east, north]. */
  bboxOf(geometry: ParkFeature['geometry']): BBox;
}

/**
 * The registry's index together with every fact derived from it, each worked out on first use and
 * kept as long as the registry: the one place where map, panels, statistics and exports read
 * "what follows from the data" (product.md Architecture). Nothing here depends on the filter or
 * the selection; those are state.
 *
 * A new derived fact joins here the same way: a method below, computed lazily and cached inside
 * {@link createRegistryView}. Segment coverage for the chain view (issue #13) is the next one.
 */
export interface RegistryView extends RegistryIndex {
  /** The computed (drawn polygon) area of a park in km²; 0 for an id the registry lacks. */
  areaOf(parkId: string): number;
  /** The bounding box of the given parks together; null when none of them is known. */
  boundsOf(parkIds: readonly string[]): Bounds | null;
  /** A park's project figures, clusters and lead focus ({@link ParkFacts}). */
  factsOf(parkId: string): ParkFacts;
  /** How much of a park's activity lies in its lead chains. */
  focusOf(parkId: string): LeadFocus;
  /** Whether a park has drifted from its lead chains (see `isOffFocus` in parkFacts.ts). */
  isOffFocus(parkId: string): boolean;
}

const NO_PARK_FACTS: ParkFacts = {
  projects: projectTotals([]),
  projectsByChain: [],
  clusters: [],
  focus: {
    projects: 0,
    projectsInLead: 0,
    projectShare: null,
    knownInvestment: 0,
    knownInvestmentInLead: 0,
    investmentShare: null,
  },
  offFocus: false,
};

/** Lazily fills `cache` for `key` with `compute()`. */
function cached<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const value = compute();
  cache.set(key, value);
  return value;
}

/**
 * The view over one index. Building it costs nothing; each fact is computed for a park the first
 * time someone asks (at 50,000 parks, measuring every polygon up front took a visible pause at
 * start-up, though only the parks someone opens, exports or counts need it).
 */
export function createRegistryView(
  index: RegistryIndex,
  measures: ParkMeasures = measure,
): RegistryView {
  const areas = new Map<string, number>();
  const boxes = new Map<string, BBox>();
  const facts = new Map<string, ParkFacts>();

  const factsOf = (parkId: string): ParkFacts => {
    const park = index.parkById.get(parkId);
    return park ? cached(facts, parkId, () => parkFacts(index, park)) : NO_PARK_FACTS;
  };

  return {
    ...index,
    areaOf: (parkId) => {
      const park = index.parkById.get(parkId);
      if (!park) return 0;
      // A tiled registry's park has no geometry in memory: its index measured it when cut.
      if (park.geometry === null) return park.measured.area_km2_computed;
      const { geometry } = park;
      return cached(areas, parkId, () => measures.areaKm2(geometry));
    },
    boundsOf: (parkIds) => {
      let bounds: Bounds | null = null;
      for (const id of parkIds) {
        const park = index.parkById.get(id);
        if (!park) continue;
        const { geometry } = park;
        const [west, south, east, north] =
          geometry === null
            ? park.measured.bbox
            : cached(boxes, id, () => measures.bboxOf(geometry));
        bounds = bounds
          ? [
              Math.min(bounds[0], west),
              Math.min(bounds[1], south),
              Math.max(bounds[2], east),
              Math.max(bounds[3], north),
            ]
          : [west, south, east, north];
      }
      return bounds;
    },
    factsOf,
    focusOf: (parkId) => factsOf(parkId).focus,
    isOffFocus: (parkId) => factsOf(parkId).offFocus,
  };
}
