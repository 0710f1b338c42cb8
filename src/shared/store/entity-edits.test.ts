import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { FoundEntity } from '../../core/graph/source-graph';
import { EngramDb } from '../db';
import { deleteSources } from './delete-sources';
import { deleteEntity, mergeEntities, renameEntity } from './entity-edits';
import { graphEntityId } from './graph';
import { commitSource } from './index-commit';
import { storeCapture } from './sources';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`edits-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const found = (kind: FoundEntity['kind'], name: string): FoundEntity => ({
  kind,
  name,
  key: name.toLowerCase(),
  role: kind === 'idea' ? 'phrase' : 'author',
  weight: 1,
});

async function keep(name: string, at: number, entities: FoundEntity[]): Promise<string> {
  const { sourceId } = await storeCapture(
    db,
    {
      mode: 'page',
      url: `https://example.com/${name}`,
      title: name,
      text: `Page ${name}.`,
      links: [],
      extractor: 'readability',
    },
    'shortcut',
    at,
  );
  const source = (await db.sources.get(sourceId))!;
  await commitSource(db, {
    source,
    chunks: [],
    graph: { entities, matched: new Map(), similar: [] },
  });
  return sourceId;
}

const JANE = graphEntityId('person', 'jane chen');
const JC = graphEntityId('person', 'j chen');
const TIDES = graphEntityId('idea', 'tides');

describe('entity edits', () => {
  test('rename keeps the old name as an alias, and a page writing the new name finds it', async () => {
    await keep('a', 1, [found('person', 'Jane Chen')]);
    expect(await renameEntity(db, JANE, '  Dr.  Jane   Chen-Li ')).toBe(true);
    expect(await db.entities.get(JANE)).toMatchObject({
      name: 'Dr. Jane Chen-Li',
      aliases: ['Jane Chen'],
      aliasKeys: ['jane chen li'],
    });
    await keep('b', 2, [{ ...found('person', 'Jane Chen Li'), key: 'jane chen li' }]);
    expect((await db.entities.get(JANE))?.sourceCount).toBe(2);
    expect(await renameEntity(db, 'site:example.com', 'x')).toBe(false);
    await expect(renameEntity(db, JANE, '!!!')).rejects.toThrow();
  });

  test('merge moves mentions, edges, names and counts; a source naming both counts once', async () => {
    const a = await keep('a', 10, [found('person', 'Jane Chen'), found('idea', 'Tides')]);
    await keep('b', 20, [found('person', 'J Chen'), found('idea', 'Tides')]);
    await keep('c', 5, [found('person', 'Jane Chen'), found('person', 'J Chen')]);
    expect(await mergeEntities(db, JANE, JC)).toBe(true);
    expect(await db.entities.get(JC)).toBeUndefined();
    expect(await db.entities.get(JANE)).toMatchObject({
      sourceCount: 3,
      firstSeenAt: 5,
      lastSeenAt: 20,
      aliases: ['J Chen'],
      aliasKeys: ['j chen'],
    });
    expect(await db.mentions.where('entityId').equals(JC).count()).toBe(0);
    expect(await db.mentions.where('entityId').equals(JANE).count()).toBe(3);
    // Tides was with Jane on a and with J on b: one edge of weight 2; Jane–J went with the merge.
    expect(await db.entityEdges.toArray()).toEqual([{ a: TIDES, b: JANE, weight: 2 }]);
    // A later page writing the merged name finds the entity it was merged into.
    await keep('d', 30, [found('person', 'J Chen')]);
    expect((await db.entities.get(JANE))?.sourceCount).toBe(4);
    // Forgetting still counts right after the merge.
    await deleteSources(db, [a]);
    expect((await db.entities.get(JANE))?.sourceCount).toBe(3);
    expect(await mergeEntities(db, JANE, JANE)).toBe(false);
    expect(await mergeEntities(db, JANE, 'site:example.com')).toBe(false);
  });

  test('delete removes the entity with its mentions and edges; the sources stay', async () => {
    const a = await keep('a', 1, [found('person', 'Jane Chen'), found('idea', 'Tides')]);
    expect(await deleteEntity(db, TIDES)).toBe(true);
    expect(await db.entities.get(TIDES)).toBeUndefined();
    expect(await db.mentions.where('entityId').equals(TIDES).count()).toBe(0);
    expect(await db.entityEdges.count()).toBe(0);
    expect(await db.sources.get(a)).toBeDefined();
    expect(await deleteEntity(db, TIDES)).toBe(false);
    // Forgetting the source afterwards takes the rest back cleanly.
    await deleteSources(db, [a]);
    expect(await db.entities.count()).toBe(0);
  });
});
