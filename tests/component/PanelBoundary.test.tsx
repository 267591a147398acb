import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { createSignal, type JSX } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppStateContext } from '../../src/state/context';
import { createAppState, type AppState } from '../../src/state/appState';
import { defaultFilter } from '../../src/domain/filter';
import { viewOf } from '../fixtures/view';
import PanelBoundary from '../../src/ui/PanelBoundary';
import ParkList from '../../src/ui/ParkList';
import { FIRST_PAGE } from '../../src/domain/listWindow';
import { registry } from '../fixtures/sampleRegistry';

const index = viewOf(registry);

/**
 * The explorer's state for the sample registry, as a link without parameters starts it. Call it
 * inside `render`, so that its memos belong to the rendered root and are disposed with it.
 */
function sampleState(): AppState {
  return createAppState(index, {
    filter: defaultFilter(index),
    park: null,
    project: null,
    lang: 'zh',
  });
}

/** A panel that throws while it renders whenever `broken()` is true, as a bug would. */
function FlakyPanel(props: { broken: () => boolean }): JSX.Element {
  const text = (): string => {
    if (props.broken()) throw new Error('chain colour missing');
    return 'flaky panel content';
  };
  return <p data-testid="flaky">{text()}</p>;
}

describe('PanelBoundary: one failing panel does not take the page down', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the error in place of the panel while the real park list beside it still works', () => {
    // Solid logs what a boundary catches; the assertion below is about what the user sees.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const opened: string[] = [];
    render(() => (
      <AppStateContext.Provider value={sampleState()}>
        <PanelBoundary lang="zh">
          <FlakyPanel broken={() => true} />
        </PanelBoundary>
        <PanelBoundary lang="zh">
          <ParkList
            onOpen={(id) => opened.push(id)}
            window={FIRST_PAGE}
            onListEarlier={() => undefined}
            onListMore={() => undefined}
          />
        </PanelBoundary>
      </AppStateContext.Provider>
    ));

    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toHaveTextContent('此面板出错： chain colour missing');
    expect(within(alerts[0]!).getByRole('button', { name: '重试' })).toBeInTheDocument();
    expect(screen.queryByTestId('flaky')).toBeNull();

    // The sibling panel rendered every park and still reacts to the user.
    const buttons = screen.getAllByRole('button').filter((button) => button.dataset.parkId);
    expect(buttons.map((button) => button.dataset.parkId).sort()).toEqual(
      registry.parks.map((park) => park.properties.id).sort(),
    );
    fireEvent.click(buttons[0]!);
    expect(opened).toEqual([buttons[0]!.dataset.parkId]);
  });

  it('catches an error that happens later, on a state change, and keeps the siblings reactive', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let state!: AppState;
    const [broken, setBroken] = createSignal(false);
    render(() => {
      state = sampleState();
      return (
        <AppStateContext.Provider value={state}>
          <PanelBoundary lang="en">
            <FlakyPanel broken={broken} />
          </PanelBoundary>
          <PanelBoundary lang="en">
            <ParkList
              onOpen={() => undefined}
              window={FIRST_PAGE}
              onListEarlier={() => undefined}
              onListMore={() => undefined}
            />
          </PanelBoundary>
        </AppStateContext.Provider>
      );
    });
    expect(screen.getByTestId('flaky')).toHaveTextContent('flaky panel content');
    expect(screen.queryByRole('alert')).toBeNull();

    setBroken(true);
    expect(screen.getByRole('alert')).toHaveTextContent('This panel failed: chain colour missing');
    expect(screen.queryByTestId('flaky')).toBeNull();

    // A filter change still reaches the list beside the failed panel.
    const before = screen.getAllByRole('button').filter((button) => button.dataset.parkId).length;
    const firstChain = registry.chains[0]!.id;
    state.updateFilter((current) => ({
      ...current,
      chains: new Set([...current.chains].filter((id) => id !== firstChain)),
    }));
    const after = screen.getAllByRole('button').filter((button) => button.dataset.parkId).length;
    expect(after).toBeLessThan(before);
  });

  it('renders the panel again when Retry is pressed after the cause is gone', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const [broken, setBroken] = createSignal(true);
    render(() => (
      <PanelBoundary lang="en">
        <FlakyPanel broken={broken} />
      </PanelBoundary>
    ));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    setBroken(false);
    // Still the fallback until the user asks: the boundary does not retry behind their back.
    expect(screen.getByRole('alert')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('flaky')).toHaveTextContent('flaky panel content');
  });

  it('shows the panel unchanged when nothing fails', () => {
    render(() => (
      <PanelBoundary lang="zh">
        <FlakyPanel broken={() => false} />
      </PanelBoundary>
    ));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('flaky')).toHaveTextContent('flaky panel content');
  });
});
