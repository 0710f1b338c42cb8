/**
 * Capture modes. This file lives outside src/content because it parses every payload with the
 * protocol's zod schema, which src/content may only import as types (lint zone).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capture, CaptureError } from '../../src/content/capture';
import { capturePayload, type CaptureRequest } from '../../src/shared/protocol';
import {
  FAKE_BASE,
  FIXTURE_PAGES,
  fakeSelection,
  fakeWindow,
  htmlDocument,
  loadPage,
} from './helpers';

const URL_ = 'https://news.example/story?id=7#comments';
const page = (body: string, title = 'A story') =>
  htmlDocument(
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body>${body}</body></html>`,
  );
const options = { extract: { baseUrl: 'https://news.example/story' } };

/** Capture and check the payload against the protocol schema the background parses it with. */
function run(
  request: CaptureRequest,
  doc: Document,
  selection: Selection | null = null,
  href = URL_,
) {
  const payload = capture(request, doc, fakeWindow(href, selection), options);
  const parsed = capturePayload.safeParse(payload);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return payload;
}

const article = `<article><h1>Headline</h1>${'<p>The council met on Tuesday to discuss the new bridge, its cost and its route. '.repeat(4)}
  See <a href="/related">related</a> and <a href="https://other.example/x#y">elsewhere</a>.</p>
  ${'<p>Residents spoke for and against the plan in a long public session that lasted hours.</p>'.repeat(4)}</article>`;

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CaptureError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('capture: page', () => {
  it('extracts the article, with the selection alongside', () => {
    const doc = page(article);
    const selected = doc.querySelector('h1') as Element;
    const payload = run({ mode: 'page' }, doc, fakeSelection([selected]));
    expect(payload).toMatchObject({
      mode: 'page',
      url: URL_,
      title: 'A story',
      lang: 'en',
      selection: 'Headline',
      extractor: 'readability',
    });
    expect(payload.text).toContain('The council met on Tuesday');
    expect(payload.links).toEqual(['https://news.example/related', 'https://other.example/x']);
  });

  it.each(readdirSync(FIXTURE_PAGES).sort())('gives a valid payload for the %s fixture', (name) => {
    const fixture = loadPage(FIXTURE_PAGES, name);
    const payload = capture({ mode: 'page' }, htmlDocument(fixture.source), fakeWindow(FAKE_BASE), {
      extract: { baseUrl: FAKE_BASE },
    });
    expect(capturePayload.safeParse(payload).success).toBe(true);
    expect(payload.title).toBe(fixture.expectedTitle || FAKE_BASE);
  });

  it('leaves out a selection made inside a form field', () => {
    const doc = page(`${article}<textarea>my secret draft</textarea>`);
    const field = doc.querySelector('textarea') as Element;
    Object.defineProperty(doc, 'activeElement', { value: field });
    const payload = run({ mode: 'page' }, doc, fakeSelection([field], { text: 'my secret draft' }));
    expect(payload.selection).toBeUndefined();
    expect(JSON.stringify(payload)).not.toContain('secret');
  });

  it('says which limit cut a page short, in a payload the background accepts', () => {
    const long = page(
      `<div>${'<p>A line about the lighthouse keeper and the storm.</p>'.repeat(400)}</div>`,
    );
    let calls = 0;
    const expired = () => (calls++ === 0 ? 0 : 1e9);
    const payload = capture({ mode: 'page' }, long, fakeWindow(URL_, null), {
      extract: { now: expired, timeBudgetMs: 1 },
    });
    expect(capturePayload.parse(payload).truncated).toBe('time');
    expect(run({ mode: 'page' }, page(article)).truncated).toBeUndefined();
  });

  it('refuses pages that are not http(s)', () => {
    const doc = page(article);
    for (const href of [
      'file:///home/me/a.html',
      'chrome://settings/',
      'about:blank',
      'data:text/html,x',
    ]) {
      expect(refusal(() => capture({ mode: 'page' }, doc, fakeWindow(href)))).toBe(
        'Engram can only save web pages (http or https).',
      );
    }
  });

  it('titles an untitled page with its URL and refuses an empty one', () => {
    const doc = page('<p>Just a line.</p>', '');
    expect(run({ mode: 'page' }, doc).title).toBe(URL_);
    expect(refusal(() => run({ mode: 'page' }, page('<div></div>')))).toBe(
      'There is no text on this page to remember.',
    );
  });
});

describe('capture: selection', () => {
  it('takes the live selection and the links inside it', () => {
    const doc = page(
      '<p id="a">Read <a href="/one">one</a> and <a href="/two">two</a>.</p><p><a href="/three">x</a></p>',
    );
    const para = doc.getElementById('a') as Element;
    const payload = run({ mode: 'selection', selectionText: 'stale' }, doc, fakeSelection([para]));
    expect(payload).toMatchObject({
      mode: 'selection',
      text: 'Read one and two.',
      extractor: 'selection',
    });
    expect(payload.links).toEqual(['https://news.example/one', 'https://news.example/two']);
    expect(payload.selection).toBeUndefined();
  });

  it('counts the link around a selection inside it', () => {
    const doc = page('<p><a href="/wrapped"><b id="b">bold link</b></a></p>');
    const bold = doc.getElementById('b') as Element;
    expect(run({ mode: 'selection' }, doc, fakeSelection([bold])).links).toEqual([
      'https://news.example/wrapped',
    ]);
  });

  it("falls back to the menu's selectionText, then refuses", () => {
    const doc = page('<p>x</p>');
    const payload = run({ mode: 'selection', selectionText: '  from the menu ' }, doc);
    expect(payload.text).toBe('from the menu');
    expect(payload.links).toEqual([]);
    expect(refusal(() => run({ mode: 'selection', selectionText: '   ' }, doc))).toBe(
      'Nothing is selected.',
    );
  });

  it('refuses a selection that covers an editable region', () => {
    const doc = page('<div id="w"><p>Public words.</p><div contenteditable>my draft</div></div>');
    const wrapper = doc.getElementById('w') as Element;
    expect(refusal(() => run({ mode: 'selection' }, doc, fakeSelection([wrapper])))).toMatch(
      /form fields/,
    );
    expect(run({ mode: 'page' }, doc, fakeSelection([wrapper])).selection).toBeUndefined();
  });

  it('refuses text selected in a form field or an editable region', () => {
    const doc = page('<div contenteditable><p id="e">typed</p></div><input id="i">');
    const typed = doc.getElementById('e') as Element;
    expect(refusal(() => run({ mode: 'selection' }, doc, fakeSelection([typed])))).toMatch(
      /form fields/,
    );
    Object.defineProperty(doc, 'activeElement', { value: doc.getElementById('i') });
    expect(refusal(() => run({ mode: 'selection', selectionText: 'typed' }, doc))).toMatch(
      /form fields/,
    );
  });
});

describe('capture: link', () => {
  const doc = page(`
    <a href="/a" title="The A page">Go to  <b>A</b></a>
    <a href="https://img.example/p"><img src="/t.png" alt="Photo story"></a>
    <a href="/same" title="Same">Same</a>`);

  it('saves the link text, its title and its URL', () => {
    const payload = run({ mode: 'link', linkUrl: 'https://news.example/a' }, doc);
    expect(payload).toMatchObject({
      mode: 'link',
      text: 'Go to A\nThe A page\nhttps://news.example/a',
      targetUrl: 'https://news.example/a',
      links: ['https://news.example/a'],
      extractor: 'element',
      title: 'A story',
    });
  });

  it('uses the alt text of an image link, drops repeated lines, and survives a missing anchor', () => {
    expect(run({ mode: 'link', linkUrl: 'https://img.example/p' }, doc).text).toBe(
      'Photo story\nhttps://img.example/p',
    );
    expect(run({ mode: 'link', linkUrl: 'https://news.example/same' }, doc).text).toBe(
      'Same\nhttps://news.example/same',
    );
    expect(run({ mode: 'link', linkUrl: 'https://gone.example/' }, doc).text).toBe(
      'https://gone.example/',
    );
  });

  it('refuses a missing or non-web link', () => {
    expect(refusal(() => run({ mode: 'link' }, doc))).toBe('There is no web link here to save.');
    expect(
      refusal(() =>
        capture({ mode: 'link', linkUrl: 'javascript:alert(1)' }, doc, fakeWindow(URL_)),
      ),
    ).toBe('There is no web link here to save.');
  });
});

describe('capture: image', () => {
  const doc = page(`
    <figure><a href="/full"><img src="/cat.jpg" alt="A cat" title="Tom"></a>
      <figcaption>Tom, <i>asleep</i> on the sofa.</figcaption></figure>
    <img src="https://cdn.example/bare.png">
    <img src="https://cdn.example/titled.png" alt="" title="Only a title">`);

  it('saves alt, title and caption, with the image and its link', () => {
    const payload = run({ mode: 'image', srcUrl: 'https://news.example/cat.jpg' }, doc);
    expect(payload).toMatchObject({
      mode: 'image',
      text: 'A cat\nTom\nTom, asleep on the sofa.',
      targetUrl: 'https://news.example/cat.jpg',
      links: ['https://news.example/full'],
      extractor: 'element',
    });
    expect(run({ mode: 'image', srcUrl: 'https://cdn.example/titled.png' }, doc).text).toBe(
      'Only a title',
    );
  });

  it('refuses an image with nothing to say', () => {
    const message = 'This image has no alt text or caption to remember.';
    expect(refusal(() => run({ mode: 'image', srcUrl: 'https://cdn.example/bare.png' }, doc))).toBe(
      message,
    );
    expect(
      refusal(() => run({ mode: 'image', srcUrl: 'https://cdn.example/absent.png' }, doc)),
    ).toBe(message);
    expect(refusal(() => run({ mode: 'image' }, doc))).toBe('There is no image here to save.');
  });

  it('leaves out a data: URL too long to be a target', () => {
    const src = `data:image/png;base64,${'A'.repeat(10_000)}`;
    const withData = page(`<img src="${src}" alt="Inline chart">`);
    const payload = run({ mode: 'image', srcUrl: src }, withData);
    expect(payload.text).toBe('Inline chart');
    expect(payload.targetUrl).toBeUndefined();
  });
});
