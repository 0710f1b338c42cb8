/**
 * For the chat's graph tests (what-else.test.ts, who-and-when.test.ts): saves and indexes a page
 * the way the engine does, with its part of the knowledge graph (its JSON-LD author, its key
 * phrases, the known names in its text, its sitting links), against a real fake-indexeddb store.
 */
import { sourceEntities } from '../../core/graph/source-graph';
import type { EngramDb } from '../../shared/db';
import type { CapturePayload } from '../../shared/protocol';
import { commitSource } from '../../shared/store/index-commit';
import { storeCapture } from '../../shared/store/sources';
import type { EmbeddingModelSpec } from '../../shared/model-registry';
import type { MemoryIndex } from '../index/memory-index';
import type { Embedder } from '../models/embedder';
import type { Generator } from '../models/generator';
import type { KnownEntities } from '../ingest/known-entities';

export interface GraphPage {
  title: string;
  text: string;
  /** A JSON-LD author, the byline the graph knows precisely. */
  author?: string;
  savedAt: number;
}

export async function rememberWithGraph(
  db: EngramDb,
  index: MemoryIndex,
  known: KnownEntities,
  { title, text, author, savedAt }: GraphPage,
): Promise<string> {
  const jsonLd = author
    ? [JSON.stringify({ '@type': 'NewsArticle', author: { '@type': 'Person', name: author } })]
    : [];
  const capture: CapturePayload = {
    mode: 'page',
    url: `https://news.example.com/${encodeURIComponent(title)}`,
    title,
    text,
    links: [],
    extractor: 'readability',
    metadata: { jsonLd, meta: [] },
  };
  const { sourceId } = await storeCapture(db, capture, 'shortcut', savedAt);
  const source = (await db.sources.get(sourceId))!;
  const chunks = [{ id: `${sourceId}#0`, sourceId, ord: 0, text, start: 0, end: text.length }];
  index.replaceSource(source, chunks);
  await known.ready();
  const { entities, matched } = sourceEntities({
    metadata: source.metadata,
    title,
    text,
    stats: { df: (t) => index.keyword.documentFrequency(t), documents: index.keyword.size },
    known,
  });
  const done = await commitSource(db, {
    source,
    chunks,
    graph: { entities, matched, similar: [] },
  });
  if (done) known.learn(done.named);
  return sourceId;
}

/** Keyword search only: the embedding model could not be downloaded. */
export const noEmbedder = (spec: EmbeddingModelSpec): Embedder =>
  ({
    spec,
    isReady: false,
    status: { state: 'failed', describe: () => '' },
    load: () => Promise.reject(new Error('offline')),
  }) as unknown as Embedder;

/** No language model: answers are the best sentences of the sources (extractive). */
export const noGenerator = {
  spec: { id: 'test/gen' },
  status: { state: 'failed', error: 'offline' },
  load: () => Promise.reject(new Error('offline')),
} as unknown as Generator;
