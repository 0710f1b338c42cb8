import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { FoundEntity } from '../../core/graph/source-graph';
import { EngramDb } from '../db';
import { deleteSources } from './delete-sources';
import { graphEntityId } from './graph';
import type { SourceGraphInput } from './graph-write';
import { commitSource } from './index-commit';
import { storeCapture } from './sources';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`graph-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const person = (name: string, key: string, role: FoundEntity['role'] = 'author'): FoundEntity => ({
  kind: 'person',
  name,
  key,
  role,
  weight: 1,
});
const idea = (name: string): FoundEntity => ({
  kind: 'idea',
  name,
  key: name.toLowerCase(),
  role: 'phrase',
  weight: 2.5,
});

/** Stores a page saved at `at` and commits it with what indexing found. */
async function keep(
  name: string,
  at: number,
  graph: Partial<SourceGraphInput>,
  site = 'news.example.com',
): Promise<string> {
  const { sourceId } = await storeCapture(
    db,
    {
      mode: 'page',
      url: `https://${site}/${name}`,
      title: name,
      text: `The page ${name}.`,
      links: [],
      extractor: 'readability',
    },
    'shortcut',
    at,
  );
  const source = (await db.sources.get(sourceId))!;
  const chunk = { id: `${sourceId}#0`, sourceId, ord: 0, text: source.text, start: 0, end: 9 };
  const input = { entities: [], matched: new Map(), similar: [], ...graph };
  expect(await commitSource(db, { source, chunks: [chunk], graph: input })).not.toBe(false);
  return sourceId;
}

const CHEN = graphEntityId('person', 'jane chen');
const ML = graphEntityId('idea', 'machine learning');

describe('a source in the graph', () => {
  test('one entity per key across pages: aliases, counts, first and last seen, edges', async () => {
    const a = await keep('a', 1_000, {
      entities: [person('Dr. Jane Chen', 'jane chen'), idea('Machine learning')],
    });
    const b = await keep('b', 5_000_000, {
      entities: [person('JANE CHEN', 'jane chen'), idea('Machine Learning')],
    });
    const chen = await db.entities.get(CHEN);
    expect(chen).toEqual({
      id: CHEN,
      kind: 'person',
      name: 'Dr. Jane Chen',
      key: 'jane chen',
      aliases: ['JANE CHEN'],
      firstSeenAt: 1_000,
      lastSeenAt: 5_000_000,
      sourceCount: 2,
    });
    expect((await db.entities.get(ML))?.sourceCount).toBe(2);
    expect(await db.mentions.where('entityId').equals(CHEN).toArray()).toEqual(
      expect.arrayContaining([
        { sourceId: a, entityId: CHEN, role: 'author', at: 1_000, paired: true },
        { sourceId: b, entityId: CHEN, role: 'author', at: 5_000_000, paired: true },
      ]),
    );
    // Both pages name both: one edge of weight 2, keyed in string order.
    expect(await db.entityEdges.toArray()).toEqual([{ a: ML, b: CHEN, weight: 2 }]);
    expect((await db.entities.get('site:news.example.com'))?.sourceCount).toBe(2);
  });

  test('a commit run again counts once', async () => {
    const a = await keep('a', 1_000, {
      entities: [person('Jane Chen', 'jane chen'), idea('Machine learning')],
    });
    const source = (await db.sources.get(a))!;
    const again = {
      entities: [person('Jane Chen', 'jane chen'), idea('Machine learning')],
      matched: new Map(),
      similar: [],
    };
    await commitSource(db, { source, chunks: [], graph: again });
    expect((await db.entities.get(CHEN))?.sourceCount).toBe(1);
    expect(await db.entityEdges.toArray()).toEqual([{ a: ML, b: CHEN, weight: 1 }]);
    expect((await db.entities.get('site:news.example.com'))?.sourceCount).toBe(1);
  });

  test('a known name in the text is a matched mention; an entity deleted since is not made again', async () => {
    await keep('a', 1_000, { entities: [person('Jane Chen', 'jane chen')] });
    const b = await keep('b', 2_000, {
      matched: new Map([
        [CHEN, 3],
        ['e:person:nobody', 1],
      ]),
    });
    expect(await db.mentions.get([b, CHEN])).toMatchObject({ role: 'matched', weight: 3 });
    expect(await db.entities.get('e:person:nobody')).toBeUndefined();
    expect((await db.entities.get(CHEN))?.sourceCount).toBe(2);
  });

  test('an idea later typed by a page takes its kind; a name known by an alias key finds it', async () => {
    await keep('a', 1_000, { entities: [idea('Jane Chen')] });
    await keep('b', 2_000, { entities: [person('Jane Chen', 'jane chen')] });
    const row = await db.entities.get(graphEntityId('idea', 'jane chen'));
    expect(row).toMatchObject({ kind: 'person', sourceCount: 2 });
    expect(await db.entities.count()).toBe(2); // and the site
  });

  test('similar links to existing sources; sitting links to those saved minutes before', async () => {
    const a = await keep('a', 1_000, {});
    const b = await keep('b', 1_000 + 60_000, { similar: [a, 'src_gone'] });
    const c = await keep('c', 1_000 + 60 * 60_000, { similar: [b] });
    const links = (await db.links.toArray()).map((l) => [l.fromId, l.toId, l.kind]);
    expect(links).toEqual(
      expect.arrayContaining([
        [b, a, 'similar'],
        [b, a, 'sitting'],
        [c, b, 'similar'],
      ]),
    );
    expect(links).toHaveLength(3);
  });

  test('forgetting takes the source back: counts and edges fall, an entity left with none goes', async () => {
    const a = await keep('a', 1_000, {
      entities: [person('Jane Chen', 'jane chen'), idea('Machine learning')],
    });
    const b = await keep('b', 9_000, {
      entities: [person('Jane Chen', 'jane chen'), idea('Machine learning')],
    });
    const c = await keep('c', 5_000, { entities: [person('Jane Chen', 'jane chen')] }, 'o.org');
    await deleteSources(db, [b]);
    expect(await db.entities.get(CHEN)).toMatchObject({
      sourceCount: 2,
      firstSeenAt: 1_000,
      lastSeenAt: 5_000,
    });
    expect(await db.entityEdges.toArray()).toEqual([{ a: ML, b: CHEN, weight: 1 }]);
    await deleteSources(db, [a]);
    expect(await db.entities.get(ML)).toBeUndefined();
    expect(await db.entities.get('site:news.example.com')).toBeUndefined();
    expect(await db.entityEdges.count()).toBe(0);
    expect(await db.entities.get(CHEN)).toMatchObject({ sourceCount: 1, firstSeenAt: 5_000 });
    await deleteSources(db, [c]);
    expect(await db.entities.count()).toBe(0);
    expect(await db.mentions.count()).toBe(0);
  });
});
