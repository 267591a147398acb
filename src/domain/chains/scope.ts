import { DISTRICTS, PARK_KINDS, PARK_LEVELS } from '../../data/enums';
import { passesNonChainFilters, type FilterState } from '../filter';
import type { RegistryIndex } from '../membership';

/**
 * Which records the chain view counts: the parks that pass the kind, level and district filters
 * (the chain checkboxes do not narrow it: the view is about one chain wherever it lands, and a
 * park hosting a segment need not lead the chain).
 */
export interface ChainScope {
  /** Whether a project or firm in this park counts. */
  parkIncluded(parkId: string): boolean;
  /**
   * Whether projects and firms without a reported park count. They do only while no kind, level
   * or district is unchecked: nobody knows whether a project without a park lies in 丹阳市.
   */
  readonly unplacedIncluded: boolean;
}

/** Everything counts: every park, and the records without a park. */
export const WHOLE_REGISTRY: ChainScope = { parkIncluded: () => true, unplacedIncluded: true };

/** Whether a record with this park (null: not reported) is in the scope. */
export function inScope(scope: ChainScope, park: string | null): boolean {
  return park === null ? scope.unplacedIncluded : scope.parkIncluded(park);
}

/** Whether every kind, level and district is checked (the chain filter is not looked at). */
export function nonChainFiltersAreFull(filter: FilterState): boolean {
  return (
    PARK_KINDS.every((kind) => filter.kinds.has(kind)) &&
    PARK_LEVELS.every((level) => filter.levels.has(level)) &&
    DISTRICTS.every((district) => filter.districts.has(district))
  );
}

/** The chain view's scope under the panel's filter. Unknown parks never count. */
export function filterScope(index: RegistryIndex, filter: FilterState): ChainScope {
  return {
    parkIncluded: (parkId) => {
      const park = index.parkById.get(parkId);
      return park !== undefined && passesNonChainFilters(park.properties, filter);
    },
    unplacedIncluded: nonChainFiltersAreFull(filter),
  };
}
