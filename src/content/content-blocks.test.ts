import { describe, expect, it } from 'vitest';
import { ARTICLE, articleText, healthPage } from '../../tests/content/health-page';
import { htmlDocument } from '../../tests/content/helpers';
import { textBlocks } from './blocks';
import { blockVerdicts, contentFilter, mainRegion, type OverlayView } from './content-blocks';

const kept = (html: string, view?: OverlayView): string[] => {
  const doc = htmlDocument(html);
  const keep = contentFilter(doc, view);
  return textBlocks(doc.body)
    .filter(keep)
    .map((el) => (el.textContent ?? '').trim());
};

describe('content blocks', () => {
  it('keep a health page’s article, not its skip links, menu, cookie banner or footer', () => {
    expect(kept(healthPage(true))).toEqual(articleText);
  });

  it('do the same for a page that names no main region', () => {
    const html = healthPage(false).replace('<p>© Crown copyright</p>', '');
    // Without a main region, prose outside the article is kept (the banner's sentence is not:
    // its container is named like a cookie banner).
    expect(kept(html)).toEqual(articleText);
  });

  it('say why a block is left out', () => {
    const doc = htmlDocument(healthPage(true));
    const verdict = blockVerdicts(doc);
    const of = (text: string) =>
      verdict(textBlocks(doc.body).find((el) => el.textContent?.trim() === text)!);
    expect(of('Skip to content')).toBe('skip-link');
    expect(of('Condition 7')).toBe('menu-item');
    expect(of('Accept cookies')).toBe('chrome');
    expect(of('Privacy')).toBe('chrome');
    expect(of('Accessibility links')).toBe('chrome');
    expect(of('Hay fever')).toBe('content');
  });

  it('leave out navigation, page headers and footers, asides, search and consent dialogs', () => {
    const html = `<!doctype html><html><body>
      <header><p>Site name and strapline of the whole site</p></header>
      <nav><p>Browse all the sections of this site</p></nav>
      <div role="search"><p>Search the site for anything at all</p></div>
      <div role="dialog" aria-label="Privacy"><p>We and our partners store cookies on your device.</p></div>
      <article>
        <div role="dialog"><p>An image viewer showing a photograph of a lighthouse.</p></div>
        <header><h1>The lighthouse</h1><p>By a keeper of many years</p></header>
        <p>The keeper logged the storm at dawn, noting that the lamp had flickered twice.</p>
        ${ARTICLE.map((p) => `<p>${p}</p>`).join('')}
        <p>${ARTICLE.join(' ')}</p>
        <aside><p>Related reading about lighthouses in general and their keepers</p></aside>
        <ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul>
        <footer><p>Filed under storms</p></footer>
      </article>
      <footer><p>All rights reserved by the publisher of this site</p></footer>
    </body></html>`;
    expect(kept(html)).toEqual([
      'An image viewer showing a photograph of a lighthouse.',
      'The lighthouse',
      'By a keeper of many years',
      'The keeper logged the storm at dawn, noting that the lamp had flickered twice.',
      ...articleText.slice(1),
      articleText.slice(1).join(' '),
      'One',
      'Two',
      'Filed under storms',
    ]);
  });

  it('keep the main content whatever its container is called, and drop menus inside it', () => {
    const items = (n: number) =>
      Array.from({ length: n }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('');
    const html = `<!doctype html><html><body>
      <div role="navigation" class="page"><main>
        <p>${ARTICLE.join(' ').repeat(2)}</p>
        <ul>${items(3)}</ul><ul class="toc">${items(6)}</ul>
      </main></div></body></html>`;
    expect(kept(html)).toEqual([
      expect.stringContaining('Hay fever is an allergic reaction'),
      'Section 0',
      'Section 1',
      'Section 2',
    ]);
  });

  it('leave out fixed overlays smaller than the screen, where styles say what is fixed', () => {
    const html = `<!doctype html><html><body>
      <div class="bar" style="position: fixed"><p>Subscribe for unlimited access to everything</p></div>
      <div class="modal" style="position: fixed"><p>A full-screen reader view of the story</p></div>
      <p>The story itself, in the page as usual.</p></body></html>`;
    const doc = htmlDocument(html);
    const size: Record<string, number> = { bar: 100, modal: 800 };
    for (const el of doc.querySelectorAll('div')) {
      const height = size[el.className] ?? 0;
      el.getBoundingClientRect = () => ({ width: 1_000, height }) as DOMRect;
    }
    const view: OverlayView = {
      innerWidth: 1_000,
      innerHeight: 800,
      getComputedStyle: (el) => ({
        position: /position:\s*fixed/.test(el.getAttribute('style') ?? '') ? 'fixed' : 'static',
      }),
    };
    const texts = (keep: (el: Element) => boolean) =>
      textBlocks(doc.body)
        .filter(keep)
        .map((el) => el.textContent);
    expect(texts(contentFilter(doc, view))).toEqual([
      'A full-screen reader view of the story',
      'The story itself, in the page as usual.',
    ]);
    // Without styles (linkedom), structure alone decides.
    expect(texts(contentFilter(doc))).toHaveLength(3);
  });

  it('find the main region: one article, else one main, and only with enough text', () => {
    const long = ARTICLE.join(' ').repeat(2);
    const region = (body: string) => mainRegion(htmlDocument(`<body>${body}</body>`))?.id ?? null;
    expect(region(`<main id="m"><article id="a"><p>${long}</p></article></main>`)).toBe('a');
    expect(
      region(
        `<main id="m"><article id="a"><p>${long}</p></article><article><p>x</p></article></main>`,
      ),
    ).toBe('m');
    expect(region(`<article id="a"><p>short</p></article>`)).toBe(null);
    expect(region(`<div><p>${long}</p></div>`)).toBe(null);
  });
});
