import type { FeatureIdentifier, Map as MapLibreMap } from 'maplibre-gl';
import type { RegistryPark } from '../data/registry';
import { SOURCE } from './ids';

/** A membership test for parks asked about in any order, by id. */
export const inSet =
  (ids: ReadonlySet<string>) =>
  (park: RegistryPark): boolean =>
    ids.has(park.properties.id);

/**
 * A membership test for `parks`, a subsequence of the index's parks in list order (as the filter
 * gives them), asked about every park in that order: a cursor instead of a set of every id.
 */
export function inListOrder(parks: readonly RegistryPark[]): (park: RegistryPark) => boolean {
  let next = 0;
  return (park) => {
    if (parks[next] !== park) return false;
    next += 1;
    return true;
  };
}

// The two feature-states of the filter; MapLibre copies them, so one object of each serves all.
const HIDDEN = { hidden: true } as const;
const SHOWN = { hidden: false } as const;

/** Which parks the map hides now, and the one way to change it. */
export interface ParkVisibility {
  isHidden(parkId: string): boolean;
  /** Hides every park `isShown` rejects and shows the rest; `parks` are asked in list order. */
  apply(instance: MapLibreMap, isShown: (park: RegistryPark) => boolean): void;
}

/**
 * The parks' `hidden` feature-state, touching only parks whose visibility changed: the polygon,
 * the label when it has a state of its own (`labelsOwnState`), and the project points, which are
 * addressed by their park (style.ts). A park without points on the map gets the projects' state
 * too: asking first cost more than a state that no point carries.
 */
export function createParkVisibility(
  parks: readonly RegistryPark[],
  at: (source: string, id: string) => FeatureIdentifier,
  labelsOwnState: boolean,
): ParkVisibility {
  const hidden = new Set<string>();
  return {
    isHidden: (parkId) => hidden.has(parkId),
    apply(instance, isShown) {
      for (const park of parks) {
        const id = park.properties.id;
        const hide = !isShown(park);
        if (hide === hidden.has(id)) continue;
        if (hide) hidden.add(id);
        else hidden.delete(id);
        const visibility = hide ? HIDDEN : SHOWN;
        instance.setFeatureState(at(SOURCE.parks, id), visibility);
        if (labelsOwnState) instance.setFeatureState(at(SOURCE.parkLabels, id), visibility);
        instance.setFeatureState(at(SOURCE.projects, id), visibility);
      }
    },
  };
}
