/**
 * Builds tests/fixtures/eval/metadata.json: each eval page's PageMetadata (JSON-LD, meta tags,
 * Readability's byline and site name) read from its source.html in ../shared/corpus the way
 * bench:entities reads it (scripts/bench/corpus-pages.ts), so the retrieval eval builds the
 * knowledge graph of its pages (issue 14, entity questions) on a fresh clone, without the corpus.
 *
 *   npx tsx scripts/eval/make-eval-metadata.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readPage } from '../bench/corpus-pages';
import { EVAL_DIR, loadPages } from './corpus';
import type { PageMetadata } from '../../src/core/graph/entity';

const out: Record<string, PageMetadata> = {};
for (const page of loadPages()) {
  const { metadata } = readPage(page.id);
  out[page.id] = metadata;
}
const file = path.join(EVAL_DIR, 'metadata.json');
writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
console.log(`Wrote ${Object.keys(out).length} pages' metadata to ${file}`);
