/**
 * Graph rows written straight into the extension's IndexedDB (issue 14 storage contract): for the
 * graph page's e2e test, its screenshots and its benchmark. `syntheticGraph` makes a large graph
 * shaped like a reader's: a few entities seen often, most seen once or twice, edges that cluster.
 */
import type { Worker } from 'playwright-core';
import type { EntityEdgeRow, GraphEntityRow } from '../../src/shared/store/graph-view-types';
import { prng } from '../../scripts/bench/synthetic';

export type SeedEntity = GraphEntityRow;

export interface SeedMention {
  sourceId: string;
  entityId: string;
  role?: string;
}

export type SeedEdge = EntityEdgeRow;

export interface SeedGraph {
  entities: SeedEntity[];
  mentions?: SeedMention[];
  edges: SeedEdge[];
}

/** Writes the rows, `batch` per transaction per table. */
export async function seedGraph(sw: Worker, graph: SeedGraph, batch = 10_000): Promise<void> {
  const tables: Array<[string, readonly unknown[]]> = [
    ['entities', graph.entities],
    ['mentions', graph.mentions ?? []],
    ['entityEdges', graph.edges],
  ];
  for (const [table, rows] of tables) {
    for (let i = 0; i < rows.length; i += batch) {
      await sw.evaluate(
        async ({ table, rows }) => {
          const database = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open('engram');
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error ?? new Error('open failed'));
          });
          const tx = database.transaction(table, 'readwrite');
          for (const row of rows) tx.objectStore(table).put(row);
          await new Promise<void>((resolve, reject) => {
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error ?? new Error('write failed'));
          });
          database.close();
        },
        { table, rows: rows.slice(i, i + batch) },
      );
    }
  }
}

export const edgeOf = (x: string, y: string, weight: number): SeedEdge =>
  x < y ? { a: x, b: y, weight } : { a: y, b: x, weight };

const KINDS = ['person', 'organisation', 'place', 'event', 'idea'] as const;
const SYLLABLES = [
  'an',
  'bel',
  'cor',
  'da',
  'el',
  'fin',
  'gar',
  'ho',
  'is',
  'jun',
  'ka',
  'lo',
  'mer',
];

/**
 * `nodes` entities and `edges` distinct edges seen over the year before `now`. Sizes follow a
 * power law (entity i is seen about 200/(i+1) times); each edge joins an entity to one in its own
 * cluster most of the time, and to a popular one otherwise, as co-occurrence graphs do.
 */
export function syntheticGraph(nodes: number, edges: number, now: number, seed = 14): SeedGraph {
  const next = prng(seed);
  const year = 365 * 86_400_000;
  const entities: SeedEntity[] = [];
  for (let i = 0; i < nodes; i++) {
    const kind = KINDS[Math.floor(next() * KINDS.length)] ?? 'idea';
    const word = () => SYLLABLES[Math.floor(next() * SYLLABLES.length)] ?? 'an';
    const name = `${word()}${word()}${word()} ${word()}${word()} ${i}`;
    const first = now - Math.floor(next() * year);
    entities.push({
      id: `e:${kind}:${name}`,
      kind,
      name: name.replace(/^\w/, (c) => c.toUpperCase()),
      key: name,
      firstSeenAt: first,
      lastSeenAt: first + Math.floor(next() * (now - first)),
      sourceCount: Math.max(1, Math.round(200 / (i + 1) + next() * 2)),
    });
  }
  const cluster = 40;
  const seen = new Set<string>();
  const result: SeedEdge[] = [];
  for (let tries = 0; result.length < edges && tries < edges * 20; tries++) {
    const i = Math.floor(next() * nodes);
    const j =
      next() < 0.8
        ? Math.floor(i / cluster) * cluster + Math.floor(next() * cluster)
        : Math.floor(Math.pow(next(), 3) * nodes);
    const x = entities[i];
    const y = entities[Math.min(j, nodes - 1)];
    if (!x || !y || x === y) continue;
    const edge = edgeOf(x.id, y.id, 1 + Math.floor(next() * next() * 8));
    const key = `${edge.a}\u0000${edge.b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(edge);
  }
  return { entities, edges: result };
}
