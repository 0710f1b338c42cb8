/**
 * The benchmarks that need the real extension in Debian Chromium (the fixtures build, models
 * packaged): engine cold start (offscreen document created → embedding model ready, from the
 * engine's own clock) and capture → searchable (the real shortcut pressed on a real corpus page →
 * the page found by a dense query, polled every POLL_MS through `engine/search`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import {
  launchEngram,
  pressRememberShortcut,
  serveFolder,
  serviceWorker,
  storedSources,
  tempProfile,
  type Engram,
} from '../../tests/e2e/harness';
import { askEngine } from '../../tests/e2e/engine-messages';
import { ALLOW_LOCAL, setSiteRules } from '../../tests/e2e/site-rules';
import type { EngineStatus } from '../../src/shared/protocol';
import { percentile, round } from './measure';

const POLL_MS = 25;
const MIN_ARTICLE_CHARS = 2_000;

const engineStatus = (sw: Worker) => askEngine<EngineStatus>(sw, 'engine/status', {});

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 60_000) {
  const start = Date.now();
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() - start > ms) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export interface ColdStart {
  runs: number;
  /** createDocument called → the embedder ready, by the engine's clock. */
  p50_ms: number;
  max_ms: number;
  samples_ms: number[];
  /** Median ms from createDocument to the end of each step of the engine's start. */
  phases_p50_ms: Record<string, number>;
}

/** Close the engine document and create it again, `runs` times. */
async function coldStarts(engram: Engram, runs: number): Promise<ColdStart> {
  const samples: number[] = [];
  const phases: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    const sw = await serviceWorker(engram);
    const createdAt = await sw.evaluate(async () => {
      const url = chrome.runtime.getURL('offscreen.html');
      const open = await chrome.runtime.getContexts({ documentUrls: [url] });
      if (open.length > 0) await chrome.offscreen.closeDocument();
      const at = Date.now();
      await chrome.offscreen.createDocument({
        url: 'offscreen.html',
        reasons: [chrome.offscreen.Reason.WORKERS],
        justification: 'Runs the on-device models and the search index of your memory.',
      });
      return at;
    });
    const timings = await until('the embedder after a cold start', async () => {
      const { timings } = await engineStatus(sw);
      return timings?.embedderReadyAt === undefined ? undefined : timings;
    });
    samples.push(timings.embedderReadyAt! - createdAt);
    const steps = { 'document started': timings.documentStartedAt, ...timings.phases };
    for (const [phase, at] of Object.entries(steps)) (phases[phase] ??= []).push(at - createdAt);
  }
  return {
    runs,
    p50_ms: round(percentile(samples, 0.5), 0),
    max_ms: round(Math.max(...samples), 0),
    samples_ms: samples.map((s) => round(s, 0)),
    phases_p50_ms: Object.fromEntries(
      Object.entries(phases).map(([phase, times]) => [phase, round(percentile(times, 0.5), 0)]),
    ),
  };
}

export interface CaptureLatency {
  pages: number;
  found: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  poll_ms: number;
  /** Pages not found by the dense query within the time limit, and why. */
  not_found: string[];
}

/** The article Readability expects from a page, as plain text. */
const articleOf = (dir: string): string =>
  readFileSync(join(dir, 'expected.html'), 'utf8')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ');

/** A sentence from the page's expected article: the dense query that should find it. */
function queryFor(text: string): string | undefined {
  const sentence = text
    .split(/(?<=[.!?])\s+/)
    .find((s) => s.split(' ').length >= 8 && /^[\x20-\x7e]+$/.test(s));
  return sentence?.slice(0, 300);
}

async function captureLatency(
  engram: Engram,
  corpus: string,
  pageCount: number,
): Promise<CaptureLatency> {
  // Real articles (the corpus also holds tiny parser tests, several with the same text, which
  // Engram rightly keeps as one source), in English (the fixture embedder's only language).
  const seen = new Set<string>();
  const pages = readdirSync(corpus)
    .filter((name) => existsSync(join(corpus, name, 'source.html')))
    .flatMap((name) => {
      const text = articleOf(join(corpus, name));
      const query = queryFor(text);
      if (text.length < MIN_ARTICLE_CHARS || !query || seen.has(query)) return [];
      seen.add(query);
      return [{ name, query }];
    })
    .slice(0, pageCount);
  const server = await serveFolder(corpus);
  const samples: number[] = [];
  const notFound: string[] = [];
  let page: Page | undefined;
  try {
    for (const { name, query } of pages) {
      page = await engram.context.newPage();
      await page.goto(`${server.origin}/${name}/source.html`, { waitUntil: 'load' });
      const sw = await serviceWorker(engram);
      const before = await sw.evaluate(() => Date.now());
      await pressRememberShortcut(page);
      const pressedAt = Date.now();
      try {
        await until(
          `${name} found by a dense query`,
          async () => {
            const { sourceIds } = await askEngine<{ sourceIds: string[] }>(sw, 'engine/search', {
              query,
              mode: 'dense',
              limit: 10,
            });
            const sources = await sw.evaluate(
              async ({ ids, before }) => {
                const open = indexedDB.open('engram');
                const db = await new Promise<IDBDatabase>((resolve, reject) => {
                  open.onsuccess = () => resolve(open.result);
                  open.onerror = () => reject(open.error ?? new Error('open failed'));
                });
                const store = db.transaction('sources').objectStore('sources');
                const rows = await Promise.all(
                  ids.map(
                    (id) =>
                      new Promise<{ url: string; lastSeenAt: number } | undefined>((resolve) => {
                        const get = store.get(id);
                        get.onsuccess = () =>
                          resolve(get.result as { url: string; lastSeenAt: number } | undefined);
                        get.onerror = () => resolve(undefined);
                      }),
                  ),
                );
                db.close();
                return rows.filter((r) => r && r.lastSeenAt >= before).map((r) => r!.url);
              },
              { ids: sourceIds, before },
            );
            return sources.some((url) => url.includes(`/${name}/`)) ? true : undefined;
          },
          30_000,
        );
        samples.push(Date.now() - pressedAt);
      } catch {
        // Say why: never stored (the capture failed), or stored but not found by this query.
        const stored = (await storedSources(engram)).find((s) => s.url.includes(`/${name}/`));
        notFound.push(
          `${name}: ${stored ? `stored (${stored.status}), not in the dense top 10` : 'not stored'}`,
        );
      }
      await page.close();
      page = undefined;
    }
  } finally {
    await page?.close().catch(() => undefined);
    await server.close();
  }
  return {
    pages: pages.length,
    found: samples.length,
    p50_ms: round(percentile(samples, 0.5), 0),
    p95_ms: round(percentile(samples, 0.95), 0),
    max_ms: round(Math.max(...samples), 0),
    poll_ms: POLL_MS,
    not_found: notFound,
  };
}

export interface ChromiumResults {
  embedding_model: string;
  runtime: EngineStatus['runtime'];
  cold_start: ColdStart;
  capture_to_searchable: CaptureLatency;
}

export async function benchInChromium(
  dist: string,
  corpus: string,
  pageCount: number,
  coldRuns: number,
): Promise<ChromiumResults> {
  const profile = tempProfile();
  const engram = await launchEngram(profile.dir, dist);
  try {
    const sw = await serviceWorker(engram);
    const status = await until('the engine and its embedder', async () => {
      const s = await engineStatus(sw);
      return s.embedder.state === 'ready' ? s : undefined;
    });
    // Corpus pages are served from 127.0.0.1, which the default blocklist keeps out.
    await setSiteRules(engram, ALLOW_LOCAL);
    const cold_start = await coldStarts(engram, coldRuns);
    const capture_to_searchable = await captureLatency(engram, corpus, pageCount);
    return {
      embedding_model: status.embedder.model,
      runtime: status.runtime,
      cold_start,
      capture_to_searchable,
    };
  } finally {
    await engram.close();
    profile.remove();
  }
}
