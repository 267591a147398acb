import { fireEvent, render, screen } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { AppStateContext } from '../../src/state/context';
import { createAppState, type AppState } from '../../src/state/appState';
import { defaultFilter } from '../../src/domain/filter';
import type { SearchResult } from '../../src/domain/search';
import Search from '../../src/ui/Search';
import { viewOf } from '../fixtures/view';
import { CHAIN, buildRegistry, makePark } from '../fixtures/sampleRegistry';

const registry = buildRegistry({
  parks: [
    makePark(
      {
        id: 'zj-cbz',
        name: { zh: '镇江综合保税区', en: 'Zhenjiang Comprehensive Bonded Zone' },
        kind: 'main',
        level: 'national',
        district: '镇江新区',
        lead: [CHAIN.power],
      },
      [119.4, 32.1],
      { aliases: ['镇江综保区'] },
    ),
    makePark(
      {
        id: 'gt',
        name: { zh: '官塘创新社区', en: 'Guantang Innovation Community' },
        kind: 'main',
        level: 'municipal',
        district: '丹徒区',
        lead: [CHAIN.it],
      },
      [119.5, 32.1],
    ),
  ],
});

function renderSearch(lang: 'zh' | 'en'): SearchResult[] {
  const chosen: SearchResult[] = [];
  const index = viewOf(registry);
  // Made inside render, which owns (and disposes) the state's computations.
  const state = (): AppState =>
    createAppState(index, { filter: defaultFilter(index), park: null, project: null, lang });
  render(() => (
    <AppStateContext.Provider value={state()}>
      <Search onChoose={(result) => chosen.push(result)} />
    </AppStateContext.Provider>
  ));
  return chosen;
}

const type = (text: string): void => {
  fireEvent.input(screen.getByRole('combobox'), { target: { value: text } });
};

describe('Search', () => {
  it('shows a park found by its alias under its official name, with the alias that matched', () => {
    const chosen = renderSearch('zh');
    type('综保区');
    const option = screen.getByRole('option');
    expect(option.getAttribute('aria-label')).toBe('镇江综合保税区，园区，又称 镇江综保区');
    expect(option.querySelector('.result-name')?.textContent).toBe('镇江综合保税区');
    expect(option.querySelector('.result-alias')?.textContent).toBe('又称 镇江综保区');
    expect(option.querySelector('.result-alias mark')?.textContent).toBe('综保区');
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Enter' });
    expect(chosen.map((result) => [result.parkId, result.alias])).toEqual([
      ['zj-cbz', '镇江综保区'],
    ]);
  });

  it('says “also” in English, and shows no alias line for a match on the name', () => {
    renderSearch('en');
    type('镇江综保区');
    expect(screen.getByRole('option').querySelector('.result-alias')?.textContent).toBe(
      'also 镇江综保区',
    );
    expect(screen.getByRole('option').getAttribute('aria-label')).toBe(
      'Zhenjiang Comprehensive Bonded Zone, park, also 镇江综保区',
    );
    type('guantang');
    const option = screen.getByRole('option');
    expect(option.querySelector('.result-alias')).toBeNull();
    expect(option.querySelector('.result-name mark')?.textContent).toBe('Guantang');
  });
});
