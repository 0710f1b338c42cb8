/**
 * Hard limits and what is rendered outside the light DOM: the time budget (the walk stops and
 * says so), the element and size caps, open shadow roots with their slots, same-origin frames
 * (opt-in), and images' alt text and captions.
 */
import { describe, expect, it } from 'vitest';
import { htmlDocument } from '../../tests/content/helpers';
import { extractPage } from './extract-page';
import { findSensitiveField, gatePage } from './gate';
import { visibilityClassifier } from './visible-text';
import { walkTextDetailed } from './text-walk';

const classify = visibilityClassifier(null);
const paragraphs = (n: number, word = 'lighthouse') =>
  Array.from({ length: n }, (_, i) => `<div>${word} line ${i}</div>`).join('');

/** A clock that reads 0 once (the deadline is set), then far past any budget. */
function expiredClock(): () => number {
  let calls = 0;
  return () => (calls++ === 0 ? 0 : 1e9);
}

describe('the time budget', () => {
  it('stops a slow page early with what it has, and says it was cut for time', () => {
    const doc = htmlDocument(`<html><body>${paragraphs(5_000)}</body></html>`);
    const started = Date.now();
    const page = extractPage(doc, { now: expiredClock(), timeBudgetMs: 1 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(page.truncated).toBe('time');
    expect(page.extractor).toBe('visible-text'); // no time left for the article extractor
    expect(page.text).toContain('lighthouse line 0');
    expect(page.text).not.toContain('lighthouse line 4999');
  });

  it('within the budget, the whole page and no truncation', () => {
    const doc = htmlDocument(`<html><body>${paragraphs(300)}</body></html>`);
    const page = extractPage(doc, { timeBudgetMs: 60_000 });
    expect(page.truncated).toBeUndefined();
    expect(page.text).toContain('lighthouse line 299');
  });

  it('a field check that runs out of time fails closed', () => {
    const doc = htmlDocument(`<html><body>${paragraphs(5_000)}</body></html>`);
    Object.defineProperty(doc, 'contentType', { value: 'text/html' });
    expect(findSensitiveField(doc, { now: expiredClock(), timeBudgetMs: 1 })).toBe(
      'too-large-to-check',
    );
    expect(gatePage(doc, 'https://example.org/', [], { now: expiredClock() })).toEqual({
      decision: 'url-only',
      reason: 'too-large-to-check',
    });
    expect(findSensitiveField(doc)).toBeNull();
  });
});

describe('element and size caps', () => {
  it('the node cap and the 2 MB-style text cap each say why the text stops', () => {
    const doc = htmlDocument(`<html><body>${paragraphs(1_000)}</body></html>`);
    const body = doc.body as Element;
    const byNodes = walkTextDetailed(body, { classify, maxChars: 1e6, maxNodes: 50 });
    expect(byNodes.stopped).toBe('nodes');
    const bySize = walkTextDetailed(body, { classify, maxChars: 100 });
    expect(bySize).toMatchObject({ stopped: 'chars' });
    expect(bySize.text.length).toBeLessThanOrEqual(100);
    expect(extractPage(doc, { maxChars: 100 }).truncated).toBe('size');
  });
});

describe('open shadow roots', () => {
  function hostPage(): Document {
    const doc = htmlDocument(
      '<html><body><p>Before the card.</p><div id="host"><span slot="title">Slotted title</span>' +
        '<span>Slotted body text</span><span slot="nowhere">Never rendered</span></div>' +
        '<p>After the card.</p></body></html>',
    );
    const host = doc.getElementById('host') as Element;
    const shadow = host.attachShadow({ mode: 'open' });
    // The shadow tree's markup, parsed apart and moved in (no innerHTML, as in the product code).
    const source = htmlDocument(
      '<html><body><h2><slot name="title">Fallback title</slot></h2>' +
        '<p>Shadow paragraph about puffins.</p><p><slot></slot></p>' +
        '<p><slot name="empty">Fallback shown</slot></p><input value="typed secret"></body></html>',
    );
    for (const node of Array.from(source.body.childNodes)) shadow.appendChild(node);
    return doc;
  }

  it('reads the shadow tree in place of the host, slots filled as rendered', () => {
    const page = extractPage(hostPage(), { minArticleChars: 1e9 });
    expect(page.text).toBe(
      [
        'Before the card.',
        'Slotted title',
        'Shadow paragraph about puffins.',
        'Slotted body text',
        'Fallback shown',
        'After the card.',
      ].join('\n\n'),
    );
  });

  it('nested shadow roots thousands deep do not overflow the stack', () => {
    const doc = htmlDocument('<html><body><div id="top"></div></body></html>');
    let host = doc.getElementById('top') as Element;
    for (let i = 0; i < 5_000; i++) {
      const shadow = host.attachShadow({ mode: 'open' });
      const next = doc.createElement('div');
      shadow.appendChild(next);
      host = next;
    }
    host.textContent = 'deep inside';
    const result = walkTextDetailed(doc.body, { classify, maxChars: 1_000 });
    expect(result.text).toBe('deep inside');
  });
});

describe('frames', () => {
  const page = () =>
    htmlDocument(
      '<html><body><p>Outer text.</p><iframe id="f"></iframe><iframe id="g"></iframe></body></html>',
    );
  const inner = htmlDocument('<html><body><p>Inner frame text.</p></body></html>');
  const documentOf = (frame: Element) => {
    if (frame.id === 'g') throw new Error('cross-origin');
    return inner;
  };

  it('skipped by default; read when asked, and another origin is left out', () => {
    const body = page().body as Element;
    expect(walkTextDetailed(body, { classify, maxChars: 1e4 }).text).toBe('Outer text.');
    const withFrames = walkTextDetailed(body, {
      classify,
      maxChars: 1e4,
      frameDocumentOf: documentOf,
    });
    expect(withFrames.text).toBe('Outer text.\n\nInner frame text.');
  });

  it('extractPage reads frames only with readFrames (linkedom frames have no document)', () => {
    const doc = page();
    expect(extractPage(doc, { readFrames: true }).text).toBe('Outer text.');
  });
});

describe('images', () => {
  it('alt text and caption, in the fallback and in an article', () => {
    const figure =
      '<figure><img src="fox.jpg" alt="A red fox asleep in snow"><figcaption>Photo: Yukon, ' +
      'January</figcaption></figure><img src="spacer.gif" alt="">';
    const short = extractPage(htmlDocument(`<html><body>${figure}</body></html>`));
    expect(short.text).toBe('A red fox asleep in snow\n\nPhoto: Yukon, January');
    const prose = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Paragraph ${i} about foxes and their winter habits, hunting voles under snow.</p>`,
    ).join('');
    const article = extractPage(
      htmlDocument(
        `<html><body><article><h1>Foxes</h1>${prose}${figure}${prose}</article></body></html>`,
      ),
    );
    expect(article.extractor).toBe('readability');
    expect(article.text).toContain('A red fox asleep in snow');
    expect(article.text).toContain('Photo: Yukon, January');
  });
});
