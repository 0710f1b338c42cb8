import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EngramDb, type EntityRow } from '../shared/db';
import { storeCapture } from '../shared/store/sources';
import { entityHits, keptAtAddress } from '../shared/store/seen-before';
import { forgetEntityMatcher, knownEntityMatcher } from './seen-matcher';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`test-${crypto.randomUUID()}`);
  forgetEntityMatcher();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const entity = (kind: EntityRow['kind'], name: string, lastSeenAt: number): EntityRow => ({
  id: `e:${kind}:${name.toLowerCase()}`,
  kind,
  name,
  key: name.toLowerCase(),
  firstSeenAt: lastSeenAt,
  lastSeenAt,
  sourceCount: 1,
});

const ids = async (title: string) =>
  (await knownEntityMatcher(db)).find(title).map((match) => match.id);

describe('the seen-before matcher and reads', () => {
  test('looks for people, organisations, places and events, never sites or ideas', async () => {
    await db.entities.bulkPut([
      entity('person', 'Jane Chen', 1),
      entity('place', 'Vexmoor', 2),
      entity('idea', 'Tide Tables', 3),
      {
        id: 'site:example.com',
        kind: 'site',
        name: 'example.com',
        key: 'example.com',
        firstSeenAt: 4,
        lastSeenAt: 4,
        sourceCount: 1,
      },
    ]);
    expect(await ids('Dr. Jane Chen on the Vexmoor tide tables, example.com')).toEqual([
      'e:person:jane chen',
      'e:place:vexmoor',
    ]);
  });

  test('follows additions, sightings and removals without a stale name', async () => {
    await db.entities.put(entity('person', 'Jane Chen', 1));
    expect(await ids('Jane Chen and Omar Haddad')).toEqual(['e:person:jane chen']);
    await db.entities.put(entity('person', 'Omar Haddad', 5));
    expect(await ids('Jane Chen and Omar Haddad')).toEqual([
      'e:person:jane chen',
      'e:person:omar haddad',
    ]);
    // Added with an older time (an import): the count says so, and everything is read again.
    await db.entities.put(entity('organisation', 'Tidewater Institute', 0));
    expect(await ids('Tidewater Institute')).toEqual(['e:organisation:tidewater institute']);
    await db.entities.delete('e:person:jane chen');
    expect(await ids('Jane Chen and Omar Haddad')).toEqual(['e:person:omar haddad']);
  });

  test('kept pages by address, and mentions other than the page in front', async () => {
    const capture = (n: number, url: string) => ({
      mode: 'page' as const,
      url,
      title: `Page ${n}`,
      text: `Page ${n} about Jane Chen.`,
      links: [],
      extractor: 'readability' as const,
    });
    const a = await storeCapture(
      db,
      capture(1, 'https://news.example.com/a?utm_source=x'),
      'shortcut',
    );
    const b = await storeCapture(db, capture(2, 'https://news.example.com/b'), 'shortcut');
    expect((await keptAtAddress(db, 'https://news.example.com/a#top')).map((k) => k.id)).toEqual([
      a.sourceId,
    ]);
    expect(await keptAtAddress(db, 'https://news.example.com/c')).toEqual([]);
    await db.entities.put(entity('person', 'Jane Chen', 1));
    await db.mentions.bulkPut([
      { sourceId: a.sourceId, entityId: 'e:person:jane chen' },
      { sourceId: b.sourceId, entityId: 'e:person:jane chen' },
    ]);
    const [hit] = await entityHits(db, ['e:person:jane chen'], 'https://news.example.com/a');
    expect(hit?.count).toBe(1);
    expect(hit?.sources.map((s) => s.id)).toEqual([b.sourceId]);
  });
});
