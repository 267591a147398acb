import {
  Match,
  Show,
  Switch,
  createEffect,
  createMemo,
  createResource,
  createSignal,
  lazy,
  type JSX,
} from 'solid-js';
import type { Finding } from '../data/findings';
import type { LoadedData } from '../data/persist';
import { tiledParkRecords, wholeParkRecords, type ParkRecords } from '../data/parkRecords';
import type { ExplorerRegistry, RegistryPark } from '../data/registry';
import type { TilesOrigin } from '../data/tiledRegistry';
import { t, type Lang } from '../domain/i18n';
import { indexRegistry } from '../domain/membership';
import { createRegistryView } from '../domain/registryView';
import { hasMapView } from '../domain/urlState';
import type { MapController, MapFailure, MapProbe } from '../map/controller';
import { createAppState, type AppState } from '../state/appState';
import { AppStateContext } from '../state/context';
import DataProblems from '../ui/DataProblems';
import ExportMenu from '../ui/ExportMenu';
import FilterPanel from '../ui/FilterPanel';
import Legend from '../ui/Legend';
import MapFallback from '../ui/MapFallback';
import PanelBoundary from '../ui/PanelBoundary';
import ParkDetail from '../ui/ParkDetail';
import ParkList from '../ui/ParkList';
import type { ProjectEditing } from '../ui/projects/editing';
import Search from '../ui/Search';
import Stats from '../ui/Stats';
import PrintQr from '../ui/qr/PrintQr';
import type { AppConfig } from './config';
import { GEO_BASE_URL, hasWebGl2, loadAppData } from './loadAppData';
import { createNavigation } from './navigation';
import { exposeMapProbe } from './testHooks';
import { initialUrlState, syncUrl } from './urlSync';
import { bindChainView } from './chainBinding';
import ChainOrBrowse from '../ui/chain/ChainOrBrowse';
import RemapNotice from '../ui/chain/RemapNotice';

const MapView = lazy(() => import('../map/MapView'));
// The boundary importer's button and notice; the importer itself loads only when opened.
const ImportEntry = lazy(() => import('../ui/import/ImportEntry'));
const ProjectsEntry = lazy(() => import('../ui/projects/ProjectsEntry'));
// A tiled registry's notes, in place of the importers and beside the as-of date.
const CommandLineOnly = lazy(() => import('../ui/tiles/CommandLineOnly'));
const ValidatedNote = lazy(() => import('../ui/tiles/ValidatedNote'));

/** The explorer once the data has loaded. */
function Explorer(props: {
  registry: ExplorerRegistry;
  findings: readonly Finding[];
  config: AppConfig;
  /**
   * The shipped and imported registries; a change rebuilds the explorer on the new one. Null on
   * a tiled registry, which the importers do not change (see {@link CommandLineOnly}).
   */
  imports: { data: LoadedData; onChange: (data: LoadedData) => void } | null;
  /** Where a tiled registry's files are and when it was validated; null for one loaded whole. */
  tiles: TilesOrigin | null;
  /** The parks' full records: in memory, or a tiled registry's park files. */
  records: ParkRecords;
}): JSX.Element {
  // The registry is loaded once and never replaced while the explorer lives; everything derived
  // from it (areas, lead focus, projects by park) is worked out on demand by its view.
  // eslint-disable-next-line solid/reactivity
  const index = createRegistryView(indexRegistry(props.registry, props.tiles));
  const initial = initialUrlState(index);
  // Read before MapLibre writes its own `map=`: a link without a view fits the selected park.
  const linkHasView = hasMapView(window.location.hash);
  const state: AppState = createAppState(index, initial.state);
  const [ignored, setIgnored] = createSignal<readonly string[]>(initial.ignored);
  const [controller, setController] = createSignal<MapController>();
  const [mapFailure, setMapFailure] = createSignal<MapFailure | null>(
    hasWebGl2() ? null : { reason: 'no-webgl', detail: 'WebGL 2 is not available' },
  );
  const [basemapNotice, setBasemapNotice] = createSignal<string | null>(null);
  const nav = createNavigation(state, controller);
  const [remapped, setRemapped] = createSignal(initial.remapped ?? []);
  syncUrl(state, setIgnored, setRemapped);
  // eslint-disable-next-line solid/reactivity -- the accessor is read inside the binding's effects
  bindChainView(state, controller, () => nav.openDrawer(), linkHasView);
  const chainOpen = (): boolean => state.chainView.selection().chain !== null && !selectedPark();
  const lang = state.lang;

  createEffect(() => {
    document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
    document.title = t('appTitle', lang());
  });

  const selectedPark = createMemo(() => {
    const id = state.selectedParkId();
    return id ? state.index.parkById.get(id) : undefined;
  });

  // The project form's way to the data and the map; read when the form opens or saves. None on
  // a tiled registry, which is maintained through the command line (CommandLineOnly).
  const editingOf = (imports: NonNullable<typeof props.imports>): ProjectEditing => ({
    get data() {
      return imports.data;
    },
    get controller() {
      return controller();
    },
    onChange: (data) => imports.onChange(data),
  });
  // eslint-disable-next-line solid/reactivity -- the explorer is rebuilt when its data changes
  const editing = props.imports ? editingOf(props.imports) : undefined;
  const detailOf = (park: RegistryPark): JSX.Element => (
    <ParkDetail
      park={park}
      records={props.records}
      editing={editing}
      onClose={() => nav.closeDetail()}
      onOpenPark={(id) => nav.openPark(id)}
      onShowProject={(id) => nav.showProject(id)}
    />
  );
  const onMapReady = (ready: MapController, probe: MapProbe): void => {
    setController(ready);
    exposeMapProbe(probe);
    const selected = state.selectedParkId();
    if (selected && !linkHasView) ready.fitToPark(selected);
  };

  return (
    <AppStateContext.Provider value={state}>
      <div class="app" classList={{ 'drawer-open': nav.drawerOpen(), 'chain-open': chainOpen() }}>
        <header class="topbar">
          <button
            type="button"
            class="drawer-toggle"
            aria-expanded={nav.drawerOpen()}
            aria-controls="side-panel"
            onClick={() => nav.toggleDrawer()}
          >
            {nav.drawerOpen() ? t('showMap', lang()) : t('showPanel', lang())}
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
                  nav.openPark(result.parkId);
                  nav.showProject(result.id);
                } else nav.openPark(result.id);
              }}
            />
          </PanelBoundary>
          <PanelBoundary lang={lang()}>
            <Show
              when={nav.sheet.isPhone() ? undefined : selectedPark()}
              keyed
              fallback={
                <ChainOrBrowse controller={controller()} onOpenPark={(id) => nav.openPark(id)}>
                  <FilterPanel />
                  <ParkList
                    onOpen={(id) => nav.openPark(id)}
                    window={nav.listWindow()}
                    onListEarlier={() => nav.listEarlier()}
                    onListMore={() => nav.listMore()}
                  />
                  <Stats />
                </ChainOrBrowse>
              }
            >
              {detailOf}
            </Show>
          </PanelBoundary>
          <PanelBoundary lang={lang()}>
            <ExportMenu controller={controller()} records={props.records} />
          </PanelBoundary>
          <Show when={props.imports} keyed fallback={<CommandLineOnly lang={lang()} />}>
            {(imports) => (
              <>
                <PanelBoundary lang={lang()}>
                  <ImportEntry
                    data={imports.data}
                    lang={lang()}
                    controller={controller()}
                    onChange={(data) => imports.onChange(data)}
                  />
                </PanelBoundary>
                <PanelBoundary lang={lang()}>
                  <ProjectsEntry
                    data={imports.data}
                    lang={lang()}
                    editing={editing}
                    onChange={(data) => imports.onChange(data)}
                  />
                </PanelBoundary>
              </>
            )}
          </Show>
          <p class="as-of muted small">
            {t('dataAsOf', lang())} {props.registry.asOf}
          </p>
          <Show when={props.tiles}>
            {(tiles) => <ValidatedNote tiles={tiles()} lang={lang()} />}
          </Show>
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
              {(failure) => <MapFallback failure={failure()} lang={lang()} />}
            </Match>
            <Match when={!mapFailure()}>
              <PanelBoundary lang={lang()}>
                <MapView
                  state={{
                    ...state,
                    focusParkIds: state.chainView.focusParkIds,
                    reducedMotion: nav.reducedMotion,
                    openPark: (id) => nav.openPark(id),
                    openProject: (id) => nav.openProject(id),
                  }}
                  geoBaseUrl={GEO_BASE_URL}
                  label={t('mapLabel', lang())}
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
          <nav.sheet.View
            park={nav.drawerOpen() ? undefined : selectedPark()}
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
  const [loaded, { mutate }] = createResource(loadAppData);
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
            <p>{t('load.failed', browserLang)}</p>
            <p>{error() instanceof Error ? (error() as Error).message : String(error())}</p>
          </div>
        )}
      </Match>
      <Match when={loaded()} keyed>
        {(app) => {
          // Made once per registry, here: a call inside the JSX would be a prop getter, making a new
          // set of records (and an empty cache of park files) on every read.
          if (app.kind === 'tiles') {
            const records = tiledParkRecords(app.tiled.origin);
            return (
              <Explorer
                registry={app.tiled.registry}
                findings={[]}
                config={app.config}
                imports={null}
                tiles={app.tiled.origin}
                records={records}
              />
            );
          }
          const records = wholeParkRecords(app.data.active.registry);
          return (
            <Explorer
              registry={app.data.active.registry}
              findings={app.data.active.findings}
              config={app.config}
              imports={{
                data: app.data,
                onChange: (next) => mutate({ ...app, data: next }),
              }}
              tiles={null}
              records={records}
            />
          );
        }}
      </Match>
    </Switch>
  );
}
