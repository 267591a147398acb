import { describe, expect, it } from 'vitest';
import { resolveChainId } from '../../../src/domain/chains/formerIds';
import { buildChainIndex } from '../../../src/domain/chains/chainIndex';
import { aero, fixtureIndex, ships } from './fixture';

describe('old chain ids in links', () => {
  const index = fixtureIndex();

  it('reads a current id as itself', () => {
    expect(resolveChainId(index, 'aero')).toEqual({ kind: 'current', ids: ['aero'] });
  });

  it('maps an id folded into one chain to that chain', () => {
    expect(resolveChainId(index, 'old-marine')).toEqual({
      kind: 'merged',
      from: 'old-marine',
      ids: ['ships'],
    });
  });

  it('maps a split id to every chain listing it, in registry order', () => {
    expect(resolveChainId(index, 'med-bio')).toEqual({
      kind: 'split',
      from: 'med-bio',
      ids: ['bio', 'devices'],
    });
  });

  it('says an id nobody lists is unknown', () => {
    expect(resolveChainId(index, 'new-energy')).toEqual({ kind: 'unknown', from: 'new-energy' });
  });

  it('keeps a current id that another chain also lists as former', () => {
    const odd = buildChainIndex({
      chains: [aero, { ...ships, former_ids: ['aero'] }],
      projects: [],
      firms: [],
      parkOrder: [],
    });
    expect(resolveChainId(odd, 'aero')).toEqual({ kind: 'current', ids: ['aero'] });
  });
});
