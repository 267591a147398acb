import { describe, expect, it } from 'vitest';
import { PIPELINE_ORDER, chainPipeline } from '../../../src/domain/chains/pipeline';
import { WHOLE_REGISTRY } from '../../../src/domain/chains/scope';
import { fixtureIndex } from './fixture';

describe('the pipeline of a chain', () => {
  const index = fixtureIndex();

  it('runs planned → signed → under construction → operating', () => {
    expect(PIPELINE_ORDER).toEqual(['planned', 'signed', 'under-construction', 'operating']);
  });

  it('counts the chain’s projects by status', () => {
    const pipeline = chainPipeline(index, 'aero', WHOLE_REGISTRY);
    expect(pipeline?.total).toBe(6);
    expect(pipeline?.byStatus).toEqual({
      planned: 1,
      signed: 2,
      'under-construction': 1,
      operating: 2,
    });
  });

  it('counts by year ascending, the projects without a year last', () => {
    const years = chainPipeline(index, 'aero', WHOLE_REGISTRY)?.years ?? [];
    expect(years.map((y) => [y.year, y.total])).toEqual([
      [2020, 1],
      [2021, 1],
      [2023, 2],
      [2024, 1],
      [null, 1],
    ]);
    expect(years.find((y) => y.year === 2023)?.byStatus).toEqual({
      planned: 0,
      signed: 1,
      'under-construction': 1,
      operating: 0,
    });
  });

  it('follows the scope, dropping projects without a park when narrowed', () => {
    const pipeline = chainPipeline(index, 'aero', {
      parkIncluded: (id) => id === 'p-main-aero',
      unplacedIncluded: false,
    });
    expect(pipeline?.total).toBe(2);
    expect(pipeline?.years.map((y) => y.year)).toEqual([2021, 2023]);
  });

  it('is empty for a chain without projects and null for an unknown chain', () => {
    expect(chainPipeline(index, 'bio', WHOLE_REGISTRY)).toEqual({
      chainId: 'bio',
      total: 0,
      byStatus: { planned: 0, signed: 0, 'under-construction': 0, operating: 0 },
      years: [],
    });
    expect(chainPipeline(index, 'nope', WHOLE_REGISTRY)).toBeNull();
  });
});
