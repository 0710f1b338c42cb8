import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb, type EntityRow } from '../../shared/db';
import { announceGraphEdit, onGraphEdit } from '../../shared/graph-edits';
import { renameEntity } from '../../shared/store/entity-edits';
import { KnownEntities } from './known-entities';

let db: EngramDb;
let stop: (() => void) | undefined;

const person = (id: string, name: string): EntityRow => ({
  id,
  kind: 'person',
  name,
  key: name.toLowerCase(),
  firstSeenAt: 1,
  lastSeenAt: 1,
  sourceCount: 1,
});

const idsIn = (known: KnownEntities, text: string) => known.find(text).map((m) => m.id);

beforeEach(async () => {
  db = new EngramDb(`known-entities-${crypto.randomUUID()}`);
  await db.entities.put(person('person:mei', 'Mei Chen'));
});

afterEach(async () => {
  stop?.();
  db.close();
  await db.delete();
});

test('a rename made in another context reaches the matcher through the broadcast', async () => {
  const known = new KnownEntities(db);
  await known.ready();
  expect(idsIn(known, 'A talk by Mei Chen.')).toEqual(['person:mei']);

  const heard = new Promise<void>((resolve) => {
    stop = onGraphEdit(() => {
      known.reset();
      resolve();
    });
  });
  // What the service worker does for graph/rename (background/handlers.ts).
  expect(await renameEntity(db, 'person:mei', 'Chen Mei')).toBe(true);
  announceGraphEdit();
  await heard;

  await known.ready();
  expect(idsIn(known, 'An interview with Chen Mei.')).toEqual(['person:mei']);
  // The old name stays an alias: pages still write it.
  expect(idsIn(known, 'A talk by Mei Chen.')).toEqual(['person:mei']);
});
