import { describe, expect, it } from 'vitest';
import { buildChainIndex, type ChainInput } from '../../../src/domain/chains/chainIndex';
import { aero, bio, devices, firms, parks, projects, ships } from './fixture';

/** The fixture's input, counting how often its projects and park order are read. */
function countingInput(): { input: ChainInput; reads: { projects: number; parkOrder: number } } {
  const reads = { projects: 0, parkOrder: 0 };
  const input: ChainInput = {
    chains: [aero, ships, bio, devices],
    get projects() {
      reads.projects += 1;
      return projects;
    },
    firms,
    get parkOrder() {
      reads.parkOrder += 1;
      return parks.map((park) => park.id);
    },
  };
  return { input, reads };
}

describe('chain index built on demand', () => {
  it('reads no project and no park order until a group is asked for', () => {
    const { input, reads } = countingInput();
    const index = buildChainIndex(input);
    // The chains' own facts are there at once (the URL decoder reads them at start-up).
    expect(index.segmentById.get('a-parts')?.chainId).toBe('aero');
    expect(index.chainById.has('ships')).toBe(true);
    expect(reads).toEqual({ projects: 0, parkOrder: 0 });
  });

  it('reads the projects once for both groups and keeps the groups', () => {
    const { input, reads } = countingInput();
    const index = buildChainIndex(input);
    const byChain = index.projectsByChain;
    const bySegment = index.projectsBySegment;
    expect(reads.projects).toBe(1);
    expect(index.projectsByChain).toBe(byChain);
    expect(index.projectsBySegment).toBe(bySegment);
    expect(index.parkRank).toBe(index.parkRank);
    expect(reads).toEqual({ projects: 1, parkOrder: 1 });
  });

  it('groups exactly as when every input is given at once', () => {
    const lazy = buildChainIndex(countingInput().input);
    const eager = buildChainIndex({
      chains: [aero, ships, bio, devices],
      projects,
      firms,
      parkOrder: parks.map((park) => park.id),
    });
    expect(lazy.projectsByChain).toEqual(eager.projectsByChain);
    expect(lazy.projectsBySegment).toEqual(eager.projectsBySegment);
    expect(lazy.firmsByChain).toEqual(eager.firmsByChain);
    expect(lazy.firmsBySegment).toEqual(eager.firmsBySegment);
    expect(lazy.parkRank).toEqual(eager.parkRank);
    expect(lazy.projectsByChain.get('aero')?.length).toBeGreaterThan(0);
  });
});
