/**
 * How the map labels parks as a registry grows: one rule for the map's style, what a tiled
 * registry's label layer carries, and the legend's note on where names show.
 */

/**
 * Up to this many parks, a filter change re-filters the labels (`setFilter`), so that the names of
 * hidden parks leave room for the visible ones. Beyond it, labels are hidden by feature-state like
 * the parks: re-laying out every label took seconds per change at 10,000 parks (bench/README.md),
 * while a hidden name blocking a visible one matters little where most names collide anyway.
 */
export const LABELS_FILTERED_UP_TO = 1000;

/**
 * Whether the map of a registry of `parkCount` parks filters its labels by the filter's
 * expression (else it hides them by feature-state).
 */
export function labelsFilteredFor(parkCount: number): boolean {
  return parkCount <= LABELS_FILTERED_UP_TO;
}

/**
 * The zoom from which a registry of more than {@link LABELS_FILTERED_UP_TO} parks draws their
 * names: about where a district fills the screen. Further out, thousands of names collide and
 * MapLibre shows the few it happens to place first, while placing all of them held about 12 MB
 * of the page's heap at 50,000 parks and raised its peak by about 50 MB (bench/README.md).
 */
export const LARGE_REGISTRY_LABELS_FROM_ZOOM = 11;

/** The zoom from which the map of a registry of `parkCount` parks draws park names (0: always). */
export function labelsMinZoomFor(parkCount: number): number {
  return labelsFilteredFor(parkCount) ? 0 : LARGE_REGISTRY_LABELS_FROM_ZOOM;
}
