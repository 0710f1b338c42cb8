import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import { EngramDb } from './db';
import { setMessageSource, tableSource } from './i18n';
import {
  assertNotPaused,
  capturePaused,
  CapturePausedError,
  describePause,
  PAUSE_KEY,
  pauseFor,
  pauseStatusOf,
  setPause,
  startOfTomorrow,
} from './pause';
import { readSettingStrict } from './settings';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`test-${crypto.randomUUID()}`);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

// Tue 8 Dec 2026, 15:30 local time (the tests run in the machine's zone: built from local fields).
const NOW = new Date(2026, 11, 8, 15, 30).getTime();
const HOUR = 3_600_000;

describe('pause choices', () => {
  test('an hour, until the next local midnight, until resumed, or resumed', () => {
    expect(pauseFor('hour', NOW)).toEqual({ since: NOW, until: NOW + HOUR });
    expect(pauseFor('tomorrow', NOW)).toEqual({
      since: NOW,
      until: new Date(2026, 11, 9, 0, 0).getTime(),
    });
    expect(pauseFor('resume-manually', NOW)).toEqual({ since: NOW, until: null });
    expect(pauseFor('resume', NOW)).toBeNull();
  });

  test('"until tomorrow" just before midnight still means the next day', () => {
    const late = new Date(2026, 11, 8, 23, 59, 59).getTime();
    expect(startOfTomorrow(late)).toBe(new Date(2026, 11, 9).getTime());
    const midnight = new Date(2026, 11, 9).getTime();
    expect(startOfTomorrow(midnight)).toBe(new Date(2026, 11, 10).getTime());
  });
});

describe('pause state', () => {
  test('a timed pause ends by itself once its time has passed', () => {
    const record = pauseFor('hour', NOW);
    expect(pauseStatusOf(record, NOW + HOUR - 1)).toEqual({
      paused: true,
      until: NOW + HOUR,
      reason: 'user',
    });
    expect(pauseStatusOf(record, NOW + HOUR)).toEqual({ paused: false });
  });

  test('never written or resumed: not paused; until resumed: paused forever', () => {
    expect(pauseStatusOf(undefined, NOW)).toEqual({ paused: false });
    expect(pauseStatusOf(null, NOW)).toEqual({ paused: false });
    expect(pauseStatusOf({ since: 1, until: null }, NOW + 1e12)).toMatchObject({ paused: true });
  });

  test.each([['yes'], [{ since: 'x', until: null }], [{ until: -5, since: 1 }], [42]])(
    'a malformed stored pause %j fails closed: paused until resumed',
    (value) => {
      expect(pauseStatusOf(value, NOW)).toEqual({
        paused: true,
        until: null,
        reason: 'unreadable',
      });
    },
  );

  test('stored in IndexedDB and read back, resumed, then refused captures no more', async () => {
    expect(await capturePaused(db, NOW)).toEqual({ paused: false });
    await setPause(db, 'resume-manually', NOW);
    expect(await capturePaused(db, NOW + 10 * HOUR)).toMatchObject({ paused: true, until: null });
    await expect(assertNotPaused(db, NOW)).rejects.toThrow(CapturePausedError);
    await expect(assertNotPaused(db, NOW)).rejects.toThrow(/read nothing from this page/);
    await setPause(db, 'resume', NOW);
    await expect(assertNotPaused(db, NOW)).resolves.toBeUndefined();
  });

  test('a garbage row in the database refuses capture', async () => {
    await db.settings.put({ key: PAUSE_KEY, value: { since: 'soon' } });
    await expect(assertNotPaused(db, NOW)).rejects.toThrow(/could not be read/);
  });

  test('a database that cannot be read throws: the caller captures nothing', async () => {
    db.close({ disableAutoOpen: true });
    await expect(capturePaused(db, NOW)).rejects.toThrow();
    await expect(assertNotPaused(db, NOW)).rejects.toThrow();
  });

  test('the user is told until when', () => {
    expect(describePause({ paused: false }, NOW)).toBe('Saving is on');
    expect(describePause({ paused: true, until: null, reason: 'user' }, NOW)).toBe(
      'Paused until you resume',
    );
    expect(describePause({ paused: true, until: NOW + HOUR, reason: 'user' }, NOW)).toMatch(
      /^Paused until \d{1,2}[:.]\d{2}/,
    );
    expect(
      describePause({ paused: true, until: startOfTomorrow(NOW), reason: 'user' }, NOW),
    ).toMatch(/^Paused until \S+ \d{1,2}[:.]\d{2}/);
  });
});

describe('site rules read for capture', () => {
  test('a malformed siteRules row throws instead of falling back to no rules', async () => {
    await db.settings.put({ key: 'siteRules', value: [{ pattern: 'bank.example', policy: 'x' }] });
    await expect(readSettingStrict(db, 'siteRules')).rejects.toThrow(/saves nothing/);
  });

  test('no row is the default (the blocklist alone); a good row is read', async () => {
    expect(await readSettingStrict(db, 'siteRules')).toEqual([]);
    const rules = [{ pattern: 'example.com', policy: 'never' as const }];
    await db.settings.put({ key: 'siteRules', value: rules });
    expect(await readSettingStrict(db, 'siteRules')).toEqual(rules);
  });
});

describe('the pause in a Chinese browser', () => {
  afterEach(() => setMessageSource(tableSource(en)));

  test('the user is told until when, in Chinese, with the day in Chinese', () => {
    const zh = tableSource(zhCN);
    setMessageSource((key, subs) => (key === '@@ui_locale' ? 'zh_CN' : zh(key, subs)));
    expect(describePause({ paused: false }, NOW)).toBe('正在保存');
    expect(describePause({ paused: true, until: null, reason: 'user' }, NOW)).toBe(
      '已暂停，直到你恢复',
    );
    expect(describePause({ paused: true, until: null, reason: 'unreadable' }, NOW)).toBe(
      '已暂停：无法读取暂停设置',
    );
    expect(
      describePause({ paused: true, until: startOfTomorrow(NOW), reason: 'user' }, NOW),
    ).toMatch(/^已暂停至 周[一二三四五六日] \d{2}:\d{2}$/);
  });

  test('a refused capture says so in Chinese', async () => {
    setMessageSource(tableSource(zhCN));
    await setPause(db, 'resume-manually', NOW);
    await expect(assertNotPaused(db, NOW)).rejects.toThrow(
      '保存已暂停，直到你恢复。Engram 没有读取此页面。可在 Engram 弹出窗口中恢复。',
    );
  });
});
