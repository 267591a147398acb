import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { AppStateContext } from '../../src/state/context';
import { createAppState, type AppState } from '../../src/state/appState';
import { defaultFilter, toggleChain } from '../../src/domain/filter';
import { viewOf } from '../fixtures/view';
import Stats from '../../src/ui/Stats';
import { CHAIN, registry } from '../fixtures/sampleRegistry';

/** The parks figure of the total row. */
const totalParks = (): string =>
  within(screen.getByRole('rowheader', { name: '合计' }).closest('tr')!).getAllByRole('cell')[0]!
    .textContent ?? '';

describe('Stats', () => {
  it('computes nothing while folded, and follows the filter once unfolded', () => {
    let state!: AppState;
    render(() => {
      const index = viewOf(registry);
      state = createAppState(index, {
        filter: defaultFilter(index),
        park: null,
        project: null,
        lang: 'zh',
      });
      return (
        <AppStateContext.Provider value={state}>
          <Stats />
        </AppStateContext.Provider>
      );
    });
    expect(document.querySelector('.stats-table')).toBeNull();

    const details = document.querySelector('details.stats') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(totalParks()).toBe(String(state.visibleParks().length));

    state.updateFilter((current) => toggleChain(current, CHAIN.ships));
    expect(state.visibleParks().length).toBeLessThan(registry.parks.length);
    expect(totalParks()).toBe(String(state.visibleParks().length));
  });
});
