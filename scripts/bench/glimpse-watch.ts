/**
 * What the page watcher (glimpse buffer) costs a page, in real Chromium with the fixtures build:
 * main-thread script time (CDP Performance.getMetrics `ScriptDuration`, all worlds of the page)
 * after load and while the page is scrolled top to bottom, on `localhost` (no host access in the
 * fixtures build, so no watcher) against `127.0.0.1` (host access: the watcher runs). Three large
 * corpus pages, RUNS runs each; prints medians and writes bench-results/glimpse-watch.json.
 *
 *   ENGRAM_E2E_DIST=dist/chrome-fixtures npx tsx scripts/bench/glimpse-watch.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Engram } from '../../tests/e2e/harness';
import { launchEngram, ROOT, serveFolder, tempProfile } from '../../tests/e2e/harness';
import { ALLOW_LOCAL, setSiteRules } from '../../tests/e2e/site-rules';

const PAGES = ['/wikipedia/source.html', '/pixnet/source.html', '/medium-1/source.html'];
const RUNS = 3;
const STEP_PX = 300;
const STEP_MS = 50;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function measure(engram: Engram, url: string) {
  const page = await engram.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptMs = async () =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')
      ?.value ?? 0) * 1000;
  await page.goto(url, { waitUntil: 'load' });
  await page.bringToFront();
  await sleep(2_000);
  const load = await scriptMs();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  let steps = 0;
  for (let y = 0; y < height; y += STEP_PX, steps++) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await sleep(STEP_MS);
  }
  await sleep(1_500);
  const scroll = (await scriptMs()) - load;
  await page.close();
  return { load, scroll, steps };
}

const server = await serveFolder(resolve(ROOT, 'tests/fixtures/pages'));
const profile = tempProfile();
const engram = await launchEngram(profile.dir);
const results: object[] = [];
try {
  await setSiteRules(engram, ALLOW_LOCAL);
  await sleep(1_000);
  console.log('page                      watcher  load ms  scroll ms  per scroll step ms');
  for (const path of PAGES) {
    for (const host of ['localhost', '127.0.0.1']) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await measure(engram, `${server.origin.replace('127.0.0.1', host)}${path}`));
      }
      const row = {
        page: path,
        watcher: host === '127.0.0.1',
        loadMs: median(runs.map((r) => r.load)),
        scrollMs: median(runs.map((r) => r.scroll)),
        steps: runs[0]?.steps ?? 0,
      };
      results.push(row);
      console.log(
        `${path.padEnd(26)}${String(row.watcher).padEnd(9)}${row.loadMs.toFixed(1).padStart(7)}` +
          `${row.scrollMs.toFixed(1).padStart(11)}${(row.scrollMs / Math.max(1, row.steps)).toFixed(2).padStart(20)}`,
      );
    }
  }
} finally {
  await engram.close();
  await server.close();
  profile.remove();
}
mkdirSync(resolve(ROOT, 'bench-results'), { recursive: true });
writeFileSync(
  resolve(ROOT, 'bench-results/glimpse-watch.json'),
  `${JSON.stringify(results, null, 2)}\n`,
);
