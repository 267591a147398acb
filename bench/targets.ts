import type { SizeResult, TargetCheck } from './report';

/** The targets of the issues (#11's app ÷ bare, #16's app on tiles), checked against a run's results. */

/** Each target with the value measured and whether it passed (null when not run). */
export function checkTargets(sizes: readonly SizeResult[], ownInitialGzip: number): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const size of sizes) {
    checks.push({
      target: `load app ÷ bare ≤ 1.2 (${size.label})`,
      value: size.ratios.load === null ? size.app.status : size.ratios.load.toFixed(2),
      pass: size.ratios.load === null ? false : size.ratios.load <= 1.2,
    });
    checks.push({
      target: `filter app ÷ bare ≤ 1.2 (${size.label})`,
      value: size.ratios.filter === null ? size.app.status : size.ratios.filter.toFixed(2),
      pass: size.ratios.filter === null ? false : size.ratios.filter <= 1.2,
    });
    // The app hides filtered parks by feature-state: against the bare page doing the same, the
    // ratio is the app's own overhead rather than the gain of the method.
    const sameMethod = size.paths.state?.filter?.idle.median ?? null;
    const appFilter = size.app.filter?.idle.median ?? null;
    if (sameMethod !== null && appFilter !== null) {
      const ratio = appFilter / sameMethod;
      checks.push({
        target: `filter app ÷ bare with feature-state ≤ 1.2 (${size.label})`,
        value: ratio.toFixed(2),
        pass: ratio <= 1.2,
      });
    }
  }
  checks.push(...tilesTargets(sizes));
  const largest = sizes.find((size) => size.label === '50k');
  checks.push({
    target: 'select → detail painted ≤ 100 ms (50k)',
    value: largest ? `${largest.app.select?.select.median ?? largest.app.status} ms` : 'not run',
    pass: largest ? (largest.app.select?.select.median ?? Infinity) <= 100 : null,
  });
  const tenK = sizes.find((size) => size.label === '10k');
  if (tenK) {
    // The click handler's task is the app's own: its Solid updates and the setFilter calls it
    // makes. The rendering tasks MapLibre runs afterwards are the map's, and the bare page has them
    // too (they are shown beside it).
    const handler = tenK.app.filter?.sync.median ?? null;
    const split = tenK.app.profile.handlerPerToggle?.groups;
    checks.push({
      target: 'no long task > 50 ms from our code while filtering (10k)',
      value: `click handler ${handler ?? '—'} ms${split ? ` (ours ${split['ours (src/)'] ?? 0}, Solid ${split['solid-js'] ?? 0}, MapLibre ${split['maplibre-gl'] ?? 0}, GC ${split['GC'] ?? 0})` : ''}; longest task ${tenK.app.filter?.longTaskMaxMs ?? '—'} ms (bare ${tenK.bare.filter?.longTaskMaxMs ?? '—'} ms)`,
      pass: handler === null ? false : handler <= 50,
    });
  }
  checks.push({
    target: 'our initial JavaScript ≤ 40 kB gzip',
    value: `${(ownInitialGzip / 1024).toFixed(1)} kB`,
    pass: ownInitialGzip <= 40 * 1024,
  });
  checks.push({
    target: '50k parks load without crashing the tab',
    value: largest
      ? `${largest.app.status}${largest.app.load.median === null ? '' : `, ${largest.app.load.median} ms`}`
      : 'not run',
    pass: largest ? largest.app.status === 'ok' : null,
  });
  return checks;
}

/** One ratio target: its value, or why there is none (the tiles page not run or not on tiles). */
function ratioCheck(
  target: string,
  value: number | null | undefined,
  limit: number,
  size: SizeResult,
): TargetCheck {
  if (value === null || value === undefined) {
    const tiles = size.app.tiles;
    const why = !tiles ? 'not run' : tiles.path?.onTiles === false ? 'not on tiles' : tiles.status;
    return { target, value: why, pass: false };
  }
  return { target, value: value.toFixed(2), pass: value <= limit };
}

/**
 * Issue #16's targets for the app on tiles: at 50k, load ≤ 0.3× the app on GeoJSON and peak heap
 * ≤ 150 MB; at every size it ran, filter and select no worse than on GeoJSON (≤ 1.00×, as the
 * issue says: the ratio is printed, so a reader can see when it is within this machine's noise) and
 * app on tiles ÷ the bare tiles + feature-state page ≤ 1.2 for load and filter (full runs only,
 * where that page runs). A page that did not take the tiles path fails every one of them.
 */
function tilesTargets(sizes: readonly SizeResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const largest = sizes.find((size) => size.label === '50k');
  if (!largest) {
    checks.push(
      { target: 'load app on tiles ÷ app on GeoJSON ≤ 0.3 (50k)', value: 'not run', pass: null },
      { target: 'peak heap app on tiles ≤ 150 MB (50k)', value: 'not run', pass: null },
    );
  } else {
    checks.push(
      ratioCheck(
        'load app on tiles ÷ app on GeoJSON ≤ 0.3 (50k)',
        largest.ratios.tilesLoad,
        0.3,
        largest,
      ),
    );
    const heap = largest.app.tiles?.heap?.peakMb ?? null;
    checks.push(
      heap === null
        ? ratioCheck('peak heap app on tiles ≤ 150 MB (50k)', null, 150, largest)
        : {
            target: 'peak heap app on tiles ≤ 150 MB (50k)',
            value: `${Math.round(heap)} MB`,
            pass: heap <= 150,
          },
    );
  }
  for (const size of sizes.filter((s) => s.app.tiles)) {
    const label = size.label;
    checks.push(
      ratioCheck(
        `filter app on tiles ÷ app on GeoJSON ≤ 1.00 (${label})`,
        size.ratios.tilesFilter,
        1,
        size,
      ),
      ratioCheck(
        `select app on tiles ÷ app on GeoJSON ≤ 1.00 (${label})`,
        size.ratios.tilesSelect,
        1,
        size,
      ),
    );
    if (size.paths['tiles-state'])
      checks.push(
        ratioCheck(
          `load app on tiles ÷ bare tiles + feature-state ≤ 1.2 (${label})`,
          size.ratios.tilesVsTilesState?.load,
          1.2,
          size,
        ),
        ratioCheck(
          `filter app on tiles ÷ bare tiles + feature-state ≤ 1.2 (${label})`,
          size.ratios.tilesVsTilesState?.filter,
          1.2,
          size,
        ),
      );
  }
  return checks;
}
