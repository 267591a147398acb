import { describe, expect, it } from 'vitest';
import { PositionLookup, ScanLookup } from '../../src/domain/lookups';

describe('PositionLookup', () => {
  const positions = new Map([
    ['a', 0],
    ['b', 2],
  ]);
  const values = ['zero', 'one', 'two'];
  const lookup = new PositionLookup(positions, (position) => `${values[position]}!`);

  it("answers a key with the value at the key's position, and an unknown key with nothing", () => {
    expect(lookup.get('a')).toBe('zero!');
    expect(lookup.get('b')).toBe('two!');
    expect(lookup.get('c')).toBeUndefined();
    expect(lookup.has('b')).toBe(true);
    expect(lookup.has('c')).toBe(false);
    expect(lookup.size).toBe(2);
  });

  it('iterates as a Map of the same entries would, in the order of the positions map', () => {
    expect([...lookup]).toEqual([
      ['a', 'zero!'],
      ['b', 'two!'],
    ]);
    expect([...lookup.keys()]).toEqual(['a', 'b']);
    expect([...lookup.values()]).toEqual(['zero!', 'two!']);
    const seen: string[] = [];
    lookup.forEach((value, key, map) => {
      expect(map).toBe(lookup);
      seen.push(`${key}=${value}`);
    });
    expect(seen).toEqual(['a=zero!', 'b=two!']);
  });
});

describe('ScanLookup', () => {
  const items = [
    { id: 'x', n: 1 },
    { id: 'y', n: 2 },
    { id: 'x', n: 3 },
  ];
  const lookup = new ScanLookup(items, (item) => item.id);

  it('finds the first item with the key, also when asked again, and nothing for an unknown key', () => {
    expect(lookup.get('y')?.n).toBe(2);
    expect(lookup.get('x')?.n).toBe(1);
    expect(lookup.get('x')?.n).toBe(1);
    expect(lookup.get('z')).toBeUndefined();
    expect(lookup.has('z')).toBe(false);
    expect(lookup.has('y')).toBe(true);
    // The remembered last answer is for its own key only.
    expect(lookup.get('y')?.n).toBe(2);
  });

  it('iterates each key once, first item winning', () => {
    expect(lookup.size).toBe(2);
    expect([...lookup.keys()]).toEqual(['x', 'y']);
    expect([...lookup.values()].map((item) => item.n)).toEqual([1, 2]);
    expect([...lookup].map(([key, item]) => `${key}${item.n}`)).toEqual(['x1', 'y2']);
    const seen: string[] = [];
    lookup.forEach((item, key, map) => {
      expect(map).toBe(lookup);
      seen.push(`${key}${item.n}`);
    });
    expect(seen).toEqual(['x1', 'y2']);
  });
});
