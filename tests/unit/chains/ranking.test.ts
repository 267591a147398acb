import { describe, expect, it } from 'vitest';
import {
  LEAD_LIMIT,
  rankParksForSegment,
  ruleWarning,
  type RankedPark,
} from '../../../src/domain/chains/ranking';
import { WHOLE_REGISTRY } from '../../../src/domain/chains/scope';
import { fixtureIndex, parks, project, projects } from './fixture';

const order = (ranked: readonly RankedPark[]): string[] => ranked.map((r) => r.parkId);
const reasonsOf = (ranked: readonly RankedPark[], id: string): RankedPark['reasons'] | undefined =>
  ranked.find((r) => r.parkId === id)?.reasons;

describe('the 一园区一主导产业 warning', () => {
  it('allows two lead chains in a main zone and one in a linked or elevated park', () => {
    expect(LEAD_LIMIT).toEqual({ main: 2, linked: 1, elevated: 1 });
  });

  it('warns only where adding the chain would exceed what the park’s kind allows', () => {
    expect(ruleWarning({ id: 'm', kind: 'main', lead: ['x'] }, 'y')).toBeNull();
    expect(ruleWarning({ id: 'm', kind: 'main', lead: ['x', 'z'] }, 'y')).toEqual({
      kind: 'main',
      lead: ['x', 'z'],
      allowed: 2,
    });
    expect(ruleWarning({ id: 'l', kind: 'linked', lead: ['x'] }, 'y')?.allowed).toBe(1);
    expect(ruleWarning({ id: 'e', kind: 'elevated', lead: [] }, 'y')).toBeNull();
    expect(ruleWarning({ id: 'e', kind: 'elevated', lead: ['x'] }, 'y')?.kind).toBe('elevated');
    // A park that already leads the chain never breaks the rule by taking another project of it.
    expect(ruleWarning({ id: 'm', kind: 'main', lead: ['x', 'y'] }, 'y')).toBeNull();
  });
});

describe('where can a new project go', () => {
  const index = fixtureIndex();
  const ranked = rankParksForSegment(index, parks, 'aero', 'a-assembly', WHOLE_REGISTRY);

  it('ranks by lead chain, then rule, then segment, neighbours and the rest of the chain', () => {
    // p-main-aero leads aero; p-main-one has room for a second lead chain; the other two would
    // break the rule, and p-main-two's upstream project outranks p-linked's elsewhere project.
    expect(order(ranked)).toEqual(['p-main-aero', 'p-main-one', 'p-main-two', 'p-linked']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });

  it('says the park leads the chain', () => {
    expect(reasonsOf(ranked, 'p-main-aero')?.leadsChain).toBe(true);
    expect(reasonsOf(ranked, 'p-main-one')?.leadsChain).toBe(false);
  });

  it('counts projects and firms already in the segment (clustering)', () => {
    expect(reasonsOf(ranked, 'p-main-aero')?.sameSegment).toEqual({ projects: 1, firms: 0 });
    const parts = rankParksForSegment(index, parks, 'aero', 'a-parts', WHOLE_REGISTRY);
    expect(reasonsOf(parts, 'p-main-aero')?.sameSegment).toEqual({ projects: 1, firms: 1 });
    expect(reasonsOf(parts, 'p-linked')?.sameSegment).toEqual({ projects: 1, firms: 0 });
  });

  it('counts the segments just up- and downstream, each named with its direction', () => {
    expect(reasonsOf(ranked, 'p-main-aero')?.neighbours).toEqual([
      { segmentId: 'a-materials', direction: 'up', projects: 0, firms: 1 },
    ]);
    expect(reasonsOf(ranked, 'p-main-two')?.neighbours).toEqual([
      { segmentId: 'a-materials', direction: 'up', projects: 1, firms: 0 },
    ]);
    // Downstream: a MRO project at p-linked is a neighbour of the assembly segment.
    const withMro = fixtureIndex({
      projects: [...projects, project('mro2', 'aero', 'a-mro', 'p-linked')],
    });
    expect(
      reasonsOf(
        rankParksForSegment(withMro, parks, 'aero', 'a-assembly', WHOLE_REGISTRY),
        'p-linked',
      )?.neighbours,
    ).toEqual([{ segmentId: 'a-mro', direction: 'down', projects: 1, firms: 0 }]);
  });

  it('counts the rest of the chain once, a firm in two of its segments included once', () => {
    expect(reasonsOf(ranked, 'p-main-aero')?.elsewhereInChain).toEqual({ projects: 1, firms: 0 });
    expect(reasonsOf(ranked, 'p-main-one')?.elsewhereInChain).toEqual({ projects: 1, firms: 0 });
    const services = rankParksForSegment(index, parks, 'aero', 'a-services', WHOLE_REGISTRY);
    expect(reasonsOf(services, 'p-main-aero')?.elsewhereInChain).toEqual({
      projects: 2,
      firms: 1,
    });
  });

  it('warns where the park’s kind has no room for another lead chain', () => {
    expect(reasonsOf(ranked, 'p-main-two')?.ruleWarning?.allowed).toBe(2);
    expect(reasonsOf(ranked, 'p-linked')?.ruleWarning?.allowed).toBe(1);
    expect(reasonsOf(ranked, 'p-main-one')?.ruleWarning).toBeNull();
    expect(reasonsOf(ranked, 'p-main-aero')?.ruleWarning).toBeNull();
  });

  it('leaves out parks the registry gives no reason for', () => {
    expect(order(ranked)).not.toContain('p-elevated');
  });

  it('breaks ties by the park list’s order and says so', () => {
    // For the services segment, p-main-two and p-linked each have one other aero project and
    // would both break the rule: the list order decides.
    const services = rankParksForSegment(index, parks, 'aero', 'a-services', WHOLE_REGISTRY);
    expect(order(services)).toEqual(['p-main-aero', 'p-main-one', 'p-main-two', 'p-linked']);
    expect(services.map((r) => r.tiedWithPrevious)).toEqual([false, false, false, true]);
    const reversed = rankParksForSegment(
      index,
      [...parks].reverse(),
      'aero',
      'a-services',
      WHOLE_REGISTRY,
    );
    expect(order(reversed).slice(2)).toEqual(['p-linked', 'p-main-two']);
  });

  it('follows the scope', () => {
    const scoped = rankParksForSegment(index, parks, 'aero', 'a-assembly', {
      parkIncluded: (id) => id !== 'p-main-aero',
      unplacedIncluded: false,
    });
    expect(order(scoped)).toEqual(['p-main-one', 'p-main-two', 'p-linked']);
  });

  it('gives nothing for an unknown chain or a segment of another chain', () => {
    expect(rankParksForSegment(index, parks, 'nope', 'a-parts', WHOLE_REGISTRY)).toEqual([]);
    expect(rankParksForSegment(index, parks, 'ships', 'a-parts', WHOLE_REGISTRY)).toEqual([]);
    expect(rankParksForSegment(index, parks, 'aero', 'nope', WHOLE_REGISTRY)).toEqual([]);
  });

  it('lists a park that leads the chain even with nothing of it yet', () => {
    const empty = fixtureIndex({ projects: [], firms: [] });
    const ranking = rankParksForSegment(empty, parks, 'ships', 's-design', WHOLE_REGISTRY);
    expect(order(ranking)).toEqual(['p-main-two', 'p-main-one', 'p-linked']);
    expect(ranking.every((r, i) => r.tiedWithPrevious === i > 0)).toBe(true);
  });
});
