/**
 * The capture policy against a real Dexie database (fake-indexeddb) and a fake `chrome`: every
 * refusal kind, the order of the checks, and failing closed when a setting cannot be read.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureRefusal } from '../shared/capture-refusal';
import { db } from '../shared/db';
import { PAUSE_KEY, setPause } from '../shared/pause';
import { writeSetting } from '../shared/settings';
import {
  decideCapture,
  siteVerdict,
  type CapturePath,
  type CaptureSubject,
} from './capture-policy';

const granted = new Set<string>();
const contains = vi.fn(({ origins }: { origins: string[] }) =>
  Promise.resolve(origins.every((o) => granted.has(o))),
);
vi.stubGlobal('chrome', { permissions: { contains } });

const NOW = new Date(2026, 11, 8, 15, 30).getTime();
const PAGE = 'https://news.example/story';
const tab = (over: CaptureSubject['tab'] = {}) => ({ id: 7, url: PAGE, incognito: false, ...over });
/** A top frame's message (watch, auto) or a tab (manual). */
const subject = (over: Partial<CaptureSubject> = {}): CaptureSubject => ({
  tab: tab(),
  url: PAGE,
  frameId: 0,
  ...over,
});

const refusalOf = async (
  path: CapturePath,
  at: CaptureSubject = subject(),
): Promise<CaptureRefusal | null> => {
  const decision = await decideCapture(path, at, NOW);
  return decision.allowed ? null : decision.refusal;
};

beforeEach(async () => {
  granted.clear();
  granted.add('https://news.example/*');
  contains.mockClear();
  vi.restoreAllMocks();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await db().settings.clear();
  await writeSetting(db(), 'autoCapture', true);
});

afterAll(() => db().close());

describe('allowed', () => {
  it('a web page, not paused, no rule against it: every path, with the rules read', async () => {
    await writeSetting(db(), 'siteRules', [{ pattern: 'other.example', policy: 'never' }]);
    for (const path of ['manual', 'watch', 'auto'] as const) {
      expect(await decideCapture(path, subject(), NOW)).toEqual({
        allowed: true,
        siteRules: [{ pattern: 'other.example', policy: 'never' }],
        keep: 'full',
      });
    }
  });

  it('an address-only site: a manual capture keeps the address; watching is refused', async () => {
    await writeSetting(db(), 'siteRules', [{ pattern: 'news.example', policy: 'url-only' }]);
    expect(await decideCapture('manual', subject(), NOW)).toMatchObject({
      allowed: true,
      keep: 'url-only',
    });
    const refusal = { kind: 'site-address-only', rule: { by: 'user', pattern: 'news.example' } };
    expect(await refusalOf('watch')).toEqual(refusal);
    expect(await refusalOf('auto')).toEqual(refusal);
  });

  it('a manual capture needs no host access (activeTab); its tab may hide its URL', async () => {
    granted.clear();
    expect(await refusalOf('manual')).toBeNull();
    expect(contains).not.toHaveBeenCalled();
    // The gate in the page checks the address then.
    expect(await refusalOf('manual', { tab: { id: 7 } })).toBeNull();
  });
});

describe('each refusal', () => {
  it('no tab', async () => {
    expect(await refusalOf('manual', { tab: { url: PAGE } })).toEqual({ kind: 'no-tab' });
    expect(await refusalOf('watch', { url: PAGE, frameId: 0 })).toEqual({ kind: 'no-tab' });
  });

  it('incognito', async () => {
    const incognito = subject({ tab: tab({ incognito: true }) });
    for (const path of ['manual', 'watch', 'auto'] as const) {
      expect(await refusalOf(path, incognito)).toEqual({ kind: 'incognito' });
    }
  });

  it('a frame asks to be watched', async () => {
    expect(await refusalOf('watch', subject({ frameId: 3 }))).toEqual({ kind: 'not-top-frame' });
    expect(await refusalOf('auto', subject({ frameId: undefined }))).toEqual({
      kind: 'not-top-frame',
    });
  });

  it.each([
    ['chrome://settings/', 'not-web'],
    ['file:///home/me/a.html', 'not-web'],
    ['about:blank', 'not-web'],
    ['https://chromewebstore.google.com/detail/x/abc', 'browser'],
    ['https://chrome.google.com/webstore/category/extensions', 'browser'],
  ])('an unsupported page: %s', async (url, page) => {
    expect(await refusalOf('manual', { tab: tab({ url }) })).toEqual({
      kind: 'unsupported-page',
      page,
    });
    expect(await refusalOf('watch', subject({ url }))).toEqual({ kind: 'unsupported-page', page });
  });

  it('watching a page whose address nobody gives', async () => {
    const anonymous = { tab: { id: 7 }, frameId: 0 };
    expect(await refusalOf('watch', anonymous)).toEqual({
      kind: 'unsupported-page',
      page: 'not-web',
    });
  });

  it('paused: until when, or until resumed', async () => {
    await setPause(db(), 'hour', NOW);
    expect(await refusalOf('manual')).toEqual({
      kind: 'paused',
      until: NOW + 3_600_000,
      unreadable: false,
    });
    await setPause(db(), 'resume-manually', NOW);
    expect(await refusalOf('watch')).toEqual({ kind: 'paused', until: null, unreadable: false });
    // Over by itself once its time has passed.
    await setPause(db(), 'hour', NOW - 2 * 3_600_000);
    expect(await refusalOf('auto')).toBeNull();
  });

  it('no host access (watch and auto only)', async () => {
    granted.clear();
    expect(await refusalOf('watch')).toEqual({ kind: 'no-host-access' });
    expect(await refusalOf('auto')).toEqual({ kind: 'no-host-access' });
    expect(contains).toHaveBeenCalledWith({ origins: ['https://news.example/*'] });
  });

  it('a site the user ruled out, and one on the default blocklist', async () => {
    await writeSetting(db(), 'siteRules', [{ pattern: 'news.example', policy: 'never' }]);
    expect(await refusalOf('manual')).toEqual({
      kind: 'site-never',
      rule: { by: 'user', pattern: 'news.example' },
    });
    const bank = 'https://www.paypal.com/myaccount';
    granted.add('https://www.paypal.com/*');
    for (const path of ['manual', 'watch', 'auto'] as const) {
      expect(await refusalOf(path, subject({ tab: tab({ url: bank }), url: bank }))).toEqual({
        kind: 'site-never',
        rule: { by: 'default', pattern: 'paypal.com' },
      });
    }
  });

  it('automatic capture turned off', async () => {
    await writeSetting(db(), 'autoCapture', false);
    expect(await refusalOf('auto')).toEqual({ kind: 'auto-capture-off' });
    // The watcher may still keep the glimpse buffer: not a refusal for it.
    expect(await refusalOf('watch')).toBeNull();
  });
});

describe('a selection inside a frame, or in an editable field (menus, issue 11)', () => {
  const inFrame = (frameUrl: string | undefined, over: Partial<CaptureSubject> = {}) => ({
    tab: tab({ url: 'https://www.icloud.com/' }),
    frameId: 12,
    frameUrl,
    ...over,
  });

  it('the frame’s own address is put to the rules: a blocked frame is refused', async () => {
    expect(await refusalOf('manual', inFrame('https://www.icloud.com/mail/inbox'))).toEqual({
      kind: 'site-never',
      rule: { by: 'default', pattern: 'icloud.com/mail' },
    });
    // The frame is on a never site while its page is not.
    const onBank = { ...inFrame('https://www.paypal.com/checkout'), tab: tab() };
    expect(await refusalOf('manual', onBank)).toMatchObject({ kind: 'site-never' });
    // A frame whose address the browser does not give, or that is not a web page, is refused.
    expect(await refusalOf('manual', inFrame(undefined))).toMatchObject({
      kind: 'unsupported-page',
    });
    expect(await refusalOf('manual', inFrame('https://www.icloud.com/photos/'))).toBeNull();
  });

  it('an address-only frame keeps the address only', async () => {
    await writeSetting(db(), 'siteRules', [{ pattern: 'icloud.com/notes', policy: 'url-only' }]);
    expect(
      await decideCapture('manual', inFrame('https://www.icloud.com/notes/x'), NOW),
    ).toMatchObject({ allowed: true, keep: 'url-only' });
  });

  it('a selection in an editable field is refused, in the top frame too', async () => {
    expect(await refusalOf('manual', { tab: tab(), editable: true })).toEqual({
      kind: 'editable-field',
    });
    expect(
      await refusalOf('manual', inFrame('https://www.icloud.com/photos/', { editable: true })),
    ).toEqual({ kind: 'editable-field' });
  });
});

describe('fail closed', () => {
  it('malformed site rules refuse instead of reading as no rules', async () => {
    await db().settings.put({ key: 'siteRules', value: [{ pattern: '', policy: 'sometimes' }] });
    for (const path of ['manual', 'watch', 'auto'] as const) {
      expect(await refusalOf(path)).toEqual({ kind: 'settings-unreadable', setting: 'siteRules' });
    }
  });

  it('an unparseable pause counts as paused until resumed', async () => {
    await db().settings.put({ key: PAUSE_KEY, value: { since: 'yesterday' } });
    expect(await refusalOf('manual')).toEqual({ kind: 'paused', until: null, unreadable: true });
  });

  it('a database that cannot be read refuses', async () => {
    vi.spyOn(db().settings, 'get').mockRejectedValue(new Error('The database is gone'));
    expect(await refusalOf('manual')).toEqual({ kind: 'settings-unreadable', setting: 'pause' });
  });

  it('a permissions API that fails answers no', async () => {
    contains.mockRejectedValueOnce(new Error('No such API'));
    expect(await refusalOf('watch')).toEqual({ kind: 'no-host-access' });
  });
});

describe('the order of the checks', () => {
  it('private windows first; then the page; nothing is read for either', async () => {
    const get = vi.spyOn(db().settings, 'get');
    const everything = subject({
      tab: tab({ incognito: true, url: 'chrome://settings/' }),
      url: 'chrome://settings/',
      frameId: 2,
    });
    expect(await refusalOf('watch', everything)).toEqual({ kind: 'incognito' });
    expect(await refusalOf('watch', { ...everything, tab: tab({ url: 'chrome://x/' }) })).toEqual({
      kind: 'not-top-frame',
    });
    expect(await refusalOf('manual', { tab: tab({ url: 'chrome://settings/' }) })).toMatchObject({
      kind: 'unsupported-page',
    });
    expect(get).not.toHaveBeenCalled();
    expect(contains).not.toHaveBeenCalled();
  });

  it('unreadable settings, the pause, host access, the site, then the setting', async () => {
    // Everything wrong at once: each fix shows the next refusal.
    await db().settings.put({ key: 'siteRules', value: 'garbage' });
    await setPause(db(), 'resume-manually', NOW);
    granted.clear();
    await writeSetting(db(), 'autoCapture', false);
    const fixes = [
      () => writeSetting(db(), 'siteRules', [{ pattern: 'news.example', policy: 'never' }]),
      () => setPause(db(), 'resume', NOW),
      () => void granted.add('https://news.example/*'),
      () => writeSetting(db(), 'siteRules', []),
      () => writeSetting(db(), 'autoCapture', true),
    ];
    const seen: string[] = [];
    for (const fix of fixes) {
      seen.push((await refusalOf('auto'))?.kind ?? 'allowed');
      await fix();
    }
    seen.push((await refusalOf('auto'))?.kind ?? 'allowed');
    expect(seen).toEqual([
      'settings-unreadable',
      'paused',
      'no-host-access',
      'site-never',
      'auto-capture-off',
      'allowed',
    ]);
  });
});

describe('siteVerdict (an address learned after the decision: a PDF, the page’s answer)', () => {
  it('refuses a never site, keeps the address on an address-only one', () => {
    const rules = [{ pattern: 'news.example/private', policy: 'never' as const }];
    expect(siteVerdict('manual', 'https://news.example/private/a', rules)).toMatchObject({
      kind: 'site-never',
    });
    expect(siteVerdict('manual', 'https://mail.google.com/', [])).toEqual({
      kind: 'site-never',
      rule: { by: 'default', pattern: 'mail.google.com' },
    });
    expect(siteVerdict('manual', PAGE, [{ pattern: 'news.example', policy: 'url-only' }])).toEqual({
      keep: 'url-only',
    });
    expect(siteVerdict('manual', 'ftp://news.example/', [])).toEqual({
      kind: 'unsupported-page',
      page: 'not-web',
    });
  });
});
