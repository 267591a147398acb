import { render, screen } from '@solidjs/testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFilter } from '../../src/domain/filter';
import { t } from '../../src/domain/i18n';
import { LABELS_FILTERED_UP_TO } from '../../src/domain/parkLabels';
import { createAppState, type AppState } from '../../src/state/appState';
import { AppStateContext } from '../../src/state/context';
import Legend from '../../src/ui/Legend';
import { manyParksState } from '../fixtures/manyParks';
import { registry } from '../fixtures/sampleRegistry';
import { viewOf } from '../fixtures/view';

// jsdom has no matchMedia; the legend asks it whether to start folded (a phone).
const ownMatchMedia = Object.getOwnPropertyDescriptor(window, 'matchMedia');
beforeAll(() => {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (media: string) => ({ matches: false, media }),
  });
});
afterAll(() => {
  if (ownMatchMedia) Object.defineProperty(window, 'matchMedia', ownMatchMedia);
  else Reflect.deleteProperty(window, 'matchMedia');
});

function renderLegend(state: AppState): void {
  render(() => (
    <AppStateContext.Provider value={state}>
      <Legend />
    </AppStateContext.Provider>
  ));
}

describe('Legend', () => {
  it('says where park names show once the registry is too large to name every park at every zoom', () => {
    renderLegend(manyParksState(LABELS_FILTERED_UP_TO + 1));
    expect(screen.getByText(t('legendNamesCloseIn', 'zh'), { exact: false })).toBeTruthy();
  });

  it('says nothing of it while every park is named at every zoom', () => {
    const index = viewOf(registry);
    renderLegend(
      createAppState(index, {
        filter: defaultFilter(index),
        park: null,
        project: null,
        lang: 'zh',
      }),
    );
    expect(screen.getByText(t('legendDashed', 'zh'), { exact: false })).toBeTruthy();
    expect(screen.queryByText(t('legendNamesCloseIn', 'zh'), { exact: false })).toBeNull();
  });
});
