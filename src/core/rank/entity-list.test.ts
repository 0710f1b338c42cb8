import { describe, expect, test } from 'vitest';
import {
  entityChunkList,
  namesBySource,
  questionForNames,
  rankMentioningSources,
  withNames,
} from './entity-list';

const sourceOf = (id: string): string => id.slice(0, id.lastIndexOf('#'));

describe('rankMentioningSources', () => {
  test('a source naming more of the question’s entities ranks first', () => {
    const hinton = [
      { sourceId: 'a', role: 'author' as const },
      { sourceId: 'b', role: 'matched' as const },
    ];
    const google = [
      { sourceId: 'b', role: 'matched' as const },
      { sourceId: 'c', role: 'about' as const },
    ];
    expect(rankMentioningSources([hinton, google])).toEqual(['b', 'a', 'c']);
  });

  test('then the strongest role, then the weight, then the id', () => {
    const mentions = [
      { sourceId: 'z', role: 'matched' as const, weight: 9 },
      { sourceId: 'y', role: 'matched' as const, weight: 2 },
      { sourceId: 'x', role: 'author' as const },
      { sourceId: 'w', role: 'matched' as const, weight: 2 },
    ];
    expect(rankMentioningSources([mentions])).toEqual(['x', 'z', 'w', 'y']);
  });

  test('a source listed twice for one entity counts that entity once', () => {
    const one = [
      { sourceId: 'a', role: 'matched' as const },
      { sourceId: 'a', role: 'author' as const },
    ];
    const other = [{ sourceId: 'b' }];
    const two = [{ sourceId: 'b' }];
    expect(rankMentioningSources([one, other, two])).toEqual(['b', 'a']);
  });

  test('keeps at most the limit', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ sourceId: `s${i}` }));
    expect(rankMentioningSources([many], 7)).toHaveLength(7);
    expect(rankMentioningSources([])).toEqual([]);
  });
});

describe('entityChunkList', () => {
  test('a source stands as its best chunk in the other lists, else its first chunk', () => {
    const keyword = [{ id: 'a#3' }, { id: 'b#2' }];
    const dense = [{ id: 'b#1' }, { id: 'a#0' }];
    const list = entityChunkList(['b', 'a', 'c'], [keyword, dense], sourceOf, (s) => `${s}#0`);
    expect(list.map((c) => c.id)).toEqual(['b#1', 'a#3', 'c#0']);
    expect(list.map((c) => c.score)).toEqual([1, 1 / 2, 1 / 3]);
  });
});

test('a possessive is not part of the name the question asks about', () => {
  expect(questionForNames("Steven Musil's story")).toBe('Steven Musil story');
  expect(questionForNames('Gina Roberts-Grey’s advice')).toBe('Gina Roberts-Grey advice');
  expect(questionForNames("it's O'Sullivan's, not Sam's")).toBe("it O'Sullivan, not Sam");
  expect(questionForNames("the 's'")).toBe("the 's'");
});

describe('names for the gate', () => {
  test('each source gets the question’s names of the entities it mentions, once', () => {
    const names = namesBySource([
      { name: 'Tariq Panja', mentions: [{ sourceId: 'a' }, { sourceId: 'a' }, { sourceId: 'b' }] },
      { name: 'New York Times', mentions: [{ sourceId: 'a' }] },
    ]);
    expect(names.get('a')).toEqual(['Tariq Panja', 'New York Times']);
    expect(names.get('b')).toEqual(['Tariq Panja']);
  });

  test('a passage is judged with them, and unchanged without', () => {
    expect(withNames('Title\ntext', ['Tariq Panja'])).toBe('Tariq Panja\nTitle\ntext');
    expect(withNames('Title\ntext', undefined)).toBe('Title\ntext');
    expect(withNames('Title\ntext', [])).toBe('Title\ntext');
  });
});
