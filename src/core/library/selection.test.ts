import { describe, expect, test } from 'vitest';
import { emptySelection, keepListed, toggle } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('selection', () => {
  test('a click toggles one and becomes the anchor', () => {
    const one = toggle(emptySelection, order, 'b', false);
    expect(ids(one)).toEqual(['b']);
    expect(one.anchor).toBe('b');
    expect(ids(toggle(one, order, 'b', false))).toEqual([]);
  });

  test('shift-click selects the range from the anchor, either direction', () => {
    const from = toggle(emptySelection, order, 'b', false);
    expect(ids(toggle(from, order, 'd', true))).toEqual(['b', 'c', 'd']);
    const back = toggle(emptySelection, order, 'd', false);
    expect(ids(toggle(back, order, 'a', true))).toEqual(['a', 'b', 'c', 'd']);
  });

  test('shift-click on a selected one clears the range', () => {
    let s = toggle(emptySelection, order, 'a', false);
    s = toggle(s, order, 'e', true);
    s = toggle(s, order, 'c', true);
    expect(ids(s)).toEqual(['d', 'e']);
  });

  test('shift without an anchor is a plain click', () => {
    expect(ids(toggle(emptySelection, order, 'c', true))).toEqual(['c']);
  });

  test('what is no longer listed leaves the selection', () => {
    const s = toggle(toggle(emptySelection, order, 'a', false), order, 'c', true);
    const kept = keepListed(s, new Set(['b', 'c']));
    expect(ids(kept)).toEqual(['b', 'c']);
    expect(kept.anchor).toBeUndefined();
    expect(keepListed(s, new Set(order))).toBe(s);
  });
});
