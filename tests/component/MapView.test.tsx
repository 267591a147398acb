import { render } from '@solidjs/testing-library';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppState } from '../../src/state/appState';
import { defaultFilter, toggleChain, visibleParks } from '../../src/domain/filter';
import type { Project } from '../../src/data/schema';
import type { Registry } from '../../src/data/registry';
import type { MapController, MapProbe, MapState } from '../../src/map/controller';
import MapView from '../../src/map/MapView';
import { LABELS_FILTERED_UP_TO } from '../../src/domain/parkLabels';
import { CHAIN, PARK, buildRegistry, makePark, registry } from '../fixtures/sampleRegistry';
import { viewOf } from '../fixtures/view';
import { created } from './fakeMap';

vi.mock('maplibre-gl', async () => (await import('./fakeMap')).fakeMaplibre);
vi.mock('maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url', () => ({ default: '/worker.js' }));

/**
 * Renders MapView on the app's own state (so the map reads exactly what the app hands it), and
 * returns that state, the fake map and what the map asked the app to open.
 */
function renderMap(projects: readonly Project[] = registry.projects, data: Registry = registry) {
  const index = viewOf(buildRegistry({ parks: [...data.parks], projects: [...projects] }));
  const app = createAppState(index, {
    filter: defaultFilter(index),
    park: null,
    project: null,
    lang: 'zh',
  });
  const opened: string[] = [];
  const state: MapState = {
    ...app,
    reducedMotion: () => true,
    openPark: (id) => opened.push(`park:${id}`),
    openProject: (id) => opened.push(`project:${id}`),
  };
  let ready: { controller: MapController; probe: MapProbe } | undefined;
  const view = render(() => (
    <MapView
      state={state}
      geoBaseUrl="http://127.0.0.1/geo/"
      label="map"
      onReady={(controller, probe) => (ready = { controller, probe })}
      onFailure={() => undefined}
      onlineBasemap={null}
      onBasemapFallback={() => undefined}
    />
  ));
  const map = created.at(-1)!;
  return { view, map, index, app, opened, ready: () => ready };
}

/** A feature as queryRenderedFeatures returns it. */
const hit = (layer: string, id: string, hidden = false) => ({
  layer: { id: layer },
  properties: { id },
  state: hidden ? { hidden: true } : {},
});

describe('MapView, the seam between Solid state and the map', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('publishes nothing to the map before it has loaded, then sends the parks once', () => {
    const { map, ready, view } = renderMap();
    expect(map.callsOf('setData:parks')).toHaveLength(0);
    expect(ready()).toBeUndefined();
    map.fire('load');
    const [[data]] = map.callsOf('setData:parks') as [
      [{ features: { properties: { id: string } }[] }],
    ];
    expect(data.features.map((feature) => feature.properties.id).sort()).toEqual(
      registry.parks.map((park) => park.properties.id).sort(),
    );
    expect(ready()).toBeDefined();
    expect(view.container.querySelector('.map')?.getAttribute('data-map-ready')).toBe('false');
    map.fire('idle');
    expect(view.container.querySelector('.map')?.getAttribute('data-map-ready')).toBe('true');
  });

  it('hides the parks a filter removes, and their projects, by feature-state, and re-filters only the labels', () => {
    // Every project placed, so that hiding a park has points to hide.
    const projects = registry.projects.map((project) => ({
      ...project,
      location: [119.5, 32.1] as [number, number],
    }));
    const { map, index, app } = renderMap(projects);
    map.fire('load');
    const hiddenStates = (from: number): [string, string, boolean][] =>
      map
        .callsOf('setFeatureState')
        .slice(from)
        .map(([target, state]) => [
          (target as { source: string }).source,
          (target as { id: string }).id,
          (state as { hidden: boolean }).hidden,
        ]);
    // Everything passes the default filter: nothing to hide.
    expect(hiddenStates(0)).toEqual([]);

    const before = map.callsOf('setFeatureState').length;
    const filtersBefore = map.callsOf('setFilter').length;
    app.updateFilter((current) => toggleChain(current, CHAIN.ships));
    const remaining = new Set(
      visibleParks(index, toggleChain(defaultFilter(index), CHAIN.ships)).map(
        (park) => park.properties.id,
      ),
    );
    const gone = registry.parks
      .map((park) => park.properties.id)
      .filter((id) => !remaining.has(id));
    expect(gone).toContain(PARK.hitech);
    expect(projects.some((project) => project.park !== null && gone.includes(project.park))).toBe(
      true,
    );
    const hid = hiddenStates(before);
    expect(
      hid
        .filter(([source]) => source === 'parks')
        .map(([, id, hidden]) => [id, hidden])
        .sort(),
    ).toEqual(gone.map((id) => [id, true]).sort());
    expect(
      hid
        // A park's project points share its address: one state hides them all.
        .filter(([source]) => source === 'projects')
        .map(([, id]) => id)
        .sort(),
    ).toEqual([...gone].sort());

    const labelFilters = map.callsOf('setFilter').slice(filtersBefore) as [string, unknown][];
    expect(labelFilters.map(([layer]) => layer)).toEqual(['parks-label']);
    expect(JSON.stringify(labelFilters[0]?.[1])).not.toContain(CHAIN.ships);

    // Checking the chain again shows exactly those parks again.
    const again = map.callsOf('setFeatureState').length;
    app.updateFilter((current) => toggleChain(current, CHAIN.ships));
    expect(
      hiddenStates(again)
        .filter(([source]) => source === 'parks')
        .map(([, id, hidden]) => [id, hidden])
        .sort(),
    ).toEqual(gone.map((id) => [id, false]).sort());
    expect(map.callsOf('setData:parks')).toHaveLength(1);
    expect(map.callsOf('setData:park-labels')).toHaveLength(1);
  });

  it('hides labels by feature-state too, without re-filtering them, once there are many parks', () => {
    // Copies of the fixture's parks, in a grid, until there are more than the limit.
    const parks = Array.from({ length: LABELS_FILTERED_UP_TO + 1 }, (_, i) => {
      const model = registry.parks[i % registry.parks.length]!.properties;
      return makePark({ ...model, id: `copy-${i}` }, [
        118.5 + (i % 40) * 0.05,
        31.5 + Math.floor(i / 40) * 0.05,
      ]);
    });
    const large = buildRegistry({ parks });
    const { map, index, app } = renderMap([], large);
    map.fire('load');
    const filtersBefore = map.callsOf('setFilter').length;
    app.updateFilter((current) => toggleChain(current, CHAIN.ships));
    const remaining = new Set(
      visibleParks(index, toggleChain(defaultFilter(index), CHAIN.ships)).map(
        (park) => park.properties.id,
      ),
    );
    const gone = parks.map((park) => park.properties.id).filter((id) => !remaining.has(id));
    expect(gone.length).toBeGreaterThan(0);
    const hiddenLabels = map
      .callsOf('setFeatureState')
      .filter(([target]) => (target as { source: string }).source === 'park-labels')
      .map(([target, state]) => [
        (target as { id: string }).id,
        (state as { hidden: boolean }).hidden,
      ]);
    expect(hiddenLabels.sort()).toEqual(gone.map((id) => [id, true]).sort());
    expect(map.callsOf('setFilter').slice(filtersBefore)).toEqual([]);
  });

  it('moves the selected feature-state from the old park to the new one, after the panel paints', async () => {
    const { map, app } = renderMap();
    map.fire('load');
    app.selectPark(PARK.etdz);
    app.selectPark(PARK.hitech);
    // The map follows once the panel has painted.
    expect(map.callsOf('setFeatureState')).toEqual([]);
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const states = map
      .callsOf('setFeatureState')
      .map(([target, state]) => [(target as { id: string }).id, state]);
    expect(states).toEqual([
      [PARK.etdz, { selected: true }],
      [PARK.etdz, { selected: false }],
      [PARK.hitech, { selected: true }],
    ]);
  });

  it('rings the selected project from its own source, and drops the ring while its park is hidden', async () => {
    const located = registry.projects.map((project) => ({
      ...project,
      location: [119.5, 32.1] as [number, number],
    }));
    const { map, app, index } = renderMap(located);
    map.fire('load');
    const target = located.find((project) => project.park === PARK.hitech)!;
    const ringed = (): string[][] =>
      map
        .callsOf('setData:selected-project')
        .map(([data]) =>
          (data as { features: { properties: { id: string } }[] }).features.map(
            (feature) => feature.properties.id,
          ),
        );
    const painted = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));

    app.selectProject(target.id);
    await painted();
    expect(ringed()).toEqual([[target.id]]);
    const [[ring]] = map.callsOf('setData:selected-project').slice(-1) as [
      [{ features: { geometry: { coordinates: unknown } }[] }],
    ];
    expect(ring.features[0]?.geometry.coordinates).toEqual(target.location);

    // Unchecking the park's chain hides the park, its points and the ring; checking it brings it back.
    const chain = index.parkById.get(PARK.hitech)!.properties.lead[0]!;
    app.updateFilter((current) => toggleChain(current, chain));
    expect(ringed()).toEqual([[target.id], []]);
    app.updateFilter((current) => toggleChain(current, chain));
    expect(ringed()).toEqual([[target.id], [], [target.id]]);

    app.selectProject(null);
    await painted();
    expect(ringed()).toEqual([[target.id], [], [target.id], []]);
  });

  it('opens the park clicked on the map, the smaller one when parks nest, skipping hidden ones', () => {
    const { map, opened, index } = renderMap();
    map.fire('load');
    // The fixture's zone is larger than the aerospace park inside it.
    expect(index.areaOf(PARK.aero)).toBeLessThan(index.areaOf(PARK.etdz));
    map.fire('click', { point: { x: 1, y: 1 } });
    expect(opened).toEqual([]);
    map.rendered = [hit('parks-fill', PARK.etdz), hit('parks-fill', PARK.aero)];
    map.fire('click', { point: { x: 1, y: 1 } });
    expect(opened).toEqual([`park:${PARK.aero}`]);
    // A park hidden by the filter is still under the cursor, transparent: the click skips it.
    map.rendered = [hit('parks-fill', PARK.etdz), hit('parks-fill', PARK.aero, true)];
    map.fire('click', { point: { x: 1, y: 1 } });
    expect(opened).toEqual([`park:${PARK.aero}`, `park:${PARK.etdz}`]);
  });

  it('opens a project point clicked over its park, and not the park', () => {
    const { map, opened } = renderMap();
    map.fire('load');
    map.rendered = [hit('parks-fill', PARK.etdz), hit('projects-circle', 'farasis-battery')];
    map.fire('click', { point: { x: 1, y: 1 } });
    expect(opened).toEqual(['project:farasis-battery']);
    // A hidden project point is not clicked: the park beneath it is.
    map.rendered = [hit('parks-fill', PARK.etdz), hit('projects-circle', 'farasis-battery', true)];
    map.fire('click', { point: { x: 1, y: 1 } });
    expect(opened).toEqual(['project:farasis-battery', `park:${PARK.etdz}`]);
  });

  it('fits a park by the bounds the registry view gives it, and centres a located project', async () => {
    const located = registry.projects.map((project, i) =>
      i === 0 ? { ...project, location: [119.5, 32.1] as [number, number] } : project,
    );
    const { map, ready, index } = renderMap(located);
    map.fire('load');
    const { controller } = ready()!;
    controller.fitToPark(PARK.hitech);
    controller.showProject(located[0]!.id);
    controller.showProject(located[1]!.id); // no location: nothing to centre on
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    expect(map.callsOf('fitBounds').map(([bounds]) => bounds)).toEqual([
      index.boundsOf([PARK.hitech]),
    ]);
    expect(
      map.callsOf('easeTo').map(([options]) => (options as { center: unknown }).center),
    ).toEqual([[119.5, 32.1]]);
  });

  it('removes the map when the view is disposed before the map has loaded', () => {
    const { map, view } = renderMap();
    expect(map.removed).toBe(false);
    view.unmount();
    expect(map.removed).toBe(true);
  });

  it('removes the map and turns its listeners off when the view is disposed after load', () => {
    const { map, view } = renderMap();
    map.fire('load');
    const clickHandlers = (): number =>
      [...map.handlers.entries()]
        .filter(([key]) => key.startsWith('click') || key.startsWith('mouse'))
        .reduce((sum, [, handlers]) => sum + handlers.size, 0);
    expect(clickHandlers()).toBeGreaterThan(0);
    view.unmount();
    expect(map.removed).toBe(true);
    expect(clickHandlers()).toBe(0);
  });
});
