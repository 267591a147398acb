/**
 * A stand-in for maplibre-gl's Map that records what the app asks of it. It implements only what
 * src/map/MapView.tsx calls, so a change there that needs more shows up as a failing test.
 */
type Handler = (event: unknown) => void;

/** One recorded call: method name and arguments. */
export interface Call {
  method: string;
  args: unknown[];
}

/** Every FakeMap created, newest last. */
export const created: FakeMap[] = [];

export class FakeMap {
  readonly calls: Call[] = [];
  readonly handlers = new Map<string, Set<Handler>>();
  readonly sources = new Map<string, { setData: (data: unknown) => void }>();
  readonly canvas = document.createElement('canvas');
  removed = false;

  constructor(readonly options: Record<string, unknown>) {
    created.push(this);
    for (const id of ['parks', 'park-labels', 'projects', 'selected-project']) {
      this.sources.set(id, { setData: (data) => this.record('setData:' + id, [data]) });
    }
  }

  private record(method: string, args: unknown[]): void {
    this.calls.push({ method, args });
  }

  /** The calls of one method, in order. */
  callsOf(method: string): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  private key(type: string, layer?: unknown): string {
    return typeof layer === 'string' || Array.isArray(layer) ? `${type}@${String(layer)}` : type;
  }

  on(type: string, layerOrHandler: unknown, handler?: Handler): this {
    const key = this.key(type, handler ? layerOrHandler : undefined);
    const fn = (handler ?? layerOrHandler) as Handler;
    if (!this.handlers.has(key)) this.handlers.set(key, new Set());
    this.handlers.get(key)!.add(fn);
    return this;
  }

  off(type: string, layerOrHandler: unknown, handler?: Handler): this {
    const key = this.key(type, handler ? layerOrHandler : undefined);
    this.handlers.get(key)?.delete((handler ?? layerOrHandler) as Handler);
    return this;
  }

  once(type: string, handler: Handler): this {
    const wrapper: Handler = (event) => {
      this.off(type, wrapper);
      handler(event);
    };
    return this.on(type, wrapper);
  }

  /** Fires an event as MapLibre would, to the handlers registered for it. */
  fire(type: string, event: unknown = {}, layer?: string): void {
    for (const handler of [...(this.handlers.get(this.key(type, layer)) ?? [])]) handler(event);
  }

  /** How many handlers are registered, over all events. */
  handlerCount(): number {
    return [...this.handlers.values()].reduce((sum, set) => sum + set.size, 0);
  }

  getCanvas(): HTMLCanvasElement {
    return this.canvas;
  }
  addControl(): this {
    return this;
  }
  getSource(id: string): { setData: (data: unknown) => void } | undefined {
    return this.sources.get(id);
  }
  setFilter(...args: unknown[]): this {
    this.record('setFilter', args);
    return this;
  }
  setLayoutProperty(...args: unknown[]): this {
    this.record('setLayoutProperty', args);
    return this;
  }
  setFeatureState(...args: unknown[]): this {
    this.record('setFeatureState', args);
    return this;
  }
  fitBounds(...args: unknown[]): this {
    this.record('fitBounds', args);
    return this;
  }
  easeTo(...args: unknown[]): this {
    this.record('easeTo', args);
    return this;
  }
  /** The camera; `jumpTo` moves it and ends the move at once, as a jump does. */
  camera = { zoom: 10, lng: 119.4, lat: 32.1, bearing: 0, pitch: 0 };
  getZoom(): number {
    return this.camera.zoom;
  }
  getCenter(): { lng: number; lat: number } {
    return { lng: this.camera.lng, lat: this.camera.lat };
  }
  getBearing(): number {
    return this.camera.bearing;
  }
  getPitch(): number {
    return this.camera.pitch;
  }
  jumpTo(options: {
    center: [number, number];
    zoom: number;
    bearing: number;
    pitch: number;
  }): this {
    this.record('jumpTo', [options]);
    const [lng, lat] = options.center;
    this.camera = { zoom: options.zoom, lng, lat, bearing: options.bearing, pitch: options.pitch };
    this.fire('moveend');
    return this;
  }
  /** What `queryRenderedFeatures` finds under any point: set by a test, like a drawn frame. */
  rendered: { layer: { id: string }; properties: Record<string, unknown>; state: object }[] = [];
  queryRenderedFeatures(
    pointOrOptions?: unknown,
    options?: { layers?: readonly string[] },
  ): unknown[] {
    const layers =
      options?.layers ?? (pointOrOptions as { layers?: readonly string[] } | undefined)?.layers;
    return this.rendered.filter((feature) => !layers || layers.includes(feature.layer.id));
  }
  triggerRepaint(): void {}
  remove(): void {
    this.removed = true;
  }
}

/** A map control; MapView only constructs and adds them. */
class FakeControl {
  constructor(readonly options?: unknown) {}
}

/** The parts of maplibre-gl that MapView imports, faked. */
export const fakeMaplibre = {
  Map: FakeMap,
  NavigationControl: FakeControl,
  ScaleControl: FakeControl,
  AttributionControl: FakeControl,
  setWorkerUrl: (): void => undefined,
  prewarm: (): void => undefined,
};
