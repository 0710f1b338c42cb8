import { describe, expect, it } from 'vitest';
import { fakeWindow, htmlDocument } from '../../tests/content/helpers';
import type { SiteRule } from '../core/privacy/site-policy';
import { capture, CaptureError, GateRefusal } from './capture';
import { findSensitiveField, GATE_MESSAGES, gatePage } from './gate';

const URL_ = 'https://news.example/story';
const none: SiteRule[] = [];

/** A linkedom document with the `contentType` a browser gives an HTML page (linkedom gives none). */
function page(body: string, contentType: string | null = 'text/html'): Document {
  const doc = htmlDocument(
    `<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`,
  );
  if (contentType !== null) Object.defineProperty(doc, 'contentType', { value: contentType });
  return doc;
}

const article = `<article><h1>Bridge</h1>${'<p>The council met on Tuesday to discuss the bridge and its cost. </p>'.repeat(6)}</article>`;

describe('gatePage: the decision table', () => {
  it('1: never reads a document that is not HTML', () => {
    for (const type of ['application/pdf', 'image/svg+xml', 'text/plain', 'application/xml']) {
      expect(gatePage(page(article, type), URL_, none)).toEqual({
        decision: 'never',
        reason: 'not-html',
      });
    }
    expect(gatePage(page(article, null), URL_, none).reason).toBe('not-html');
    expect(gatePage(page(article, 'application/xhtml+xml'), URL_, none).decision).toBe('full');
  });

  it('2: never reads what is not an http(s) page', () => {
    for (const url of [
      'file:///a.html',
      'chrome://settings',
      'about:blank',
      'https://',
      'nonsense',
    ]) {
      expect(gatePage(page(article), url, none)).toEqual({
        decision: 'never',
        reason: 'not-web-page',
      });
    }
  });

  it('3: never reads a blocked site, before looking at the page', () => {
    expect(gatePage(page(article), 'https://mail.google.com/mail/u/0/', none)).toEqual({
      decision: 'never',
      reason: 'site-never',
    });
    const rules: SiteRule[] = [{ pattern: 'news.example', policy: 'never' }];
    expect(gatePage(page('<input type="password">'), URL_, rules).reason).toBe('site-never');
  });

  it('4: keeps only the address of a page with a password field, wherever it is', () => {
    for (const field of [
      '<input type="password">',
      '<input type="PassWord " name="p">',
      '<div hidden><form><input type=password></form></div>',
      '<input type="text" autocomplete="username current-password">',
      '<input autocomplete="new-password">',
    ]) {
      expect(gatePage(page(article + field), URL_, none), field).toEqual({
        decision: 'url-only',
        reason: 'password-field',
      });
    }
  });

  it('4: finds a password field in open shadow roots, nested, and in closed ones when allowed', () => {
    const doc = page(`${article}<div id="outer"></div>`);
    const outer = doc.getElementById('outer') as Element;
    const inner = doc.createElement('div');
    outer.attachShadow({ mode: 'open' }).appendChild(inner);
    const field = doc.createElement('input');
    field.setAttribute('type', 'password');
    inner.attachShadow({ mode: 'open' }).appendChild(field);
    expect(gatePage(doc, URL_, none).reason).toBe('password-field');

    // A closed root is invisible to `shadowRoot`; Chrome's `dom.openOrClosedShadowRoot` sees it.
    const closed = page(`${article}<x-login></x-login>`);
    const host = closed.querySelector('x-login') as Element;
    const root = host.attachShadow({ mode: 'open' });
    const hidden = closed.createElement('input');
    hidden.setAttribute('type', 'password');
    root.appendChild(hidden);
    const noOpen = { shadowRootOf: () => null };
    expect(gatePage(closed, URL_, none, noOpen).decision).toBe('full');
    const all = { shadowRootOf: (el: Element) => (el === host ? root : null) };
    expect(gatePage(closed, URL_, none, all).reason).toBe('password-field');
  });

  it('5: keeps only the address of a page asking for card details', () => {
    const doc = page(
      `${article}<input autocomplete="cc-number"><input name="cvc" autocomplete="cc-csc">`,
    );
    expect(gatePage(doc, URL_, none)).toEqual({ decision: 'url-only', reason: 'payment-field' });
    // A password field further on still says why it matters most.
    const both = page(`<input autocomplete="cc-number">${article}<input type=password>`);
    expect(gatePage(both, URL_, none).reason).toBe('password-field');
  });

  it('6: fails closed when the page is too big to check', () => {
    const doc = page('<p>x</p>'.repeat(50));
    expect(gatePage(doc, URL_, none, { maxElements: 20 })).toEqual({
      decision: 'url-only',
      reason: 'too-large-to-check',
    });
    expect(gatePage(doc, URL_, none, { maxElements: 1_000 }).decision).toBe('full');
  });

  it('7 and 8: follows a url-only rule, and reads the rest in full', () => {
    const rules: SiteRule[] = [{ pattern: 'news.example/story', policy: 'url-only' }];
    expect(gatePage(page(article), URL_, rules)).toEqual({
      decision: 'url-only',
      reason: 'site-url-only',
    });
    expect(gatePage(page(article), 'https://news.example/other', rules)).toEqual({
      decision: 'full',
      reason: 'allowed',
    });
  });

  it('ignores other form fields: the extractors leave them out', () => {
    const doc = page(
      `${article}<input type="text" value="draft"><textarea>x</textarea><div contenteditable>y</div>`,
    );
    expect(gatePage(doc, URL_, none).decision).toBe('full');
  });

  it('walks a page nested 5,000 deep without recursion, and finds the field at the bottom', () => {
    const depth = 5_000;
    const doc = page(`${'<div>'.repeat(depth)}<input type="password">${'</div>'.repeat(depth)}`);
    expect(gatePage(doc, URL_, none).reason).toBe('password-field');
    expect(findSensitiveField(page('<div>'.repeat(depth)))).toBeNull();
  });
});

/** A title getter that throws proves the page was not read. */
function readingTheTitleThrows(doc: Document): void {
  Object.defineProperty(doc, 'title', {
    get: () => {
      throw new Error('read the title');
    },
  });
}

describe('capture through the gate', () => {
  const run = (doc: Document, url = URL_, siteRules: SiteRule[] = none) =>
    capture({ mode: 'page' }, doc, fakeWindow(url), { siteRules, extract: { baseUrl: url } });

  it('reads an allowed page as before', () => {
    expect(run(page(article)).text).toContain('The council met on Tuesday');
  });

  it('refuses, with the reason, and reads nothing, on a page it must not keep', () => {
    const cases: [Document, string, SiteRule[], string][] = [
      [page(article), 'http://127.0.0.1:8000/', none, 'site-never'],
      [page(article, 'application/pdf'), URL_, none, 'not-html'],
    ];
    for (const [doc, url, rules, reason] of cases) {
      readingTheTitleThrows(doc);
      let error: unknown;
      try {
        run(doc, url, rules);
      } catch (caught) {
        error = caught;
      }
      expect(error, reason).toBeInstanceOf(GateRefusal);
      expect(error).toBeInstanceOf(CaptureError);
      const refusal = error as GateRefusal;
      expect(refusal.result.reason).toBe(reason);
      expect(refusal.message).toBe(
        GATE_MESSAGES[refusal.result.reason as keyof typeof GATE_MESSAGES],
      );
    }
  });

  it('keeps only the address, and reads nothing else, where a page may be kept by URL only', () => {
    const cases: [Document, SiteRule[]][] = [
      [page(`${article}<input type="password">`), none],
      [page(article), [{ pattern: 'news.example', policy: 'url-only' }]],
    ];
    for (const [doc, rules] of cases) {
      readingTheTitleThrows(doc);
      expect(run(doc, URL_, rules)).toEqual({
        mode: 'page',
        url: URL_,
        title: URL_,
        text: URL_,
        links: [],
        extractor: 'url-only',
      });
    }
  });

  it('lets a user rule open a default-blocked address (how tests serve pages from 127.0.0.1)', () => {
    const rules: SiteRule[] = [{ pattern: '127.0.0.1', policy: 'full' }];
    expect(run(page(article), 'http://127.0.0.1:8000/a.html', rules).extractor).toBe('readability');
  });

  it('leaves the gate off when no rules are given (the caller decides; see CaptureOptions)', () => {
    expect(() =>
      capture({ mode: 'page' }, page(`${article}<input type=password>`), fakeWindow(URL_)),
    ).not.toThrow();
  });

  it('sends no lone surrogate', () => {
    const doc = page(`<p>${'Half a pair: \ud800 and \udc00 here. '.repeat(20)}</p>`);
    const payload = run(doc);
    expect(payload.text).not.toMatch(/\p{Cs}/u);
    expect(payload.text).toContain('Half a pair: \ufffd and \ufffd here.');
  });
});
