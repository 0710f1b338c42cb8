/**
 * The library page at scale (issue 12), in real Chromium with the fixtures build: a profile filled
 * with 100,000 sources (written straight into IndexedDB, ~500 characters of text each), then
 * - time to first items: navigation start → the first source row in the DOM (the page's own
 *   clock, `performance.now()` in a MutationObserver set before any script), and → every key read
 *   (the item count shown), median of RUNS reloads; and the page's own marks on the way (its entry
 *   module running, the first rows read, its modules loaded);
 * - scrolling: the list scrolled by STEP_PX every animation frame for SCROLL_MS, frame times from
 *   requestAnimationFrame (p50, p95, max, share over 16.7 and 33.3 ms), and the time until rows
 *   are drawn after a jump to the middle of the list.
 * Prints the figures and writes bench-results/library.json.
 *
 *   npm run build:fixtures && npm run bench:library        (LIBRARY_SOURCES=100000 by default)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchEngram, ROOT, tempProfile } from '../../tests/e2e/harness';
import { seedMany } from '../../tests/e2e/library-seed';
import { machineInfo } from './machine';

const SOURCES = Number(process.env.LIBRARY_SOURCES ?? 100_000);
const RUNS = 5;
const SCROLL_MS = 4_000;
const STEP_PX = 240;
const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
};

/** Set before the page's scripts: records when the first row and the item count appear. */
function markFirstRows() {
  const marks: Record<string, number> = {};
  (globalThis as unknown as { libraryMarks: Record<string, number> }).libraryMarks = marks;
  const observer = new MutationObserver(() => {
    if (marks.firstRow === undefined && document.querySelector('[data-testid=library-row]')) {
      marks.firstRow = performance.now();
    }
    const count = document.querySelector('[data-testid=library-count]');
    if (marks.allKeys === undefined && count?.textContent) marks.allKeys = performance.now();
    if (marks.firstRow !== undefined && marks.allKeys !== undefined) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

async function openOnce(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const m = (globalThis as unknown as { libraryMarks?: Record<string, number> }).libraryMarks;
      return m?.firstRow !== undefined && m.allKeys !== undefined;
    },
    undefined,
    { timeout: 60_000 },
  );
  // The page's own steps (src/ui/library/main.tsx, show-library.tsx): entry module run, first
  // rows read, modules in, words prepared.
  return page.evaluate(() => {
    const marks = (globalThis as unknown as { libraryMarks: Record<string, number> }).libraryMarks;
    for (const mark of performance.getEntriesByType('mark')) {
      if (mark.name.startsWith('library:')) marks[mark.name.slice(8)] = mark.startTime;
    }
    return marks;
  });
}

/** Scrolls the list a step each frame; returns the frame times, ms. */
async function scrollFrames(page: Page) {
  return page.evaluate(
    ({ ms, step }) =>
      new Promise<number[]>((done) => {
        const list = document.querySelector<HTMLElement>('[data-testid=library-list]');
        if (!list) throw new Error('no list');
        const frames: number[] = [];
        let last = performance.now();
        const end = last + ms;
        const tick = (at: number) => {
          frames.push(at - last);
          last = at;
          list.scrollTop += step;
          if (at < end) requestAnimationFrame(tick);
          else done(frames.slice(1));
        };
        requestAnimationFrame(tick);
      }),
    { ms: SCROLL_MS, step: STEP_PX },
  );
}

/** Jumps to the middle of the list; ms until no placeholder row is left on screen. */
async function jumpToMiddle(page: Page) {
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        const list = document.querySelector<HTMLElement>('[data-testid=library-list]');
        if (!list) throw new Error('no list');
        const start = performance.now();
        list.scrollTop = list.scrollHeight / 2;
        const check = () => {
          const rows = list.querySelectorAll('.lib-row');
          const loading = list.querySelectorAll('.lib-row.is-loading');
          if (rows.length > 0 && loading.length === 0) done(performance.now() - start);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

const profile = tempProfile();
const engram = await launchEngram(profile.dir);
try {
  const fillStart = Date.now();
  await seedMany(engram.sw, SOURCES, Date.now(), 30_000);
  const fillMs = Date.now() - fillStart;
  console.log(`filled ${SOURCES.toLocaleString()} sources in ${(fillMs / 1000).toFixed(1)} s`);

  const page = await engram.context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  // tsx names inner functions with an `__name` helper the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.addInitScript(markFirstRows);
  const url = `chrome-extension://${engram.extensionId}/library.html`;
  // The first open upgrades nothing (the schema is current) but warms the browser's caches once.
  await openOnce(page, url);
  const opens: Array<Record<string, number>> = [];
  for (let i = 0; i < RUNS; i++) opens.push(await openOnce(page, url));
  const firstRow = opens.map((m) => m.firstRow ?? NaN);
  const allKeys = opens.map((m) => m.allKeys ?? NaN);
  const step = (name: string) => {
    const xs = opens.map((m) => m[name] ?? NaN);
    return { median: round(median(xs)), runs: xs.map((x) => round(x)) };
  };
  const count = await page.locator('[data-testid=library-count]').getAttribute('data-count');

  await page.locator('[data-testid=library-list]').focus();
  const frames = await scrollFrames(page);
  const jumps = [];
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(() => {
      const list = document.querySelector<HTMLElement>('[data-testid=library-list]');
      if (list) list.scrollTop = 0;
    });
    await page.waitForTimeout(300);
    jumps.push(await jumpToMiddle(page));
  }

  const results = {
    benchmark: 'library',
    date: new Date().toISOString(),
    machine: machineInfo(),
    browser: engram.context.browser()?.version() ?? 'chromium',
    sources: SOURCES,
    listed: Number(count),
    fill_s: round(fillMs / 1000),
    first_items_ms: { median: round(median(firstRow)), runs: firstRow.map((x) => round(x)) },
    all_keys_ms: { median: round(median(allKeys)), runs: allKeys.map((x) => round(x)) },
    // Where the first items' time goes: the entry module runs, the first rows are read (started
    // by the entry module), the page's modules are in, the words prepared (the list renders at
    // once after, with the rows if they are in).
    steps_ms: {
      entry: step('entry'),
      first_rows: step('first-rows'),
      modules: step('modules'),
      words: step('words'),
    },
    scroll: {
      frames: frames.length,
      step_px: STEP_PX,
      p50_ms: round(percentile(frames, 0.5)),
      p95_ms: round(percentile(frames, 0.95)),
      max_ms: round(Math.max(...frames)),
      over_16_7_ms: round(frames.filter((f) => f > 16.7).length / frames.length, 3),
      over_33_3_ms: round(frames.filter((f) => f > 33.3).length / frames.length, 3),
    },
    jump_to_middle_ms: { median: round(median(jumps)), runs: jumps.map((x) => round(x)) },
  };
  console.log(JSON.stringify(results, null, 2));
  mkdirSync(resolve(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(
    resolve(ROOT, 'bench-results/library.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
} finally {
  await engram.close();
  profile.remove();
}
