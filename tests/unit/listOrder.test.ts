import { describe, expect, it } from 'vitest';
import { compareParks, indexRegistry } from '../../src/domain/membership';
import { registry } from '../fixtures/sampleRegistry';

const ids = (parks: readonly { readonly properties: { readonly id: string } }[]): string[] =>
  parks.map((park) => park.properties.id);

// The fixture's parks sorted the slow way, as the expectation.
const listOrder = [...registry.parks].sort((a, b) => compareParks(a.properties, b.properties));

describe('indexRegistry list order', () => {
  it('sorts parks given in file order', () => {
    // The fixture is not in list order (else this test would not test the sort).
    expect(ids(registry.parks)).not.toEqual(ids(listOrder));
    expect(ids(indexRegistry(registry).parks)).toEqual(ids(listOrder));
  });

  it('keeps parks already in list order, as npm run tiles writes them', () => {
    const sorted = { ...registry, parks: listOrder };
    expect(ids(indexRegistry(sorted).parks)).toEqual(ids(listOrder));
  });

  it('sorts parks that are in order but for the last pair', () => {
    const last = listOrder.at(-1);
    const beforeLast = listOrder.at(-2);
    if (!last || !beforeLast) throw new Error('the fixture needs two parks');
    const almost = { ...registry, parks: [...listOrder.slice(0, -2), last, beforeLast] };
    expect(ids(indexRegistry(almost).parks)).toEqual(ids(listOrder));
  });
});
