import { batch, createMemo, createSignal, type Accessor } from 'solid-js';
import type { ExplorerRegistry, RegistryPark } from '../data/registry';
import * as filters from '../domain/filter';
import type { FilterState } from '../domain/filter';
import type { Lang } from '../domain/i18n';
import type { RegistryView } from '../domain/registryView';
import type { AppUrlState } from '../domain/urlState';
import { createChainViewState, type ChainViewState } from './chainState';

/**
 * The app's state: plain signals and memos; the map and the panels read the same ones. It is its
 * own floor (src/state/), above domain/ and data/ and below ui/ and app/: panels take it from
 * context.ts, the explorer creates it, and nothing here knows a component or the map.
 */
export interface AppState {
  readonly registry: ExplorerRegistry;
  /** The registry's lookups and every fact derived from it (areas, lead focus, projects by park). */
  readonly index: RegistryView;
  readonly filter: Accessor<FilterState>;
  /** The parks that pass the filter, in list order. */
  readonly visibleParks: Accessor<readonly RegistryPark[]>;
  /**
   * Their ids, worked out on each call (not kept in step with every filter change: only closing a
   * park's detail asks, for the row to return to).
   */
  readonly visibleParkIds: () => readonly string[];
  readonly chainCounts: Accessor<ReadonlyMap<string, number>>;
  readonly selectedParkId: Accessor<string | null>;
  readonly selectedProjectId: Accessor<string | null>;
  readonly hoveredParkId: Accessor<string | null>;
  readonly lang: Accessor<Lang>;
  readonly urlState: Accessor<AppUrlState>;
  /** The chain view (`chain=`, `segment=`). */
  readonly chainView: ChainViewState;
  /** Replaces the filter with the result of a pure action from domain/filter. */
  updateFilter(change: (filter: FilterState) => FilterState): void;
  selectPark(id: string | null): void;
  selectProject(id: string | null): void;
  hoverPark(id: string | null): void;
  /** Opens a chain's view (closing an open park), or closes it with null. */
  openChain(id: string | null): void;
  setLang(lang: Lang): void;
  /** Applies a state decoded from the URL in one step. */
  applyUrlState(state: AppUrlState): void;
}

/** Creates the state for one loaded registry, starting from what the link asked for. */
export function createAppState(index: RegistryView, initial: AppUrlState): AppState {
  const registry = index.registry;
  const [filter, setFilter] = createSignal<FilterState>(initial.filter);
  const [selectedParkId, setSelectedParkId] = createSignal<string | null>(initial.park);
  const [selectedProjectId, setSelectedProjectId] = createSignal<string | null>(initial.project);
  const [hoveredParkId, setHoveredParkId] = createSignal<string | null>(null);
  const [lang, setLang] = createSignal<Lang>(initial.lang);

  const visibleParks = createMemo(() => filters.visibleParks(index, filter()));
  const chainCounts = createMemo(() => filters.chainCounts(index, filter()));
  const chainView = createChainViewState(index, filter, initial.chain);

  const selectProject = (id: string | null): void => {
    const project = id ? index.projectById.get(id) : undefined;
    batch(() => {
      setSelectedProjectId(project ? project.id : null);
      if (project) setSelectedParkId(project.park);
    });
  };

  return {
    registry,
    index,
    filter,
    visibleParks,
    visibleParkIds: () => visibleParks().map((park) => park.properties.id),
    chainCounts,
    selectedParkId,
    selectedProjectId,
    hoveredParkId,
    lang,
    urlState: createMemo(() => ({
      filter: filter(),
      park: selectedParkId(),
      project: selectedProjectId(),
      ...(chainView.selection().chain === null ? {} : { chain: chainView.selection() }),
      lang: lang(),
    })),
    chainView,
    updateFilter: (change) => setFilter((current) => change(current)),
    selectPark: (id) =>
      batch(() => {
        setSelectedParkId(id && index.parkById.has(id) ? id : null);
        setSelectedProjectId(null);
      }),
    selectProject,
    hoverPark: setHoveredParkId,
    openChain: (id) =>
      batch(() => {
        setSelectedParkId(null);
        setSelectedProjectId(null);
        chainView.open(id);
      }),
    setLang,
    applyUrlState: (state) =>
      batch(() => {
        setFilter(state.filter);
        setSelectedParkId(state.park);
        setSelectedProjectId(state.project);
        chainView.set(state.chain ?? { chain: null, segment: null });
        setLang(state.lang);
      }),
  };
}
