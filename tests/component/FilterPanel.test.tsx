import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { AppStateContext } from '../../src/state/context';
import { createAppState, type AppState } from '../../src/state/appState';
import { defaultFilter } from '../../src/domain/filter';
import { viewOf } from '../fixtures/view';
import FilterPanel from '../../src/ui/FilterPanel';
import ParkList from '../../src/ui/ParkList';
import { FIRST_PAGE } from '../../src/domain/listWindow';
import { PARK, registry } from '../fixtures/sampleRegistry';

/** Renders the filter panel and the list over the fixture registry, sharing one state. */
function renderPanel(): AppState {
  const index = viewOf(registry);
  const state = createAppState(index, {
    filter: defaultFilter(index),
    park: null,
    project: null,
    lang: 'zh',
  });
  render(() => (
    <AppStateContext.Provider value={state}>
      <FilterPanel />
      <ParkList
        onOpen={() => undefined}
        window={FIRST_PAGE}
        onListEarlier={() => undefined}
        onListMore={() => undefined}
      />
    </AppStateContext.Provider>
  ));
  return state;
}

const chainBox = (name: string): HTMLInputElement =>
  screen.getByRole('checkbox', { name }) as HTMLInputElement;

/** The count shown beside a chain, read from its description. */
const countOf = (name: string): string =>
  document.getElementById(chainBox(name).getAttribute('aria-describedby') ?? '')?.textContent ?? '';

const listedIds = (): string[] =>
  [...document.querySelectorAll<HTMLButtonElement>('.park-button')].map(
    (button) => button.dataset.parkId ?? '',
  );

describe('FilterPanel', () => {
  it('names each checkbox after its chain or cluster and counts the parks of each chain', () => {
    renderPanel();
    expect(chainBox('高端装备制造').checked).toBe(true);
    // Fixture: 航空航天 leads the ETDZ and its aerospace park; 船舶海工 leads the hi-tech zone only.
    expect(countOf('航空航天')).toMatch(/^2\b/);
    expect(countOf('船舶海工')).toMatch(/^1\b/);
    expect(listedIds()).toHaveLength(registry.parks.length);
  });

  it('unchecking a chain hides the parks none of whose lead chains remain and makes its cluster mixed', () => {
    renderPanel();
    fireEvent.click(chainBox('船舶海工'));
    expect(listedIds()).not.toContain(PARK.hitech);
    expect(listedIds()).toContain(PARK.etdz);
    const cluster = chainBox('高端装备制造');
    expect(cluster.checked).toBe(false);
    expect(cluster.indeterminate).toBe(true);
    expect(cluster.getAttribute('aria-checked')).toBe('mixed');
    // The chain's own count ignores the chain filter, so the user sees what checking it brings back.
    expect(countOf('船舶海工')).toMatch(/^1\b/);
  });

  it('a mixed cluster checks all its chains; a checked one unchecks them all', () => {
    renderPanel();
    fireEvent.click(chainBox('船舶海工'));
    fireEvent.click(chainBox('高端装备制造'));
    expect(chainBox('船舶海工').checked).toBe(true);
    expect(chainBox('航空航天').checked).toBe(true);
    fireEvent.click(chainBox('高端装备制造'));
    expect(chainBox('航空航天').checked).toBe(false);
    expect(chainBox('新型电力装备').checked).toBe(false);
    // The ETDZ also leads in 高性能材料, so it stays; its aerospace park does not.
    expect(listedIds()).toContain(PARK.etdz);
    expect(listedIds()).not.toContain(PARK.aero);
  });

  it('counts follow the kind filter, and reset brings everything back', () => {
    renderPanel();
    const kinds = screen.getByRole('group', { name: '园区类型' });
    fireEvent.click(within(kinds).getByRole('checkbox', { name: '辐射联动园区' }));
    expect(countOf('航空航天')).toMatch(/^1\b/);
    expect(listedIds()).not.toContain(PARK.aero);
    fireEvent.click(screen.getByRole('button', { name: '重置' }));
    expect(listedIds()).toHaveLength(registry.parks.length);
    expect(countOf('航空航天')).toMatch(/^2\b/);
  });
});
