/**
 * A full disk (issue 12): a write that fails for lack of space is recognised in each of its
 * shapes, leaves nothing half-written, sets the flag once (the first failure is the one the user
 * is told about), and the flag clears when space is back.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { EngramDb } from '../shared/db';
import { isQuotaError, readDiskFull } from '../shared/disk-full';
import { storeCapture } from '../shared/store/sources';
import { flashBadge } from './badge';
import { checkDiskSpace, onDiskFull, onEngineDiskFull, ROOM_BYTES } from './disk-watch';
import { wakeEngine } from './engine-gateway';

vi.mock('./engine-gateway', () => ({ wakeEngine: vi.fn(() => Promise.resolve()) }));
vi.mock('./badge', () => ({ flashBadge: vi.fn(() => Promise.resolve()) }));

let db: EngramDb;
let local: Record<string, unknown>;
const alarms = new Set<string>();
beforeEach(() => {
  db = new EngramDb(`disk-${crypto.randomUUID()}`);
  local = {};
  alarms.clear();
  vi.mocked(wakeEngine).mockClear();
  vi.mocked(flashBadge).mockClear();
  vi.stubGlobal('chrome', {
    storage: {
      local: {
        get: (key: string) => Promise.resolve(key in local ? { [key]: local[key] } : {}),
        set: (items: Record<string, unknown>) => Promise.resolve(void Object.assign(local, items)),
        remove: (key: string) => Promise.resolve(void delete local[key]),
      },
    },
    alarms: {
      create: (name: string) => Promise.resolve(void alarms.add(name)),
      clear: (name: string) => Promise.resolve(alarms.delete(name)),
    },
  });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  db.close();
  await db.delete();
});

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

test('a quota error is recognised as the DOM, Dexie and an aborted transaction give it', () => {
  expect(isQuotaError(quota())).toBe(true);
  expect(isQuotaError(new Dexie.QuotaExceededError('no room'))).toBe(true);
  const aborted = new Dexie.AbortError('Transaction aborted', quota());
  expect(aborted.name).toBe('AbortError');
  expect(isQuotaError(aborted)).toBe(true);
  expect(isQuotaError(new Error('wrapped', { cause: quota() }))).toBe(true);
  expect(isQuotaError(new Dexie.AbortError('Transaction aborted'))).toBe(false);
  expect(isQuotaError(new Error('Quota of patience exceeded'))).toBe(false);
  expect(isQuotaError(undefined)).toBe(false);
});

test.each([1, 2])(
  'a capture whose write #%i fails for lack of space leaves nothing half-written',
  async (failing) => {
    // The capture writes its source, then its job, in one transaction: fail the Nth of them.
    let writes = 0;
    const fail = () => {
      if (++writes === failing) throw quota();
    };
    db.sources.hook('creating', fail);
    db.jobs.hook('creating', fail);
    const error = await storeCapture(
      db,
      {
        mode: 'page',
        url: 'https://example.com/full',
        title: 'Full',
        text: 'A page saved on a full disk.',
        links: [],
        extractor: 'readability',
      },
      'shortcut',
    ).catch((e: unknown) => e);
    expect(isQuotaError(error)).toBe(true);
    expect(writes).toBe(failing);
    expect(await db.sources.count()).toBe(0);
    expect(await db.jobs.count()).toBe(0);
  },
);

test('the first failed write sets the flag and says so; space back clears it', async () => {
  expect(await onDiskFull()).toBe(true); // the first: the caller tells the user
  const since = (await readDiskFull())?.since;
  expect(since).toBeTypeOf('number');
  expect(await onDiskFull()).toBe(false); // later failures: not told again
  expect((await readDiskFull())?.since).toBe(since);
  expect([...alarms]).toEqual(['engram-disk-check']);

  const tight = () => Promise.resolve({ usage: 10 * ROOM_BYTES, quota: 10.5 * ROOM_BYTES });
  expect(await checkDiskSpace(tight)).toBe(false);
  expect(await readDiskFull()).toBeDefined();
  const roomy = () => Promise.resolve({ usage: ROOM_BYTES, quota: 10 * ROOM_BYTES });
  expect(await checkDiskSpace(roomy)).toBe(true);
  expect(await readDiskFull()).toBeUndefined();
  expect(alarms.size).toBe(0);
});

test('the engine’s full disk (disk/full): the badge says so once; space back wakes the engine', async () => {
  await Promise.all([onEngineDiskFull(), onEngineDiskFull(), onEngineDiskFull()]);
  expect(vi.mocked(flashBadge).mock.calls).toEqual([
    [undefined, 'failed', expect.stringMatching(/disk is full: indexing waits/)],
  ]);
  expect(await readDiskFull()).toBeDefined();
  expect(wakeEngine).not.toHaveBeenCalled();
  const roomy = () => Promise.resolve({ usage: ROOM_BYTES, quota: 10 * ROOM_BYTES });
  expect(await checkDiskSpace(roomy)).toBe(true);
  // The jobs that waited for space are taken up at once, not at the next capture.
  expect(wakeEngine).toHaveBeenCalledOnce();
});
