/** Source ids of the map style. */
export const SOURCE = {
  parks: 'parks',
  parkLabels: 'park-labels',
  projects: 'projects',
  context: 'basemap-context',
  city: 'basemap-city',
  districts: 'basemap-districts',
  water: 'basemap-water',
  rivers: 'basemap-rivers',
  labels: 'basemap-labels',
} as const;

/** Layer ids of the map style, bottom to top for the app's own layers. */
export const LAYER = {
  parksFill: 'parks-fill',
  parksSecondChain: 'parks-second-chain',
  parksOutlineOfficial: 'parks-outline-official',
  parksOutlineDrawn: 'parks-outline-drawn',
  parksSelected: 'parks-selected',
  parksLabel: 'parks-label',
  projects: 'projects-circle',
} as const;

/** The park layers whose features a click or hover may hit. */
export const INTERACTIVE_PARK_LAYERS = [LAYER.parksFill] as const;
