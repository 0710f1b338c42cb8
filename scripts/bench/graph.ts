/**
 * The graph page at scale (issue 14), in real Chromium with the fixtures build: a profile with
 * GRAPH_NODES entities and GRAPH_EDGES co-occurrence edges (tests/e2e/graph-seed.ts, written
 * straight into IndexedDB), then
 * - time to first drawing: navigation start → the first frame sigma drew with every node (the
 *   page's own clock: the `engram-graph-drawn` mark), split at `engram-graph-read` (the rows read
 *   and ranked), median of RUNS reloads;
 * - panning: the mouse drags the picture for PAN_STEPS moves while ForceAtlas2 still runs in its
 *   worker (as when a person starts looking), frame times from requestAnimationFrame (p50, p95,
 *   max, share over 16.7 and 33.3 ms).
 * Prints the figures and writes bench-results/graph.json.
 *
 *   npm run build:fixtures && npm run bench:graph     (GRAPH_NODES=10000 GRAPH_EDGES=50000)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { seedGraph, syntheticGraph } from '../../tests/e2e/graph-seed';
import { launchEngram, ROOT, tempProfile } from '../../tests/e2e/harness';
import { machineInfo } from './machine';

const NODES = Number(process.env.GRAPH_NODES ?? 10_000);
const EDGES = Number(process.env.GRAPH_EDGES ?? 50_000);
const RUNS = Number(process.env.GRAPH_RUNS ?? 3);
const PAN_STEPS = 240;
const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
};

async function openOnce(page: Page, url: string) {
  await page.goto(url);
  await page.waitForSelector('[data-testid="graph-canvas"][data-drawn]', { timeout: 180_000 });
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return {
      read: at('engram-graph-read'),
      drawn: at('engram-graph-drawn'),
      nodes: Number(document.querySelector('[data-drawn]')?.getAttribute('data-drawn')),
    };
  });
}

/** Drags across the picture; returns the frame times seen meanwhile, ms. */
async function panFrames(page: Page) {
  await page.evaluate(() => {
    const state = { frames: [] as number[], on: true };
    (globalThis as unknown as { panState: typeof state }).panState = state;
    let last = performance.now();
    const tick = (at: number) => {
      state.frames.push(at - last);
      last = at;
      if (state.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < PAN_STEPS; i++) {
    const angle = (i / PAN_STEPS) * 4 * Math.PI;
    await page.mouse.move(cx + 200 * Math.cos(angle), cy + 150 * Math.sin(angle));
  }
  await page.mouse.up();
  return page.evaluate(() => {
    const state = (globalThis as unknown as { panState: { frames: number[]; on: boolean } })
      .panState;
    state.on = false;
    return state.frames.slice(1);
  });
}

const profile = tempProfile();
const engram = await launchEngram(profile.dir);
try {
  const page = await engram.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  // tsx names inner functions with an `__name` helper the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  const url = `chrome-extension://${engram.extensionId}/graph.html`;
  await page.goto(url); // opens the database at the current version
  await page.getByTestId('graph-status').waitFor();
  const fillStart = Date.now();
  const data = syntheticGraph(NODES, EDGES, Date.now());
  await seedGraph(engram.sw, data);
  const fillMs = Date.now() - fillStart;
  console.log(`filled ${NODES} entities and ${data.edges.length} edges in ${fillMs} ms`);

  await openOnce(page, url); // warms the browser's caches once
  const opens = [];
  for (let i = 0; i < RUNS; i++) opens.push(await openOnce(page, url));
  const frames = await panFrames(page);

  const results = {
    benchmark: 'graph',
    date: new Date().toISOString(),
    machine: machineInfo(),
    browser: engram.context.browser()?.version() ?? 'chromium',
    entities: NODES,
    edges: data.edges.length,
    drawn_nodes: opens[0]?.nodes,
    fill_s: round(fillMs / 1000),
    first_drawing_ms: {
      median: round(median(opens.map((o) => o.drawn))),
      runs: opens.map((o) => round(o.drawn)),
      target: 1000,
    },
    rows_read_ms: { median: round(median(opens.map((o) => o.read))) },
    pan: {
      frames: frames.length,
      moves: PAN_STEPS,
      p50_ms: round(percentile(frames, 0.5)),
      p95_ms: round(percentile(frames, 0.95)),
      max_ms: round(Math.max(...frames)),
      over_16_7_ms: round(frames.filter((f) => f > 16.7).length / frames.length, 3),
      over_33_3_ms: round(frames.filter((f) => f > 33.3).length / frames.length, 3),
    },
    load_average_at_end: machineInfo().load_average_at_start,
  };
  console.log(JSON.stringify(results, null, 2));
  mkdirSync(resolve(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(resolve(ROOT, 'bench-results/graph.json'), `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await engram.close();
  profile.remove();
}
