import { fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { AppStateContext } from '../../src/state/context';
import { createAppState, type AppState } from '../../src/state/appState';
import { defaultFilter } from '../../src/domain/filter';
import { viewOf } from '../fixtures/view';
import ParkList, { LIST_PAGE } from '../../src/ui/ParkList';
import { buildRegistry, makePark, registry } from '../fixtures/sampleRegistry';

const PARK_COUNT = 2 * LIST_PAGE + 37;

/** A registry of many small parks in a grid, all like the fixture's first park but for the id. */
function manyParks(): AppState {
  const model = registry.parks[0]!.properties;
  const parks = Array.from({ length: PARK_COUNT }, (_, i) =>
    makePark(
      {
        id: `park-${String(i).padStart(3, '0')}`,
        name: { zh: `测试园区${i}` },
        kind: model.kind,
        level: model.level,
        district: model.district,
        lead: model.lead,
      },
      [119 + (i % 20) * 0.03, 31.9 + Math.floor(i / 20) * 0.03],
    ),
  );
  const index = viewOf(buildRegistry({ parks }));
  return createAppState(index, {
    filter: defaultFilter(index),
    park: null,
    project: null,
    lang: 'zh',
  });
}

const rowIds = (): string[] =>
  [...document.querySelectorAll<HTMLButtonElement>('.park-button')].map(
    (button) => button.dataset.parkId ?? '',
  );

describe('ParkList', () => {
  // Renders hundreds of rows in jsdom three times: seconds on a busy machine, over the 5 s default.
  it(
    'renders the first page of a long list and adds a page per "list more" until all are listed',
    {
      timeout: 30_000,
    },
    () => {
      let state!: AppState;
      const [listed, setListed] = createSignal(LIST_PAGE);
      render(() => (
        <AppStateContext.Provider value={(state = manyParks())}>
          <ParkList
            onOpen={() => undefined}
            listed={listed()}
            onListMore={() => setListed(listed() + LIST_PAGE)}
          />
        </AppStateContext.Provider>
      ));
      const everyId = state.visibleParkIds();
      expect(everyId).toHaveLength(PARK_COUNT);
      expect(rowIds()).toEqual(everyId.slice(0, LIST_PAGE));
      expect(
        screen.getByText(`已列出 ${LIST_PAGE} 个，共 ${PARK_COUNT} 个`, { exact: false }),
      ).toBeInTheDocument();

      fireEvent.click(screen.getByRole('button', { name: `再列出 ${LIST_PAGE} 个` }));
      expect(rowIds()).toEqual(everyId.slice(0, 2 * LIST_PAGE));

      // The last page offers only what is left.
      fireEvent.click(
        screen.getByRole('button', { name: `再列出 ${PARK_COUNT - 2 * LIST_PAGE} 个` }),
      );
      expect(rowIds()).toEqual(everyId);
      expect(screen.queryByRole('button', { name: /再列出/ })).toBeNull();
    },
  );

  it('marks the selected park as current, and only that one', () => {
    let state!: AppState;
    render(() => (
      <AppStateContext.Provider value={(state = manyParks())}>
        <ParkList onOpen={() => undefined} listed={LIST_PAGE} onListMore={() => undefined} />
      </AppStateContext.Provider>
    ));
    const second = state.visibleParkIds()[1]!;
    state.selectPark(second);
    const current = [...document.querySelectorAll('.park-button[aria-current="true"]')];
    expect(current.map((button) => (button as HTMLElement).dataset.parkId)).toEqual([second]);
  });

  it('flags the parks the registry view finds off their lead chains, and only those', () => {
    const index = viewOf(registry);
    render(() => (
      <AppStateContext.Provider
        value={createAppState(index, {
          filter: defaultFilter(index),
          park: null,
          project: null,
          lang: 'zh',
        })}
      >
        <ParkList onOpen={() => undefined} listed={LIST_PAGE} onListMore={() => undefined} />
      </AppStateContext.Provider>
    ));
    const flagged = [...document.querySelectorAll('#park-list > li')]
      .filter((row) => row.querySelector('.focus-flag'))
      .map((row) => row.querySelector<HTMLElement>('.park-button')?.dataset.parkId);
    const expected = registry.parks
      .map((park) => park.properties.id)
      .filter((id) => index.isOffFocus(id));
    expect(expected.length).toBeGreaterThan(0);
    expect(flagged.sort()).toEqual(expected.sort());
  });
});
