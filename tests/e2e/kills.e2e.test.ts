/**
 * Issue 12, "losing nothing", in real Chromium: 200 captures through the popup's Save path while
 * the engine and the service worker are stopped 20 times at seeded random moments
 * (./kill-burst.ts). Every capture must be indexed exactly once: one source per page, its chunks
 * once each, no job left, a keyword search for its marker finding it and only it, and the
 * engine's index holding as many chunks as the table. ENGRAM_KILL_SEED repeats another run.
 */
import { expect, test } from 'vitest';
import { killBurst } from './kill-burst';

const seed = Number(process.env.ENGRAM_KILL_SEED ?? 12);

test('20 kills during 200 captures: every capture indexed exactly once', async () => {
  const report = await killBurst({ captures: 200, kills: 20, seed });
  console.info(`kills (seed ${seed}):`, JSON.stringify(report));
  expect(report.kills.engine + report.kills.worker).toBe(20);
  expect(report.kills.engine, 'the engine was among those stopped').toBeGreaterThan(0);
  expect(report.kills.worker, 'the worker was among those stopped').toBeGreaterThan(0);
  expect(report.lost).toEqual([]);
  expect(report.duplicated).toEqual([]);
  expect(report.jobsLeft).toBe(0);
  expect(report.searchMisses).toEqual([]);
  expect(report.indexChunks).toBe(report.chunkRows);
}, 600_000);
