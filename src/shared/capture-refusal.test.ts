/** One wording per refusal, short enough for the page's notice. */
import { describe, expect, it } from 'vitest';
import { CaptureRefusedError, refusalText, type CaptureRefusal } from './capture-refusal';
import { formatPauseEnd } from './pause';
import { noticeRequest } from './protocol';

const NOW = new Date(2026, 11, 8, 15, 30).getTime();
const LONG = 'x'.repeat(300);

/** One of each kind (and each variant), with the longest parts it may carry. */
const EVERY: readonly CaptureRefusal[] = [
  { kind: 'no-tab' },
  { kind: 'incognito' },
  { kind: 'not-top-frame' },
  { kind: 'unsupported-page', page: 'not-web' },
  { kind: 'unsupported-page', page: 'browser', detail: LONG },
  { kind: 'settings-unreadable', setting: 'siteRules' },
  { kind: 'settings-unreadable', setting: 'pause' },
  { kind: 'paused', until: NOW + 3_600_000, unreadable: false },
  { kind: 'paused', until: null, unreadable: false },
  { kind: 'paused', until: null, unreadable: true },
  { kind: 'no-host-access' },
  { kind: 'site-never', rule: { by: 'user', pattern: LONG } },
  { kind: 'site-never', rule: { by: 'default', pattern: 'paypal.com' } },
  { kind: 'site-address-only', rule: { by: 'user', pattern: 'example.com/mail' } },
  { kind: 'auto-capture-off' },
];

describe('refusal wording', () => {
  it.each(EVERY.map((r) => [r.kind, r] as const))('%s fits the page notice', (_kind, refusal) => {
    const text = refusalText(refusal, NOW);
    expect(text.length).toBeGreaterThan(10);
    expect(noticeRequest.safeParse({ text, tone: 'error' }).success).toBe(true);
  });

  it('every kind has its own words', () => {
    const texts = new Set(EVERY.map((r) => refusalText(r, NOW)));
    expect(texts.size).toBe(EVERY.length);
  });

  it('a site: never keeps pages from it, and which rule says so', () => {
    expect(refusalText({ kind: 'site-never', rule: { by: 'user', pattern: 'a.example' } })).toBe(
      'Engram never keeps pages from this site: your site rule for “a.example” says never. Change it in Settings.',
    );
    expect(refusalText({ kind: 'site-never', rule: { by: 'default', pattern: 'localhost' } })).toBe(
      'Engram never keeps pages from this site: “localhost” is on the default blocklist (this computer and private networks). Change it in Settings.',
    );
  });

  it('a pause says until when, and that nothing was read', () => {
    const until = refusalText({ kind: 'paused', until: null, unreadable: false });
    expect(until).toBe(
      'Saving is paused until you resume. Engram read nothing from this page. Resume in the Engram popup.',
    );
    const timed = refusalText({ kind: 'paused', until: NOW + 3_600_000, unreadable: false }, NOW);
    expect(timed).toMatch(`Saving is paused until ${formatPauseEnd(NOW + 3_600_000, NOW)}. `);
    expect(refusalText({ kind: 'paused', until: null, unreadable: true })).toMatch(
      /^Saving is paused: the pause setting could not be read\./,
    );
  });

  it('the browser’s own words follow after a space (they were glued on)', () => {
    const text = refusalText({
      kind: 'unsupported-page',
      page: 'browser',
      detail: 'Cannot access a chrome:// URL',
    });
    expect(text).toBe(
      'Engram cannot read this page (browser pages and the web store are off limits). Cannot access a chrome:// URL',
    );
  });

  it('the error carries the refusal and its words', () => {
    const error = new CaptureRefusedError({ kind: 'incognito' });
    expect(error.refusal).toEqual({ kind: 'incognito' });
    expect(error.message).toBe('Engram never saves private windows.');
  });
});
