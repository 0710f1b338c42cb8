import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { IndexingPace } from './indexing-pace';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000_000);
});
afterEach(() => {
  vi.useRealTimers();
});

const settled = async <T>(promise: Promise<T>): Promise<T | 'pending'> => {
  const marker = Symbol('pending');
  const value = await Promise.race([promise, Promise.resolve().then(() => marker)]);
  return value === marker ? 'pending' : (value as T);
};

test('a fresh capture runs at once even while the user is active', async () => {
  const pace = new IndexingPace({ freshMs: 60_000, trickleMs: 20_000 });
  pace.setUserActive(true);
  expect(await pace.turn(Date.now() - 1_000)).toBe(true);
  expect(await pace.turn(Date.now())).toBe(true);
});

test('bulk work runs freely while the user is idle', async () => {
  const pace = new IndexingPace();
  pace.setUserActive(false);
  for (let i = 0; i < 5; i++) expect(await settled(pace.turn())).toBe(true);
});

test('while the user is active, bulk work trickles: one step per interval', async () => {
  const pace = new IndexingPace({ trickleMs: 20_000 });
  pace.setUserActive(true);
  expect(await settled(pace.turn())).toBe(true); // the first step goes
  const second = pace.turn(Date.now() - 10 * 60_000); // an old job is bulk work
  expect(await settled(second)).toBe('pending');
  expect(pace.progress.waiting).toBe(true);
  await vi.advanceTimersByTimeAsync(19_999);
  expect(await settled(second)).toBe('pending');
  await vi.advanceTimersByTimeAsync(1);
  expect(await second).toBe(true);
  expect(pace.progress.waiting).toBe(false);
});

test('bulk work goes on as soon as the user goes idle', async () => {
  const pace = new IndexingPace({ trickleMs: 20_000 });
  pace.setUserActive(true);
  await pace.turn();
  const next = pace.turn();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(await settled(next)).toBe('pending');
  pace.setUserActive(false);
  expect(await next).toBe(true);
});

test('waiting bulk work gives way to fresh work (turn says false)', async () => {
  const pace = new IndexingPace({ trickleMs: 20_000 });
  pace.setUserActive(true);
  await pace.turn();
  const waiting = pace.turn();
  pace.nudge();
  expect(await waiting).toBe(false);
});

test('orders fresh jobs first, and counts the run for "Indexing n of m"', () => {
  const pace = new IndexingPace({ freshMs: 60_000 });
  const now = Date.now();
  const jobs = [
    { id: 'old-1', createdAt: now - 3_600_000 },
    { id: 'old-2', createdAt: now - 120_000 },
    { id: 'new-1', createdAt: now - 5_000 },
    { id: 'new-2', createdAt: now - 1_000 },
  ];
  expect(pace.order(jobs).map((j) => j.id)).toEqual(['new-1', 'new-2', 'old-1', 'old-2']);
  pace.plan(4);
  pace.finished();
  pace.finished();
  expect(pace.progress).toMatchObject({ done: 2, total: 4, waiting: false });
  pace.plan(5); // three left and three more arrived
  expect(pace.progress).toMatchObject({ done: 2, total: 7, waiting: false });
  pace.reset();
  expect(pace.progress).toEqual({ done: 0, total: 0, waiting: false });
});

test('until told, the user counts as active: bulk work at start does not race ahead', async () => {
  const pace = new IndexingPace({ trickleMs: 20_000 });
  expect(await settled(pace.turn())).toBe(true);
  expect(await settled(pace.turn())).toBe('pending');
});

test('the pace: sources a minute over the last minute, or over the run when it is younger', () => {
  let now = 1_000_000;
  const pace = new IndexingPace({ now: () => now });
  pace.plan(100);
  expect(pace.progress.perMinute).toBeUndefined(); // nothing done yet: no pace to show
  now += 10_000;
  pace.finished(5); // 5 in the run's first 10 s
  expect(pace.progress.perMinute).toBe(30);
  now += 50_000;
  pace.finished(25); // 30 in the first minute
  expect(pace.progress.perMinute).toBe(30);
  now += 30_000;
  pace.finished(10); // the last minute: the 25 and the 10
  expect(pace.progress.perMinute).toBe(35);
  now += 61_000; // nothing finished in the last minute
  expect(pace.progress).toEqual({ done: 40, total: 100, waiting: false });
  pace.reset();
  now += 1;
  pace.finished();
  expect(pace.progress.perMinute).toBe(60); // a new run's first source, over at least a second
});
