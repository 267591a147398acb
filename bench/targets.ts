import type { SizeResult, TargetCheck } from './report';

/** The targets of the issue, checked against a run's results. */

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
