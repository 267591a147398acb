/** Source ids of the map style. */
export const SOURCE = {
  parks: 'parks',
  parkLabels: 'park-labels',
  projects: 'projects',
  selectedProject: 'selected-project',
  context: 'basemap-context',
  city: 'basemap-city',
  districts: 'basemap-districts',
  water: 'basemap-water',
  rivers: 'basemap-rivers',
  labels: 'basemap-labels',
} as const;

/** Layer ids of the embedded basemap, bottom to top. */
export const BASEMAP_LAYER = {
  background: 'background',
  contextFill: 'context-fill',
  contextLine: 'context-line',
  cityFill: 'city-fill',
  waterFill: 'water-fill',
  riversLine: 'rivers-line',
  districtsLine: 'districts-line',
  cityLine: 'city-line',
  labels: 'basemap-labels',
} as const;

/** Layer ids of the map style, bottom to top for the app's own layers. */
export const LAYER = {
  parksFill: 'parks-fill',
  parksSecondChain: 'parks-second-chain',
  parksOutlineOfficial: 'parks-outline-official',
  parksOutlineDrawn: 'parks-outline-drawn',
  parksSelected: 'parks-selected',
  projects: 'projects-circle',
  projectSelected: 'project-selected',
  parksLabel: 'parks-label',
} as const;

/** The park layers whose features a click or hover may hit. */
export const INTERACTIVE_PARK_LAYERS = [LAYER.parksFill] as const;

/** The layers a click queries: a project point, or else the park beneath it. */
export const CLICKABLE_LAYERS = [LAYER.projects, ...INTERACTIVE_PARK_LAYERS] as const;

/**
 * The online raster basemap's source and layer, added at run time when a deployment configures
 * one (map/onlineBasemap.ts); it sits just below {@link BASEMAP_LAYER.riversLine}.
 */
export const ONLINE_BASEMAP = { source: 'online-basemap', layer: 'online-basemap' } as const;

/** Source and layer ids of the import preview, added on first use (map/preview.ts). */
export const PREVIEW = {
  source: 'import-preview',
  fill: 'import-preview-fill',
  line: 'import-preview-line',
} as const;
