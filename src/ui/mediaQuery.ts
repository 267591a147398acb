import { createSignal, onCleanup, type Accessor } from 'solid-js';

/** Whether a CSS media query matches now, as a signal that follows it. */
export function createMediaQuery(query: string): Accessor<boolean> {
  const list = window.matchMedia(query);
  const [matches, setMatches] = createSignal(list.matches);
  const onChange = (event: MediaQueryListEvent): void => {
    setMatches(event.matches);
  };
  list.addEventListener('change', onChange);
  onCleanup(() => list.removeEventListener('change', onChange));
  return matches;
}

/** The layout where the side panel is a drawer and a park's detail a bottom sheet (styles.css). */
export const PHONE_QUERY = '(max-width: 720px)';
