import { describe, expect, test } from 'vitest';
import {
  JUST_SAVED_MS,
  MAX_ENTITIES,
  MAX_SOURCES,
  seenLead,
  seenNotice,
  type EntityHit,
  type KeptSource,
} from './seen-notice';

const NOW = Date.UTC(2026, 11, 7, 9);
const DAY = 24 * 60 * 60_000;
const kept = (id: string, daysAgo: number): KeptSource => ({
  id,
  title: `Title ${id}`,
  savedAt: NOW - daysAgo * DAY,
});
const hit = (name: string, count: number, sources = [kept(`${name}-1`, 3)]): EntityHit => ({
  id: `e:person:${name.toLowerCase()}`,
  name,
  count,
  sources,
});

describe('what "seen before" says', () => {
  test('nothing kept and no known entity: nothing', () => {
    expect(seenNotice([], [], NOW)).toBeNull();
    // An entity whose only page is this one says nothing either.
    expect(seenNotice([], [hit('Jane Chen', 0, [])], NOW)).toBeNull();
  });

  test('a page kept before leads, with its newest save', () => {
    const notice = seenNotice([kept('old', 40), kept('newer', 21)], [hit('Jane Chen', 2)], NOW);
    expect(notice?.kept.map((k) => k.id)).toEqual(['newer', 'old']);
    expect(notice && seenLead(notice)).toEqual({ kind: 'page', savedAt: NOW - 21 * DAY });
  });

  test('the page just kept says nothing, entities included', () => {
    const justNow = { id: 'now', title: 'Now', savedAt: NOW - JUST_SAVED_MS + 1 };
    expect(seenNotice([justNow, kept('old', 30)], [hit('Jane Chen', 2)], NOW)).toBeNull();
    const halfHour = { ...justNow, savedAt: NOW - JUST_SAVED_MS };
    expect(seenNotice([halfHour], [], NOW)).not.toBeNull();
  });

  test('entities: most read about first, at most three, each with its newest pages', () => {
    const many = Array.from({ length: MAX_SOURCES + 2 }, (_, i) => kept(`s${i}`, i + 1));
    const notice = seenNotice(
      [],
      [hit('Ana', 1), hit('Bo', 4, many), hit('Cy', 2), hit('Di', 2), hit('Ed', 1)],
      NOW,
    );
    expect(notice?.entities.map((e) => e.name)).toEqual(['Bo', 'Cy', 'Di']);
    expect(notice?.entities).toHaveLength(MAX_ENTITIES);
    expect(notice?.entities[0]?.sources.map((s) => s.id)).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(notice && seenLead(notice)).toEqual({ kind: 'entity', name: 'Bo', count: 4 });
  });
});
