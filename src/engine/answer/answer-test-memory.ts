/**
 * Test support for the Answerer's tests: a page kept and indexed as one chunk (for keyword
 * search), and an embedding model that is not on the device, so no test waits for one.
 */
import type { EngramDb } from '../../shared/db';
import { embeddingModel } from '../../shared/model-registry';
import { commitIndexed } from '../../shared/store/index-commit';
import { storeCapture } from '../../shared/store/sources';
import type { MemoryIndex } from '../index/memory-index';
import type { Embedder } from '../models/embedder';

export const testEmbeddingSpec = embeddingModel('engram/glove-100d-static');

export const noEmbedder = {
  spec: testEmbeddingSpec,
  isReady: false,
  status: { state: 'not-downloaded' },
  load: () => new Promise(() => undefined),
} as unknown as Embedder;

/** Saves a page and indexes it as one chunk, for keyword search. */
export async function keepPage(
  db: EngramDb,
  index: MemoryIndex,
  page: { url: string; title: string; text: string },
): Promise<void> {
  const capture = { mode: 'page' as const, ...page, links: [], extractor: 'readability' as const };
  const { sourceId } = await storeCapture(db, capture, 'shortcut');
  const source = (await db.sources.get(sourceId))!;
  const chunks = [
    { id: `${sourceId}#0`, sourceId, ord: 0, text: source.text, start: 0, end: source.text.length },
  ];
  await commitIndexed(db, { source, chunks });
  index.replaceSource(source, chunks);
}
