import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { Chain } from '../data/schema';
import type { FilterState } from '../domain/filter';
import type { Lang } from '../domain/i18n';
import { labelsMinZoomFor } from '../domain/parkLabels';
import { BASEMAP_FILES } from './basemap';
import { BASEMAP_LAYER, LAYER, SOURCE } from './ids';

/** Calm basemap colours, so that the parks carry the colour on the map. */
const PALETTE = {
  background: '#eef0f2',
  context: '#e6e7e3',
  contextLine: '#c9c9c2',
  city: '#fbfaf6',
  district: '#9a968c',
  water: '#b8d4e8',
  river: '#8fb8d8',
  label: '#4a4a44',
  labelHalo: '#ffffff',
  parkLine: '#33302a',
  selected: '#111111',
  noChain: '#9e9e9e',
} as const;

/** The font stack named in symbol layers; drawn from the browser's own fonts (see MapView). */
export const FONT_STACK = ['sans-serif'];

/** `['get', 'name_zh' | 'name_en']` with a fallback to Chinese when no English name exists. */
export function nameExpression(lang: Lang): ExpressionSpecification {
  return lang === 'zh' ? ['get', 'name_zh'] : ['coalesce', ['get', 'name_en'], ['get', 'name_zh']];
}

/** A `match` from chain id to its colour; parks whose chain is unknown stay grey. */
export function chainColorExpression(
  chains: readonly Chain[],
  property: 'chain_a' | 'chain_b',
): ExpressionSpecification {
  if (chains.length === 0)
    return ['literal', PALETTE.noChain] as unknown as ExpressionSpecification;
  const pairs = chains.flatMap((chain) => [chain.id, chain.color]);
  return [
    'match',
    ['get', property],
    ...pairs,
    PALETTE.noChain,
  ] as unknown as ExpressionSpecification;
}

/**
 * The map's filter for the parks that pass `filter`: the same rule as domain/filter's
 * `parkPasses`, in MapLibre's expression language, over the flattened map properties. In the
 * app only the label layer uses it (up to {@link LABELS_FILTERED_UP_TO} parks); parks and
 * projects are hidden by their `hidden` feature-state instead (see `unlessHidden`). The bench's
 * bare page filters whole layers with it, to compare.
 */
export function parkFilterExpression(filter: FilterState): FilterSpecification {
  const chains = [...filter.chains];
  return [
    'all',
    [
      'any',
      ['in', ['get', 'chain_a'], ['literal', chains]],
      ['in', ['get', 'chain_b'], ['literal', chains]],
    ],
    ['in', ['get', 'kind'], ['literal', [...filter.kinds]]],
    ['in', ['get', 'level'], ['literal', [...filter.levels]]],
    ['in', ['get', 'district'], ['literal', [...filter.districts]]],
  ] as FilterSpecification;
}

const DRAWN_BOUNDARY: ExpressionSpecification = ['!=', ['get', 'boundary'], 'official'];
const OFFICIAL_BOUNDARY: ExpressionSpecification = ['==', ['get', 'boundary'], 'official'];
const HAS_SECOND_CHAIN: ExpressionSpecification = ['!=', ['get', 'chain_b'], ''];

const stateIs = (key: 'hover' | 'selected' | 'hidden'): ExpressionSpecification => [
  'boolean',
  ['feature-state', key],
  false,
];

/**
 * A paint value that is 0 for a feature the filter hides. The filter of parks and projects is
 * their `hidden` feature-state, not a layer filter: a layer filter makes MapLibre re-process every
 * tile of the source in its worker (seconds at 10,000 parks), a state change only repaints.
 */
const unlessHidden = (value: number | ExpressionSpecification): ExpressionSpecification => [
  'case',
  stateIs('hidden'),
  0,
  value,
];

function basemapLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: BASEMAP_LAYER.background,
      type: 'background',
      paint: { 'background-color': PALETTE.background },
    },
    {
      id: BASEMAP_LAYER.contextFill,
      type: 'fill',
      source: SOURCE.context,
      paint: { 'fill-color': PALETTE.context },
    },
    {
      id: BASEMAP_LAYER.contextLine,
      type: 'line',
      source: SOURCE.context,
      paint: { 'line-color': PALETTE.contextLine, 'line-width': 0.8 },
    },
    {
      id: BASEMAP_LAYER.cityFill,
      type: 'fill',
      source: SOURCE.city,
      paint: { 'fill-color': PALETTE.city },
    },
    {
      id: BASEMAP_LAYER.waterFill,
      type: 'fill',
      source: SOURCE.water,
      paint: { 'fill-color': PALETTE.water },
    },
    {
      id: BASEMAP_LAYER.riversLine,
      type: 'line',
      source: SOURCE.rivers,
      paint: {
        'line-color': PALETTE.river,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 13, 2],
      },
    },
    {
      id: BASEMAP_LAYER.districtsLine,
      type: 'line',
      source: SOURCE.districts,
      paint: { 'line-color': PALETTE.district, 'line-width': 1, 'line-dasharray': [4, 2] },
    },
    {
      id: BASEMAP_LAYER.cityLine,
      type: 'line',
      source: SOURCE.city,
      paint: { 'line-color': PALETTE.district, 'line-width': 1.6 },
    },
    {
      id: BASEMAP_LAYER.labels,
      type: 'symbol',
      source: SOURCE.labels,
      filter: ['has', 'name_zh'],
      layout: {
        'text-field': nameExpression(lang),
        'text-font': FONT_STACK,
        'text-size': ['match', ['get', 'kind'], 'district_seat', 13, 'city', 14, 11],
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.4,
        'text-optional': true,
      },
      paint: {
        'text-color': '#77736a',
        'text-halo-color': PALETTE.labelHalo,
        'text-halo-width': 1.2,
      },
    },
  ];
}

function parkLayers(
  chains: readonly Chain[],
  lang: Lang,
  visible: FilterSpecification,
  parkCount: number,
): LayerSpecification[] {
  const labelsFrom = labelsMinZoomFor(parkCount);
  return [
    {
      id: LAYER.parksFill,
      type: 'fill',
      source: SOURCE.parks,
      paint: {
        'fill-color': chainColorExpression(chains, 'chain_a'),
        'fill-opacity': unlessHidden([
          'case',
          stateIs('selected'),
          0.75,
          stateIs('hover'),
          0.65,
          0.45,
        ]),
      },
    },
    {
      // A park with two lead chains: the second one is its thick border, so both stay visible.
      id: LAYER.parksSecondChain,
      type: 'line',
      source: SOURCE.parks,
      filter: HAS_SECOND_CHAIN,
      paint: {
        'line-opacity': unlessHidden(1),
        'line-color': chainColorExpression(chains, 'chain_b'),
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 3, 14, 7],
        'line-offset': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 14, 3.5],
      },
    },
    {
      id: LAYER.parksOutlineOfficial,
      type: 'line',
      source: SOURCE.parks,
      filter: OFFICIAL_BOUNDARY,
      paint: { 'line-color': PALETTE.parkLine, 'line-width': 1.2, 'line-opacity': unlessHidden(1) },
    },
    {
      // Schematic and approximate boundaries are dashed: they are not the official 四至.
      id: LAYER.parksOutlineDrawn,
      type: 'line',
      source: SOURCE.parks,
      filter: DRAWN_BOUNDARY,
      paint: {
        'line-color': PALETTE.parkLine,
        'line-width': 1.2,
        'line-dasharray': [3, 2],
        'line-opacity': unlessHidden(1),
      },
    },
    {
      id: LAYER.parksSelected,
      type: 'line',
      source: SOURCE.parks,
      paint: {
        'line-opacity': unlessHidden(1),
        'line-color': PALETTE.selected,
        'line-width': ['case', stateIs('selected'), 3.5, stateIs('hover'), 2, 0],
      },
    },
    {
      id: LAYER.projects,
      type: 'circle',
      source: SOURCE.projects,
      paint: {
        'circle-opacity': unlessHidden(1),
        'circle-stroke-opacity': unlessHidden(1),
        'circle-radius': 5,
        'circle-color': chainColorExpression(chains, 'chain_a'),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      // The selected project, drawn over its point from a one-feature source: project points are
      // addressed by their park for the filter (one state per park), so they cannot carry a
      // selection of their own.
      id: LAYER.projectSelected,
      type: 'circle',
      source: SOURCE.selectedProject,
      paint: {
        'circle-radius': 8,
        'circle-color': chainColorExpression(chains, 'chain_a'),
        'circle-stroke-color': PALETTE.selected,
        'circle-stroke-width': 3,
      },
    },
    {
      // Filtered while the registry is small (MapView): a label hidden by state would still take
      // room from visible ones. Beyond that, re-laying out every label costs seconds per change.
      id: LAYER.parksLabel,
      type: 'symbol',
      source: SOURCE.parkLabels,
      ...(labelsFrom > 0 ? { minzoom: labelsFrom } : {}),
      filter: visible,
      layout: {
        'text-field': nameExpression(lang),
        'text-font': FONT_STACK,
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 11, 13, 14],
        'text-max-width': 8,
        'text-padding': 4,
      },
      paint: {
        'text-opacity': unlessHidden(1),
        'text-color': PALETTE.label,
        'text-halo-color': PALETTE.labelHalo,
        'text-halo-width': 1.6,
      },
    },
  ];
}

/** Everything the style is built from. */
export interface StyleInput {
  /** Base URL of the geo/ files, absolute (the worker resolves data URLs on its own). */
  readonly geoBaseUrl: string;
  readonly chains: readonly Chain[];
  readonly lang: Lang;
  /** The label layer's filter: parkFilterExpression of the current filter, or true. */
  readonly visible: FilterSpecification;
  /** How many parks the registry has: a large one draws names only from close in. */
  readonly parkCount: number;
}

/** The whole map style as data: embedded basemap plus the park and project layers. */
export function buildStyle(input: StyleInput): StyleSpecification {
  const url = (file: string): string => new URL(file, input.geoBaseUrl).href;
  const emptyCollection = { type: 'FeatureCollection' as const, features: [] };
  return {
    version: 8,
    name: 'Zhenjiang Park Explorer',
    sources: {
      [SOURCE.context]: { type: 'geojson', data: url(BASEMAP_FILES.context) },
      [SOURCE.city]: { type: 'geojson', data: url(BASEMAP_FILES.city) },
      [SOURCE.districts]: { type: 'geojson', data: url(BASEMAP_FILES.districts) },
      [SOURCE.water]: { type: 'geojson', data: url(BASEMAP_FILES.water) },
      [SOURCE.rivers]: { type: 'geojson', data: url(BASEMAP_FILES.rivers) },
      [SOURCE.labels]: { type: 'geojson', data: url(BASEMAP_FILES.labels) },
      [SOURCE.parks]: { type: 'geojson', data: emptyCollection, promoteId: 'id' },
      [SOURCE.parkLabels]: { type: 'geojson', data: emptyCollection, promoteId: 'id' },
      // Projects are addressed by their park: the filter hides a park's points with one state.
      [SOURCE.projects]: { type: 'geojson', data: emptyCollection, promoteId: 'park' },
      [SOURCE.selectedProject]: { type: 'geojson', data: emptyCollection },
    },
    layers: [
      ...basemapLayers(input.lang),
      ...parkLayers(input.chains, input.lang, input.visible, input.parkCount),
    ],
  };
}
