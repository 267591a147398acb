import { createContext, useContext } from 'solid-js';
import type { AppState } from './appState';

/** The app state, provided once by the explorer to every panel below it. */
export const AppStateContext = createContext<AppState>();

/** The app state of the explorer this component is rendered in. */
export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState() needs an <AppStateContext.Provider> above it');
  return state;
}
