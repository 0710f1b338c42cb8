import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { EngramDb } from './db';
import {
  readSetting,
  readSettings,
  readSettingStrict,
  settingsSchema,
  SettingUnreadableError,
  writeSetting,
  type SettingKey,
} from './settings';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`settings-${crypto.randomUUID()}`);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

describe('the settings schema', () => {
  test('every key reads as its default when no row was written', async () => {
    for (const key of Object.keys(settingsSchema) as SettingKey[]) {
      expect(await readSetting(db, key)).toEqual(settingsSchema[key].parse(undefined));
      expect(await readSettingStrict(db, key)).toEqual(settingsSchema[key].parse(undefined));
    }
    expect(await readSetting(db, 'modelIdleMinutes')).toBe(10);
    expect(await readSetting(db, 'pause')).toBeNull();
  });

  test('a malformed row falls back to the default, with the reason logged', async () => {
    await db.settings.put({ key: 'modelIdleMinutes', value: -3 });
    expect(await readSetting(db, 'modelIdleMinutes')).toBe(10);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('"modelIdleMinutes"'));
  });

  test('read strictly, a malformed row throws a typed error instead', async () => {
    await db.settings.put({ key: 'pause', value: { since: 'soon' } });
    const read = readSettingStrict(db, 'pause');
    await expect(read).rejects.toBeInstanceOf(SettingUnreadableError);
    await expect(readSettingStrict(db, 'pause')).rejects.toThrow(/"pause"/);
  });

  test('several at once, each as readSetting reads it', async () => {
    await writeSetting(db, 'modelIdleMinutes', 0);
    await db.settings.put({ key: 'generation', value: 'yes' });
    expect(await readSettings(db, ['modelIdleMinutes', 'generation', 'readFrames'])).toEqual({
      modelIdleMinutes: 0,
      generation: true,
      readFrames: false,
    });
  });

  test('a write is validated before it is stored', async () => {
    await expect(writeSetting(db, 'modelIdleMinutes', 1.5)).rejects.toThrow();
    await expect(writeSetting(db, 'modelIdleMinutes', 24 * 60 + 1)).rejects.toThrow();
    expect(await db.settings.get('modelIdleMinutes')).toBeUndefined();
    await writeSetting(db, 'modelIdleMinutes', 30);
    expect(await db.settings.get('modelIdleMinutes')).toEqual({
      key: 'modelIdleMinutes',
      value: 30,
    });
  });
});
