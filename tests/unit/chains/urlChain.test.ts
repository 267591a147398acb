import { describe, expect, it } from 'vitest';
import {
  decodeChainSelection,
  encodeChainSelection,
  mapChainListItems,
} from '../../../src/domain/chains/urlChain';
import { fixtureIndex } from './fixture';

function decode(chain: string | null, segment: string | null) {
  const ignored: string[] = [];
  const result = decodeChainSelection(fixtureIndex(), chain, segment, (e) => ignored.push(e));
  return { ...result, ignored };
}

describe('chain= and segment= in the link', () => {
  it('opens a known chain and segment', () => {
    expect(decode('aero', 'a-parts')).toEqual({
      selection: { chain: 'aero', segment: 'a-parts' },
      remapped: [],
      ignored: [],
    });
  });

  it('opens the chain of a segment given alone', () => {
    expect(decode(null, 's-build').selection).toEqual({ chain: 'ships', segment: 's-build' });
  });

  it('ignores unknown ids and a segment of another chain, keeping what is known', () => {
    expect(decode('nope', null)).toEqual({
      selection: { chain: null, segment: null },
      remapped: [],
      ignored: ['chain=nope'],
    });
    expect(decode('aero', 'nope')).toMatchObject({
      selection: { chain: 'aero', segment: null },
      ignored: ['segment=nope'],
    });
    expect(decode('aero', 's-build')).toMatchObject({
      selection: { chain: 'aero', segment: null },
      ignored: ['segment=s-build'],
    });
  });

  it('maps an old id to its successor and reports it', () => {
    expect(decode('old-marine', 's-design')).toEqual({
      selection: { chain: 'ships', segment: 's-design' },
      remapped: [{ param: 'chain', kind: 'merged', from: 'old-marine', to: ['ships'] }],
      ignored: [],
    });
    expect(decode('med-bio', null)).toEqual({
      selection: { chain: 'bio', segment: null },
      remapped: [{ param: 'chain', kind: 'split', from: 'med-bio', to: ['bio', 'devices'] }],
      ignored: [],
    });
  });

  it('writes both parameters, the segment only with its chain', () => {
    expect(encodeChainSelection({ chain: 'aero', segment: 'a-parts' })).toEqual([
      'chain=aero',
      'segment=a-parts',
    ]);
    expect(encodeChainSelection({ chain: 'aero', segment: null })).toEqual(['chain=aero']);
    expect(encodeChainSelection({ chain: null, segment: 'a-parts' })).toEqual([]);
  });

  it('round-trips every segment of the fixture', () => {
    const index = fixtureIndex();
    for (const [id, entry] of index.segmentById) {
      const params = new Map(
        encodeChainSelection({ chain: entry.chainId, segment: id }).map((p) =>
          p.split('=').map(decodeURIComponent),
        ) as [string, string][],
      );
      expect(decode(params.get('chain') ?? null, params.get('segment') ?? null).selection).toEqual({
        chain: entry.chainId,
        segment: id,
      });
    }
  });
});

describe('old ids in the chains= list', () => {
  it('replaces an old id by all its successors and leaves the rest', () => {
    expect(mapChainListItems(fixtureIndex(), ['aero', 'med-bio', 'nope'])).toEqual({
      items: ['aero', 'bio', 'devices', 'nope'],
      remapped: [{ param: 'chains', kind: 'split', from: 'med-bio', to: ['bio', 'devices'] }],
    });
  });
});
