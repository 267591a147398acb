import { render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultFilter, toggleChain, type FilterState } from '../../src/domain/filter';
import { indexRegistry } from '../../src/domain/membership';
import type { MapController } from '../../src/map/controller';
import MapView from '../../src/map/MapView';
import { CHAIN, PARK, registry } from '../fixtures/sampleRegistry';
import { created } from './fakeMap';

vi.mock('maplibre-gl', async () => (await import('./fakeMap')).fakeMaplibre);
vi.mock('maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url', () => ({ default: '/worker.js' }));

const index = indexRegistry(registry);

/** Renders MapView with signals the test controls, and returns them with the fake map. */
function renderMap() {
  const [filter, setFilter] = createSignal<FilterState>(defaultFilter(index));
  const [selected, setSelected] = createSignal<string | null>(null);
  const clicks: (string | null)[] = [];
  let controller: MapController | undefined;
  const view = render(() => (
    <MapView
      parks={registry.parks}
      projects={registry.projects}
      chains={registry.chains}
      parkAreas={
        new Map([
          [PARK.etdz, 222],
          [PARK.aero, 10],
        ])
      }
      filter={filter}
      visibleParkIds={() => registry.parks.map((park) => park.properties.id)}
      selectedParkId={selected}
      selectedProjectId={() => null}
      hoveredParkId={() => null}
      lang={() => 'zh'}
      reducedMotion={() => true}
      geoBaseUrl="http://127.0.0.1/geo/"
      label="map"
      onParkClick={(id) => clicks.push(id)}
      onProjectClick={() => undefined}
      onParkHover={() => undefined}
      onReady={(ready) => (controller = ready)}
      onFailure={() => undefined}
      onlineBasemap={null}
      onBasemapFallback={() => undefined}
    />
  ));
  const map = created.at(-1)!;
  return { view, map, setFilter, setSelected, clicks, controller: () => controller };
}

describe('MapView, the seam between Solid state and the map', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('publishes nothing to the map before it has loaded, then sends the parks once', () => {
    const { map, controller, view } = renderMap();
    expect(map.callsOf('setData:parks')).toHaveLength(0);
    expect(controller()).toBeUndefined();
    map.fire('load');
    const [[data]] = map.callsOf('setData:parks') as [
      [{ features: { properties: { id: string } }[] }],
    ];
    expect(data.features.map((feature) => feature.properties.id).sort()).toEqual(
      registry.parks.map((park) => park.properties.id).sort(),
    );
    expect(controller()).toBeDefined();
    expect(view.container.querySelector('.map')?.getAttribute('data-map-ready')).toBe('false');
    map.fire('idle');
    expect(view.container.querySelector('.map')?.getAttribute('data-map-ready')).toBe('true');
  });

  it('pushes a filter change to every park layer without resending data', () => {
    const { map, setFilter } = renderMap();
    map.fire('load');
    const before = map.callsOf('setFilter').length;
    setFilter((current) => toggleChain(current, CHAIN.ships));
    const pushed = map.callsOf('setFilter').slice(before) as [string, unknown][];
    expect(pushed.map(([layer]) => layer).sort()).toEqual(
      [
        'parks-fill',
        'parks-label',
        'parks-outline-drawn',
        'parks-outline-official',
        'parks-second-chain',
        'parks-selected',
        'projects-circle',
      ].sort(),
    );
    const fillFilter = JSON.stringify(pushed.find(([layer]) => layer === 'parks-fill')?.[1]);
    expect(fillFilter).not.toContain(CHAIN.ships);
    expect(fillFilter).toContain(CHAIN.aerospace);
    expect(map.callsOf('setData:parks')).toHaveLength(1);
  });

  it('moves the selected feature-state from the old park to the new one', () => {
    const { map, setSelected } = renderMap();
    map.fire('load');
    setSelected(PARK.etdz);
    setSelected(PARK.hitech);
    const states = map
      .callsOf('setFeatureState')
      .map(([target, state]) => [(target as { id: string }).id, state]);
    expect(states).toEqual([
      [PARK.etdz, { selected: true }],
      [PARK.etdz, { selected: false }],
      [PARK.hitech, { selected: true }],
    ]);
  });

  it('tells the app which park was clicked, the smaller one when parks nest', () => {
    const { map, clicks } = renderMap();
    map.fire('load');
    map.fire('click', {}, undefined);
    map.fire(
      'click',
      { features: [{ properties: { id: PARK.etdz } }, { properties: { id: PARK.aero } }] },
      'parks-fill',
    );
    expect(clicks).toEqual([PARK.aero]);
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
