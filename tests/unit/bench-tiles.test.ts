import { describe, expect, it } from 'vitest';
import { stat, type SizeResult, type TilesAppResult, type VariantResult } from '../../bench/report';
import { formatTilesApp } from '../../bench/reportTiles';
import { checkTargets } from '../../bench/targets';
import type { TilesPathCheck } from '../../bench/tilesPath';

// The benchmark's app-on-tiles bookkeeping (no browser, no timing): a page that did not take the
// tiles path must never be reported with numbers, and the ratios must reach the targets.

function variant(
  loadMs: number,
  filterMs: number,
  selectMs: number,
  heapMb: number,
): VariantResult {
  const sample = { syncMs: 5, idleMs: filterMs, longTasks: { count: 0, totalMs: 0, maxMs: 0 } };
  const select = { parkId: 'p', selectDomMs: 10, selectMs, closeMs: 10, closeDomMs: 5 };
  return {
    status: 'ok',
    loads: [],
    load: stat([loadMs]),
    loadPhases: {},
    filter: {
      samples: [sample],
      idle: stat([filterMs]),
      sync: stat([5]),
      longTaskMaxMs: 0,
      longTaskCount: 0,
    },
    select: {
      samples: [select],
      selectDom: stat([10]),
      select: stat([selectMs]),
      close: stat([10]),
      closeDom: stat([5]),
    },
    heap: { peakMb: heapMb, afterMb: heapMb },
    profile: {},
    errors: [],
  };
}

const path = (onTiles: boolean): TilesPathCheck => ({
  onTiles,
  parksSource: onTiles ? 'vector' : 'geojson',
  archiveRequested: onTiles,
  geojsonRequested: false,
  declared: null,
  summary: onTiles ? 'parks source vector' : 'parks source geojson, tiles.pmtiles not requested',
});

function size(label: string, tiles: TilesAppResult, ratios: SizeResult['ratios']): SizeResult {
  return {
    label,
    data: { parks: 50_000, projects: 1, vertices: 1, bytes: 1, gzipBytes: 1 },
    toggledChain: 'c',
    app: { ...variant(100_000, 600, 4000, 1300), tiles },
    bare: variant(100_000, 60_000, 0, 1200),
    ratios,
    paths: {},
    validation: null,
  };
}

describe('bench: the app on tiles', () => {
  it('reports a page that stayed on GeoJSON as not on tiles and fails its targets', () => {
    const off: TilesAppResult = {
      ...variant(0, 0, 0, 0),
      load: stat([]),
      filter: null,
      select: null,
      heap: null,
      path: path(false),
      files: null,
    };
    const result = size('50k', off, {
      load: 1,
      filter: 0.01,
      tilesLoad: null,
      tilesHeap: null,
      tilesFilter: null,
      tilesSelect: null,
      tilesVsTilesState: { load: null, filter: null },
    });
    const printed = formatTilesApp([result]);
    expect(printed).toContain('not on tiles');
    expect(printed).toContain('tiles.pmtiles not requested');
    const tilesTargets = checkTargets([result], 0).filter((t) => t.target.includes('on tiles'));
    expect(tilesTargets.length).toBeGreaterThan(0);
    for (const target of tilesTargets) {
      expect(target.pass).toBe(false);
      expect(target.value).toBe('not on tiles');
    }
  });

  it('checks the 50k load and heap targets and the ratios against GeoJSON', () => {
    const on: TilesAppResult = {
      ...variant(25_000, 500, 3000, 120),
      path: path(true),
      files: null,
    };
    const result = size('50k', on, {
      load: 1,
      filter: 0.01,
      tilesLoad: 0.25,
      tilesHeap: 0.09,
      tilesFilter: 0.83,
      tilesSelect: 1.1,
      tilesVsTilesState: { load: null, filter: null },
    });
    const byName = new Map(checkTargets([result], 0).map((t) => [t.target, t]));
    expect(byName.get('load app on tiles ÷ app on GeoJSON ≤ 0.3 (50k)')?.pass).toBe(true);
    expect(byName.get('peak heap app on tiles ≤ 150 MB (50k)')).toMatchObject({
      value: '120 MB',
      pass: true,
    });
    expect(byName.get('filter app on tiles ÷ app on GeoJSON ≤ 1.00 (50k)')?.pass).toBe(true);
    expect(byName.get('select app on tiles ÷ app on GeoJSON ≤ 1.00 (50k)')?.pass).toBe(false);
    expect(formatTilesApp([result])).toContain('0.25×');
  });
});
