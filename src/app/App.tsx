import {
  Match,
  Show,
  Switch,
  createEffect,
  createMemo,
  createResource,
  createSignal,
  lazy,
  on,
  onCleanup,
  onMount,
  type JSX,
} from 'solid-js';
import type { ParkFeature, Registry } from '../data/schema';
import { areaKm2 } from '../geometry/measure';
import { loadRegistryWithImport } from '../data/loadOffMainThread';
import type { Finding } from '../data/findings';
import { t, type Lang } from '../domain/i18n';
import { indexRegistry } from '../domain/membership';
import { isOffFocus, leadFocus } from '../domain/stats';
import type { MapController, MapFailure } from '../map/controller';
import DataProblems from '../ui/DataProblems';
import FilterPanel from '../ui/FilterPanel';
import Legend from '../ui/Legend';
import ParkDetail from '../ui/ParkDetail';
import PanelBoundary from '../ui/PanelBoundary';
import ParkList, { LIST_PAGE } from '../ui/ParkList';
import Search from '../ui/Search';
import Stats from '../ui/Stats';
import ExportMenu from '../ui/ExportMenu';
import PrintQr from '../ui/qr/PrintQr';
import { createPhoneSheet } from './phoneSheet';
import type { LoadedData } from '../data/persist';
import { AppStateContext } from '../state/context';
import { createAppState, type AppState } from '../state/appState';
import { loadConfig, type AppConfig } from './config';
import { initialUrlState, syncUrl } from './urlSync';
import { bindChainView } from './chainBinding';
import ChainOrBrowse from '../ui/chain/ChainOrBrowse';
import RemapNotice from '../ui/chain/RemapNotice';

const MapView = lazy(() => import('../map/MapView'));
// The boundary importer's button and notice; the importer itself loads only when opened.
const ImportEntry = lazy(() => import('../ui/import/ImportEntry'));
const ProjectsEntry = lazy(() => import('../ui/projects/ProjectsEntry'));

/** Base URL of the basemap and data files: beside the built app, so a deployment can replace them. */
const GEO_BASE_URL = new URL('geo/', document.baseURI).href;

/**
 * Where the park registry is read from: geo/ unless `?data=DIR/` names another folder of the same
 * site (for benchmarks and for checking a data update before it replaces geo/). Anything that is not
 * a plain relative path is ignored, so a link cannot point the app at another origin.
 */
function registryBaseUrl(): string {
  const requested = new URLSearchParams(window.location.search).get('data');
  if (
    !requested ||
    !/^[\w./-]+\/$/.test(requested) ||
    requested.includes('..') ||
    requested.startsWith('/')
  ) {
    return GEO_BASE_URL;
  }
  return new URL(requested, document.baseURI).href;
}

let webGl2: boolean | undefined;

/** WebGL 2 is what MapLibre needs; without it the rest of the app still works. Probed once. */
function hasWebGl2(): boolean {
  if (webGl2 === undefined) {
    try {
      webGl2 = !!document.createElement('canvas').getContext('webgl2');
    } catch {
      webGl2 = false;
    }
  }
  return webGl2;
}

/** The explorer once the data has loaded. */
function Explorer(props: {
  registry: Registry;
  findings: readonly Finding[];
  config: AppConfig;
  /** The shipped and imported registries; a change rebuilds the explorer on the new one. */
  imports: { data: LoadedData; onChange: (data: LoadedData) => void };
}): JSX.Element {
  // The registry is loaded once and never replaced while the explorer lives.
  // eslint-disable-next-line solid/reactivity
  const index = indexRegistry(props.registry);
  const initial = initialUrlState(index);
  // Read before MapLibre writes its own `map=`: a link without a view fits the selected park.
  const linkHasView = /(^#|&)map=/.test(window.location.hash);
  const state: AppState = createAppState(index, initial.state);
  const [ignored, setIgnored] = createSignal<readonly string[]>(initial.ignored);
  const [controller, setController] = createSignal<MapController>();
  const [mapFailure, setMapFailure] = createSignal<MapFailure | null>(
    hasWebGl2() ? null : { reason: 'no-webgl', detail: 'WebGL 2 is not available' },
  );
  const [drawerOpen, setDrawerOpen] = createSignal(false);
  const sheet = createPhoneSheet(state, controller, setDrawerOpen);
  const [basemapNotice, setBasemapNotice] = createSignal<string | null>(null);
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const [prefersReducedMotion, setPrefersReducedMotion] = createSignal(reducedMotion.matches);
  const onMotionChange = (event: MediaQueryListEvent): void => {
    setPrefersReducedMotion(event.matches);
  };
  reducedMotion.addEventListener('change', onMotionChange);
  onCleanup(() => reducedMotion.removeEventListener('change', onMotionChange));

  const [remapped, setRemapped] = createSignal(initial.remapped ?? []);
  syncUrl(state, setIgnored, setRemapped);
  // eslint-disable-next-line solid/reactivity -- the accessor is read inside the binding's effects
  bindChainView(state, controller, () => setDrawerOpen(true), linkHasView);
  const chainOpen = (): boolean => state.chainView.selection().chain !== null && !selectedPark();
  const lang = state.lang;

  createEffect(() => {
    document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
    document.title = t('appTitle', lang());
  });

  const parkAreas = new Map(
    index.parks.map((park) => [park.properties.id, areaKm2(park.geometry)] as const),
  );
  const computedArea = (park: ParkFeature): number => parkAreas.get(park.properties.id) ?? 0;
  const focusById = createMemo(
    () =>
      new Map(
        props.registry.parks.map((park) => [
          park.properties.id,
          leadFocus(park.properties, state.index.projectsByPark.get(park.properties.id) ?? []),
        ]),
      ),
  );
  const parkIsOffFocus = (id: string): boolean => {
    const focus = focusById().get(id);
    return focus ? isOffFocus(focus) : false;
  };
  const selectedPark = createMemo(() => {
    const id = state.selectedParkId();
    return id ? state.index.parkById.get(id) : undefined;
  });

  /** Opens a park from the list, the search, the detail or the map, and fits the view to it. */
  const openPark = (id: string, fit = true): void => {
    sheet.opening();
    state.selectPark(id);
    if (fit) controller()?.fitToPark(id);
  };
  // Kept while a park is open, so that closing it returns to the same place in a long list.
  const [listed, setListed] = createSignal(LIST_PAGE);
  createEffect(on(state.filter, () => setListed(LIST_PAGE), { defer: true }));
  const closeDetail = (): void => {
    if (sheet.isPhone()) return sheet.close();
    const id = state.selectedParkId();
    // The row that gets the focus back must be rendered, however far down the list it is.
    const row = id ? state.visibleParkIds().indexOf(id) : -1;
    if (row >= listed()) setListed(Math.ceil((row + 1) / LIST_PAGE) * LIST_PAGE);
    state.selectPark(null);
    if (id)
      document
        .querySelector<HTMLButtonElement>(`.park-button[data-park-id="${CSS.escape(id)}"]`)
        ?.focus();
  };
  const showProject = (id: string): void => {
    sheet.opening();
    state.selectProject(id);
    controller()?.showProject(id);
  };

  onMount(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && state.selectedParkId() && !event.defaultPrevented)
        closeDetail();
    };
    document.addEventListener('keydown', onKey);
    onCleanup(() => document.removeEventListener('keydown', onKey));
  });

  const detailOf = (park: ParkFeature): JSX.Element => (
    <ParkDetail
      park={park}
      computedAreaKm2={parkAreas.get(park.properties.id) ?? 0}
      onClose={closeDetail}
      onOpenPark={(id) => openPark(id)}
      onShowProject={showProject}
    />
  );
  const onMapReady = (ready: MapController): void => {
    setController(ready);
    (window as unknown as { __zpeMap?: unknown }).__zpeMap = {
      renderedParkIds: () => ready.renderedParkIds(),
      parkAt: (x: number, y: number) => ready.parkAt(x, y),
      toScreen: (lng: number, lat: number) => ready.toScreen([lng, lat]),
      camera: () => ready.camera(),
    };
    const selected = state.selectedParkId();
    if (selected && !linkHasView) ready.fitToPark(selected);
  };

  return (
    <AppStateContext.Provider value={state}>
      <div class="app" classList={{ 'drawer-open': drawerOpen(), 'chain-open': chainOpen() }}>
        <header class="topbar">
          <button
            type="button"
            class="drawer-toggle"
            aria-expanded={drawerOpen()}
            aria-controls="side-panel"
            onClick={() => setDrawerOpen(!drawerOpen())}
          >
            {drawerOpen() ? t('showMap', lang()) : t('showPanel', lang())}
          </button>
          <h1>{t('appTitle', lang())}</h1>
          <div class="topbar-actions">
            <button
              type="button"
              class="lang-switch"
              lang={lang() === 'zh' ? 'en' : 'zh-CN'}
              onClick={() => state.setLang(lang() === 'zh' ? 'en' : 'zh')}
            >
              {lang() === 'zh' ? 'English' : '中文'}
            </button>
          </div>
        </header>
        <aside id="side-panel" class="side-panel" aria-label={t('sidePanel', lang())}>
          <p class="disclaimer">{t('disclaimer', lang())}</p>
          <Show when={ignored().length > 0}>
            <p class="notice" role="status">
              {t('linkPartsIgnored', lang())} {ignored().join(', ')}
              <button type="button" class="link-button" onClick={() => setIgnored([])}>
                {t('dismiss', lang())}
              </button>
            </p>
          </Show>
          <Show when={remapped().length > 0}>
            <RemapNotice remapped={remapped()} onDismiss={() => setRemapped([])} />
          </Show>
          <PanelBoundary lang={lang()}>
            <DataProblems findings={props.findings} lang={lang()} />
          </PanelBoundary>
          <PanelBoundary lang={lang()}>
            <Search
              onChoose={(result) => {
                if (result.kind === 'project') {
                  openPark(result.parkId);
                  showProject(result.id);
                } else openPark(result.id);
              }}
            />
          </PanelBoundary>
          <PanelBoundary lang={lang()}>
            <Show
              when={sheet.isPhone() ? undefined : selectedPark()}
              keyed
              fallback={
                <ChainOrBrowse controller={controller()} onOpenPark={(id) => openPark(id)}>
                  <FilterPanel />
                  <ParkList
                    onOpen={(id) => openPark(id)}
                    listed={listed()}
                    onListMore={() => setListed(listed() + LIST_PAGE)}
                    isOffFocus={parkIsOffFocus}
                  />
                  <Stats computedArea={computedArea} isOffFocus={parkIsOffFocus} />
                </ChainOrBrowse>
              }
            >
              {detailOf}
            </Show>
          </PanelBoundary>
          <PanelBoundary lang={lang()}>
            <ExportMenu controller={controller()} computedArea={computedArea} />
          </PanelBoundary>
          <PanelBoundary lang={lang()}>
            <ImportEntry
              data={props.imports.data}
              lang={lang()}
              controller={controller()}
              onChange={(data) => props.imports.onChange(data)}
            />
          </PanelBoundary>
          <PanelBoundary lang={lang()}>
            <ProjectsEntry
              data={props.imports.data}
              lang={lang()}
              onChange={(data) => props.imports.onChange(data)}
            />
          </PanelBoundary>
          <p class="as-of muted small">
            {t('dataAsOf', lang())} {props.registry.asOf}
          </p>
        </aside>
        <main
          class="map-area"
          aria-label={t('mapRegion', lang())}
          aria-describedby="map-text-alternative"
        >
          {/* The map's text alternative is the park list: say so to whoever cannot see the map. */}
          <p id="map-text-alternative" class="visually-hidden">
            {t('mapTextAlternative', lang())}
          </p>
          <Switch>
            <Match when={mapFailure()}>
              {(failure) => (
                <div class="map-fallback" role="status">
                  <h2>{t('noMapTitle', lang())}</h2>
                  <p>{t(failure().reason === 'no-webgl' ? 'noWebGl' : 'mapError', lang())}</p>
                  <p class="muted small">{failure().detail}</p>
                </div>
              )}
            </Match>
            <Match when={!mapFailure()}>
              <PanelBoundary lang={lang()}>
                <MapView
                  parks={props.registry.parks}
                  projects={props.registry.projects}
                  chains={props.registry.chains}
                  parkAreas={parkAreas}
                  filter={state.filter}
                  visibleParkIds={state.visibleParkIds}
                  focusParkIds={state.chainView.focusParkIds}
                  selectedParkId={state.selectedParkId}
                  selectedProjectId={state.selectedProjectId}
                  hoveredParkId={state.hoveredParkId}
                  lang={lang}
                  reducedMotion={prefersReducedMotion}
                  geoBaseUrl={GEO_BASE_URL}
                  label={t('mapLabel', lang())}
                  onParkClick={(id) => (id ? openPark(id, true) : undefined)}
                  onProjectClick={showProject}
                  onParkHover={state.hoverPark}
                  onReady={onMapReady}
                  onFailure={setMapFailure}
                  onlineBasemap={props.config.onlineBasemap}
                  onBasemapFallback={setBasemapNotice}
                />
              </PanelBoundary>
            </Match>
          </Switch>
          <Show when={basemapNotice()}>
            {(reason) => (
              <p class="basemap-notice" role="status">
                {t('basemapFallback', lang())} ({reason()})
              </p>
            )}
          </Show>
          <PanelBoundary lang={lang()}>
            <Legend />
          </PanelBoundary>
          <sheet.View
            park={drawerOpen() ? undefined : selectedPark()}
            lang={lang()}
            detail={detailOf}
          />
          <PrintQr lang={lang()} />
        </main>
      </div>
    </AppStateContext.Provider>
  );
}

/** Loads and validates the data, then shows the explorer, or what went wrong. */
export default function App(): JSX.Element {
  // The map's code and workers load while the registry loads; the map is created once it is in.
  if (hasWebGl2()) void import('../map/MapView').then(({ prewarmMap }) => prewarmMap());
  // The stored import (IndexedDB, loaded beside the registry) replaces the shipped parks when present.
  const [loaded, { mutate }] = createResource(() => loadRegistryWithImport(registryBaseUrl()));
  const [config] = createResource(() => loadConfig(new URL('config.json', document.baseURI).href));
  const ready = ():
    | { registry: Registry; findings: readonly Finding[]; config: AppConfig; data: LoadedData }
    | undefined => {
    const result = loaded();
    const settings = config();
    return result && settings ? { ...result.active, config: settings, data: result } : undefined;
  };
  // Chinese first: the data and most users are Chinese; the switch is one click away.
  const browserLang: Lang = 'zh';
  return (
    <Switch
      fallback={
        <p class="loading" role="status">
          {t('loading', browserLang)}
        </p>
      }
    >
      <Match when={loaded.error as unknown}>
        {(error) => (
          <div class="fatal" role="alert">
            <h1>{t('appTitle', browserLang)}</h1>
            <p>{String(error())}</p>
          </div>
        )}
      </Match>
      <Match when={ready()} keyed>
        {(data) => (
          <Explorer
            registry={data.registry}
            findings={data.findings}
            config={data.config}
            imports={{ data: data.data, onChange: (next) => mutate(next) }}
          />
        )}
      </Match>
    </Switch>
  );
}
