import { createSignal, onCleanup, type Accessor } from 'solid-js';

/**
 * The page's address as a signal, for the QR codes of "the current link". The app writes its
 * filter and selection with pushState and the map rewrites `map=` with replaceState (throttled,
 * after a move), and neither fires an event; so besides hashchange and popstate the address is
 * re-read `everyMs` while the caller lives (a string comparison), and just before printing.
 */
export function createLocationHref(everyMs: number | null): Accessor<string> {
  const [href, setHref] = createSignal(window.location.href);
  const refresh = (): void => {
    setHref(window.location.href);
  };
  const events = ['hashchange', 'popstate', 'beforeprint'] as const;
  for (const name of events) window.addEventListener(name, refresh);
  // Emulated print media (and some browsers' print preview) change the media query, not events.
  const print = window.matchMedia('print');
  print.addEventListener('change', refresh);
  const timer = everyMs === null ? undefined : window.setInterval(refresh, everyMs);
  onCleanup(() => {
    for (const name of events) window.removeEventListener(name, refresh);
    print.removeEventListener('change', refresh);
    if (timer !== undefined) window.clearInterval(timer);
  });
  return href;
}
