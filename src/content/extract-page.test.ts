import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FAKE_BASE,
  FIXTURE_PAGES,
  domSnapshot,
  fakeStyles,
  htmlDocument,
  loadPage,
} from '../../tests/content/helpers';
import { expectedText, overlap } from '../../tests/content/overlap';
import { extractPage, pageLang } from './extract-page';
import { gateFrame } from './gate';

const names = readdirSync(FIXTURE_PAGES).sort();
const extract = (name: string, options = {}) => {
  const page = loadPage(FIXTURE_PAGES, name);
  const doc = htmlDocument(page.source);
  return {
    page,
    doc,
    result: extractPage(doc, { baseUrl: FAKE_BASE, pageUrl: FAKE_BASE, ...options }),
  };
};

describe('extractPage on the fixture pages', () => {
  it('has the fixtures the other tests rely on', () => {
    expect(names).toEqual(
      expect.arrayContaining(['hidden-nodes', 'pixnet', 'rtl-1', 'wikipedia', 'hukumusume', 'ol']),
    );
  });

  it.each(names)('%s: expected title and words, structure kept', (name) => {
    const { page, result } = extract(name);
    expect(result.title).toBe(page.expectedTitle ?? '');
    const { recall } = overlap(expectedText(page.expectedHtml ?? ''), result.text);
    expect(recall).toBeGreaterThan(0.95);
    expect(result.text).toBe(result.text.trim());
    expect(result.text).not.toMatch(/\n{3,}|[ \t]\n|\n[ \t]/); // no stray blank lines or edge spaces
  });

  it('uses Readability for articles and the visible text for a page too short to be one', () => {
    expect(extract('wikipedia').result.extractor).toBe('readability');
    const ol = extract('ol').result;
    expect(ol.extractor).toBe('visible-text');
    expect(ol.text.length).toBeGreaterThan(0);
  });

  it('keeps paragraphs apart with blank lines and list items on their own lines', () => {
    const { result } = extract('hidden-nodes');
    // Readability drops the <h1> that repeats the title; the rest keeps its paragraphs.
    expect(result.text).toMatch(/^Lorem ipsum[^\n]*amet\.\n\nSecondary header\n\nThird header$/);
    const wiki = extract('wikipedia').result.text;
    expect(wiki).toMatch(/\n\nHistory\[edit\]\n\nOn January 23, 1998/); // a heading is its own paragraph
    expect(wiki).toMatch(/\n3\.1 Firefox\n3\.2 Firefox Mobile\n/); // list items, one a line
    // linkedom gives `&#160;` its own text node, which reads as a plain space; a browser keeps it.
    expect(wiki).toMatch(/February[ \u00a0]28, 1998/);
  });

  it('leaves out display:none and [hidden] content', () => {
    const { result } = extract('hidden-nodes');
    // The visible paragraph says it three times; each hidden one would add three more.
    expect(result.text.match(/Stet clita/g)).toHaveLength(3);
  });

  it('reads Chinese, Japanese and right-to-left pages', () => {
    const pixnet = extract('pixnet').result;
    expect(pixnet.lang).toBe('zh-TW');
    expect(pixnet.text).toMatch(/[\u4e00-\u9fff]{20}/);
    expect(extract('hukumusume').result.text).toMatch(/[\u3040-\u30ff]/);
    const rtl = extract('rtl-1');
    expect(rtl.doc.documentElement.getAttribute('dir')).toBe('rtl');
    expect(rtl.result.extractor).toBe('readability');
  });

  it('collects unique absolute http(s) links of the article, without fragments', () => {
    const { result } = extract('wikipedia');
    expect(result.links.length).toBeGreaterThan(50);
    expect(result.links.length).toBeLessThanOrEqual(2_000);
    expect(new Set(result.links).size).toBe(result.links.length);
    for (const link of result.links) {
      expect(link).toMatch(/^https?:\/\//);
      expect(link).not.toContain('#');
      expect(link).not.toBe(FAKE_BASE);
    }
    // Relative hrefs resolve against the base URL.
    expect(result.links).toContain('http://fakehost/wiki/Mozilla_Foundation');
    expect(extract('wikipedia', { maxElements: 10 }).result.links.length).toBeLessThanOrEqual(
      2_000,
    );
  });

  it('never changes the live document', () => {
    const page = loadPage(FIXTURE_PAGES, 'wikipedia');
    const doc = htmlDocument(page.source);
    const before = domSnapshot(doc);
    extractPage(doc, { baseUrl: FAKE_BASE });
    expect(domSnapshot(doc)).toBe(before);
  });

  it('skips Readability on a document with too many elements', () => {
    const { result } = extract('wikipedia', { maxElements: 100 });
    expect(result.extractor).toBe('visible-text');
    expect(result.title).toBe('Mozilla - Wikipedia');
    expect(result.text).toContain('Mozilla is a free-software community');
  });

  it('caps the text', () => {
    const { result } = extract('wikipedia', { maxChars: 1_000 });
    expect(result.text.length).toBeLessThanOrEqual(1_000);
    expect(result.text.length).toBeGreaterThan(900);
  });
});

describe('extractPage fallback and details', () => {
  const shortPage = (body: string, head = '<title>Short</title>') =>
    htmlDocument(`<!doctype html><html lang="de"><head>${head}</head><body>${body}</body></html>`);

  it('falls back to visible text, without hidden or typed text', () => {
    const doc = shortPage(`
      <nav><a href="/a#x">Home</a> <a href="https://ex.org/b">B</a> <a href="javascript:void 0">J</a></nav>
      <p>Short note.</p>
      <p class="gone">Gone by stylesheet.</p>
      <div style="visibility:hidden">Invisible <span style="visibility:visible">but this child shows</span></div>
      <textarea>draft reply</textarea><input value="secret">
      <div contenteditable>typed words</div>`);
    const result = extractPage(doc, { baseUrl: 'https://ex.org/page', view: fakeStyles });
    expect(result.extractor).toBe('visible-text');
    expect(result.text).toBe('Home B J\n\nShort note.\n\nbut this child shows');
    expect(result.links).toEqual(['https://ex.org/a', 'https://ex.org/b']);
    expect(result.lang).toBe('de');
    expect(result.title).toBe('Short');
  });

  it('reads no form field even inside an article', () => {
    const para =
      '<p>' + 'A long sentence about the article subject, repeated. '.repeat(12) + '</p>';
    const doc = shortPage(
      `<article><h1>Title</h1>${para}<textarea>my private draft</textarea>` +
        `<div contenteditable="true">my typed note</div>${para}<select><option>opt secret</option></select></article>`,
    );
    const result = extractPage(doc);
    expect(result.extractor).toBe('readability');
    expect(result.text).not.toMatch(/private draft|typed note|opt secret/);
  });

  it('takes lang only when it looks like a language tag', () => {
    const lang = (value: string) =>
      pageLang(htmlDocument(`<html lang="${value}"><body></body></html>`));
    expect(lang('en-US')).toBe('en-US');
    expect(lang('zh_Hant_TW')).toBe('zh-Hant-TW');
    expect(lang('')).toBeUndefined();
    expect(lang('"><script>')).toBeUndefined();
    expect(lang('x'.repeat(40))).toBeUndefined();
  });
});

describe('frames are gated before they are read (issue 11)', () => {
  const PAGE_URL = 'https://www.icloud.com/';
  /** A linkedom document standing in for a same-origin frame's, as a browser would give it. */
  function frameDoc(body: string, url: string): Document {
    const doc = htmlDocument(`<html><body>${body}</body></html>`);
    Object.defineProperty(doc, 'contentType', { value: 'text/html' });
    Object.defineProperty(doc, 'URL', { value: url });
    return doc;
  }
  function page(frames: Record<string, Document>): Document {
    const doc = htmlDocument(
      `<html><body><p>Outer text.</p>${Object.keys(frames)
        .map((id) => `<iframe id="${id}"></iframe>`)
        .join('')}</body></html>`,
    );
    for (const [id, inner] of Object.entries(frames)) {
      Object.defineProperty(doc.getElementById(id), 'contentDocument', { value: inner });
    }
    return doc;
  }
  const frames = () => ({
    news: frameDoc('<p>Frame news text.</p>', 'https://www.icloud.com/news/'),
    login: frameDoc(
      '<p>LOGIN-FRAME-MARKER sign in</p><form><input type="password"></form>',
      'https://www.icloud.com/signin/',
    ),
    mail: frameDoc('<p>MAIL-FRAME-MARKER Dear Ann</p>', 'https://www.icloud.com/mail/inbox'),
  });

  it('with readFrames, a frame with a password form is not read', () => {
    const { text } = extractPage(page(frames()), { readFrames: true, view: null });
    expect(text).toContain('Frame news text.');
    expect(text).not.toContain('LOGIN-FRAME-MARKER');
  });

  it('a frame whose own address the rules refuse is not read (icloud.com/mail)', () => {
    const frameAllowed = (frame: Document) =>
      gateFrame(frame, PAGE_URL, [], {}).decision === 'full';
    const { text } = extractPage(page(frames()), { readFrames: true, view: null, frameAllowed });
    expect(text).toContain('Outer text.');
    expect(text).toContain('Frame news text.');
    expect(text).not.toContain('LOGIN-FRAME-MARKER');
    expect(text).not.toContain('MAIL-FRAME-MARKER');
    // A frame with no address of its own (about:blank, srcdoc) is judged at the page's address.
    const blank = frameDoc('<p>Blank frame text.</p>', 'about:blank');
    expect(
      extractPage(page({ blank }), { readFrames: true, view: null, frameAllowed }).text,
    ).toContain('Blank frame text.');
    const inMail = (frame: Document) =>
      gateFrame(frame, 'https://www.icloud.com/mail/', [], {}).decision === 'full';
    expect(
      extractPage(page({ blank }), { readFrames: true, view: null, frameAllowed: inMail }).text,
    ).not.toContain('Blank frame text.');
  });
});
