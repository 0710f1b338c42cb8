import { describe, expect, it } from 'vitest';
import { htmlDocument } from './helpers';
import { pageEntities } from '../../src/core/graph/page-entities';
import { capturePayload } from '../../src/shared/protocol';
import { extractPage } from '../../src/content/extract-page';
import { pageMetadata } from '../../src/content/page-metadata';

const ARTICLE = `<p>${'A paragraph about tides and the moon, long enough to be an article. '.repeat(8)}</p>`;

describe('pageMetadata', () => {
  it('reads JSON-LD, meta tags and the byline; the engine finds the author in them', () => {
    const doc = htmlDocument(`<html><head>
      <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Jane Chen"}}</script>
      <meta name="author" content="Jane Chen"><meta property="og:site_name" content="The Tides">
      <meta charset="utf-8"><meta name="empty" content="  ">
      </head><body><article><p class="byline">By Jane Chen</p>${ARTICLE}</article></body></html>`);
    const page = extractPage(doc);
    expect(page.metadata?.jsonLd).toHaveLength(1);
    expect(page.metadata?.meta).toEqual([
      { name: 'author', content: 'Jane Chen' },
      { property: 'og:site_name', content: 'The Tides' },
    ]);
    const authors = pageEntities(page.metadata!).mentions.filter((m) => m.role === 'author');
    expect(authors.map((m) => m.name)).toEqual(['Jane Chen']);
  });

  it('stays within what the protocol accepts on a hostile page', () => {
    const huge = 'x'.repeat(200_000);
    const scripts = Array.from(
      { length: 40 },
      (_, i) => `<script type="application/ld+json">{"name":"n${i}"}</script>`,
    ).join('');
    const metas = Array.from(
      { length: 900 },
      () => `<meta name="k" content="${huge.slice(0, 5_000)}">`,
    );
    const doc = htmlDocument(
      `<html><head><script type="application/ld+json">${huge}</script>${scripts}${metas.join('')}</head><body>${ARTICLE}</body></html>`,
    );
    const metadata = pageMetadata(doc, { byline: huge, siteName: null });
    expect(metadata.jsonLd).toHaveLength(20);
    expect(metadata.jsonLd[0]).toBe('{"name":"n0"}');
    const payload = {
      mode: 'page',
      url: 'https://example.com/a',
      title: 'A',
      text: 'A',
      links: [],
      extractor: 'readability',
      metadata,
    };
    expect(capturePayload.safeParse(payload).success).toBe(true);
  });
});
