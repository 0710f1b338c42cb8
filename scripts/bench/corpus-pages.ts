/**
 * The corpus pages (../shared/corpus/readability-pages) as the engine would receive them: the
 * PageMetadata the content script collects (JSON-LD scripts, meta tags, Readability's byline and
 * siteName, read with linkedom), the title and the article text. Shared by bench:entities and
 * bench:graph-indexing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { MetaTag, PageMetadata } from '../../src/core/graph/entity';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = path.resolve(ROOT, '../shared/corpus/readability-pages');

export interface CorpusPage {
  dir: string;
  metadata: PageMetadata;
  title: string;
  text: string;
}

/** What the content script would collect: see src/core/graph/entity.ts PageMetadata. */
export function readPage(dir: string): CorpusPage {
  const html = readFileSync(path.join(CORPUS, dir, 'source.html'), 'utf8');
  const { document } = parseHTML(html);
  const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map(
    (s) => s.textContent ?? '',
  );
  const meta: MetaTag[] = [...document.querySelectorAll('meta[content]')].map((m) => ({
    name: m.getAttribute('name') ?? undefined,
    property: m.getAttribute('property') ?? undefined,
    itemprop: m.getAttribute('itemprop') ?? undefined,
    content: m.getAttribute('content') ?? '',
  }));
  // Readability rewrites the document it reads: give it its own copy.
  const article = new Readability(parseHTML(html).document).parse();
  return {
    dir,
    metadata: {
      jsonLd,
      meta,
      byline: article?.byline ?? null,
      siteName: article?.siteName ?? null,
    },
    title: article?.title ?? document.title ?? '',
    // As the engine receives it, through a message: linkedom's textContent is a rope of the page's
    // text nodes, which V8 reads much more slowly until it is flattened (about 2× on the slowest pages).
    text: JSON.parse(JSON.stringify(article?.textContent ?? '')) as string,
  };
}

/** Every corpus page in folder order; exits when the corpus is not on this machine. */
export function corpusPages(): CorpusPage[] {
  if (!existsSync(CORPUS)) {
    console.error(`${CORPUS} not found: nothing to measure.`);
    process.exit(1);
  }
  return readdirSync(CORPUS)
    .sort()
    .map((dir) => readPage(dir));
}
