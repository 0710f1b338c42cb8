/** One wording per refusal, short enough for the page's notice, in English and in Chinese. */
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import { DEFAULT_BLOCKLIST_GROUPS } from '../core/privacy/default-blocklist';
import { CaptureRefusedError, refusalText, type CaptureRefusal } from './capture-refusal';
import { setMessageSource, tableSource } from './i18n';
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

/** A Chinese browser: its messages, and its interface locale (for the names of days). */
function speakChinese(): void {
  const zh = tableSource(zhCN);
  setMessageSource((key, subs) => (key === '@@ui_locale' ? 'zh_CN' : zh(key, subs)));
}

describe('refusal wording in a Chinese browser', () => {
  afterEach(() => setMessageSource(tableSource(en)));

  it.each(EVERY.map((r) => [r.kind, r] as const))('%s is said in Chinese', (_kind, refusal) => {
    speakChinese();
    const text = refusalText(refusal, NOW);
    expect(text).toMatch(/[\u4e00-\u9fff]/u);
    expect(noticeRequest.safeParse({ text, tone: 'error' }).success).toBe(true);
    // No English left, but for the product's name, http(s) and what the refusal quotes.
    const rest = text.replace(/Engram|https?|x+|example\.com\/mail|paypal\.com/g, '');
    expect(rest).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('every kind has its own words in Chinese too', () => {
    speakChinese();
    expect(new Set(EVERY.map((r) => refusalText(r, NOW))).size).toBe(EVERY.length);
  });

  it('a site: which rule, and the default blocklist group, in Chinese', () => {
    speakChinese();
    expect(refusalText({ kind: 'site-never', rule: { by: 'user', pattern: 'a.example' } })).toBe(
      'Engram 从不保存此网站的页面：你为“a.example”设的网站规则是“从不”。可在“设置”中更改。',
    );
    expect(
      refusalText({ kind: 'site-never', rule: { by: 'default', pattern: 'paypal.com' } }),
    ).toBe(
      'Engram 从不保存此网站的页面：“paypal.com”在默认屏蔽列表中（银行和支付）。可在“设置”中更改。',
    );
  });

  it('a pause until a later day names the day in Chinese', () => {
    speakChinese();
    const until = NOW + 30 * 3_600_000; // tomorrow, 21:30
    expect(formatPauseEnd(until, NOW)).toMatch(/^周[一二三四五六日] \d{2}:\d{2}$/);
    expect(refusalText({ kind: 'paused', until, unreadable: false }, NOW)).toBe(
      `保存已暂停至 ${formatPauseEnd(until, NOW)}。Engram 没有读取此页面。可在 Engram 弹出窗口中恢复。`,
    );
  });

  it('the error a refused capture throws carries the Chinese words', () => {
    speakChinese();
    expect(new CaptureRefusedError({ kind: 'incognito' }).message).toBe(
      'Engram 从不保存无痕窗口。',
    );
  });
});

describe('the default blocklist', () => {
  afterEach(() => setMessageSource(tableSource(en)));

  it.each(Object.entries(DEFAULT_BLOCKLIST_GROUPS))(
    'group “%s” is named in both languages',
    (group, patterns) => {
      const refusal: CaptureRefusal = {
        kind: 'site-never',
        rule: { by: 'default', pattern: patterns[0]! },
      };
      expect(refusalText(refusal)).toContain(`(${group.toLowerCase()})`);
      speakChinese();
      expect(refusalText(refusal)).toMatch(/（[\u4e00-\u9fff]+）/u);
    },
  );

  it('a pattern no longer in any group still says it is on the blocklist', () => {
    const rule = { by: 'default' as const, pattern: 'gone.example' };
    expect(refusalText({ kind: 'site-never', rule })).toBe(
      'Engram never keeps pages from this site: “gone.example” is on the default blocklist. Change it in Settings.',
    );
    expect(refusalText({ kind: 'site-address-only', rule })).toBe(
      'Engram keeps only the address of pages on this site: “gone.example” is on the default blocklist.',
    );
  });
});
