/**
 * A burst of captures through the real capture path while the engine and the service worker are
 * stopped at seeded random moments (issue 12, "losing nothing"), then an account of what was kept:
 * shared by tests/e2e/kills.e2e.test.ts (20 kills) and scripts/soak/kills.ts (100).
 *
 * One capture in five is the popup's Save (`capture/active-tab` from an extension page), on pages
 * served under a public-looking host name with host access to it, as granted for automatic
 * capture: the service worker injects the content script, extracts, stores (stage 1), notifies
 * and wakes the engine. A capture whose reply never came (the worker was stopped under it) is
 * pressed again, as a person would; the same text is the same source, so that must not make a
 * second one. The others are notes typed into the chat ("remember …", `chat/ask` from the same
 * page), the capture path that reads no tab: on this machine (2 cores, shared) a capture in a tab
 * takes about a second, so 200 of them would not fit the test's time. A note whose reply never
 * came is sent again too.
 *
 * Kills: the engine's offscreen document is closed through CDP (`Target.closeTarget`), as a crash
 * or the browser's memory pressure would end it; the service worker is stopped with
 * `ServiceWorker.stopAllWorkers`, as Chrome stops an idle or misbehaving worker.
 */
import { createServer } from 'node:http';
import type { Page } from 'playwright-core';
import { chunkText } from '../../src/core/text/chunk';
import { mulberry32 } from '../../scripts/eval/stats';
import { launchEngram, serviceWorker, tempProfile, waitFor, type Engram } from './harness';
import { distWithAccess } from './host-access';

const HOST = 'news.kill-test.example.com';
const TABS = 4;
/** Every fifth capture is made in a tab; the rest are notes. */
const REAL_EVERY = 5;

export interface BurstOptions {
  captures: number;
  kills: number;
  seed: number;
  /** How long to wait for everything to be indexed after the burst. */
  settleMs?: number;
  log?: (line: string) => void;
}

export interface BurstReport {
  captures: number;
  kills: { engine: number; worker: number };
  /** Captures pressed again because no reply came. */
  pressedAgain: number;
  /** Markers with no indexed source, or a source not (or wrongly) indexed. */
  lost: string[];
  /** Markers held by more than one source, or a source with chunks twice. */
  duplicated: string[];
  jobsLeft: number;
  /** Markers a keyword search does not find as exactly their own source. */
  searchMisses: string[];
  /** Chunk rows, and chunks in the engine's index: equal when nothing is indexed twice. */
  chunkRows: number;
  indexChunks: number;
  burstSeconds: number;
  settleSeconds: number;
}

/** A word of letters only (one keyword token) that names page `n`. */
export const markerOf = (n: number): string =>
  `kill${[...String(n).padStart(4, '0')].map((d) => 'abcdefghij'[Number(d)]).join('')}mark`;

const paragraphsOf = (n: number): string[] => {
  const marker = markerOf(n);
  return [
    `Field note ${n} describes the ${marker} specimen found near the river bend in early spring.`,
    `The ${marker} specimen has a pale shell, ridged along its length, and was found under wet stones.`,
    'Observers recorded the water temperature, the light, and the time of day for every find.',
    `A second visit confirmed the ${marker} colony had grown, with new shells along the bank.`,
  ];
};

function pageHtml(n: number): string {
  const paragraphs = paragraphsOf(n);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Field note ${n}</title></head>
<body><article><h1>Field note ${n}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

async function servePages(): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const n = /^\/note\/(\d+)$/.exec(req.url ?? '')?.[1];
    if (n === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(+n));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The page server has no address');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

type Reply = { ok: boolean; value?: unknown; error?: string };

/** A protocol message from the driver page (an extension page, as the popup is). */
const send = (page: Page, target: string, type: string, payload: unknown): Promise<Reply> =>
  page.evaluate(
    ([target, type, payload]) =>
      chrome.runtime
        .sendMessage<object, Reply | undefined>({ engram: 1, target, type, payload })
        // A worker stopped mid-message answers nothing at all, or an error.
        .then((reply) => reply ?? { ok: false, error: 'no reply' })
        .catch((error: unknown) => ({ ok: false, error: String(error) })),
    [target, type, payload] as const,
  );

interface Row {
  id: string;
  text: string;
  status: string;
  sourceId: string;
  ord: number;
}

/** Every row of the sources, chunks and jobs, read in the driver page (no service worker needed). */
const readTables = (page: Page): Promise<{ sources: Row[]; chunks: Row[]; jobs: Row[] }> =>
  page.evaluate(
    (tables) =>
      new Promise<{ sources: Row[]; chunks: Row[]; jobs: Row[] }>((done, fail) => {
        const open = indexedDB.open('engram');
        open.onerror = () => fail(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const database = open.result;
          const tx = database.transaction(tables);
          const out = { sources: [] as Row[], chunks: [] as Row[], jobs: [] as Row[] };
          for (const name of tables) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => (out[name] = all.result as Row[]);
          }
          tx.oncomplete = () => {
            database.close();
            done(out);
          };
          tx.onerror = () => fail(tx.error ?? new Error('read failed'));
        };
      }),
    ['sources', 'chunks', 'jobs'] as const,
  );

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function killBurst(options: BurstOptions): Promise<BurstReport> {
  const log = options.log ?? (() => undefined);
  const rand = mulberry32(options.seed);
  const profile = tempProfile();
  const dist = distWithAccess([`http://${HOST}/*`]);
  const server = await servePages();
  let engram: Engram | undefined;
  try {
    engram = await launchEngram(profile.dir, dist.dir, {
      args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
    });
    const { context, extensionId } = engram;
    await context.unrouteAll();
    await context.route(
      (url) => /^https?:$/.test(url.protocol) && url.hostname !== HOST,
      (route) => route.abort(),
    );
    const driver = await context.newPage();
    await driver.goto(`chrome-extension://${extensionId}/settings.html`);
    const workerStopper = await context.newCDPSession(driver);
    await workerStopper.send('ServiceWorker.enable');
    const browser = await context.browser()!.newBrowserCDPSession();
    const engineDocument = `chrome-extension://${extensionId}/offscreen.html`;
    await waitFor(
      'the engine to start',
      async () => (await send(driver, 'background', 'engine/ensure', {})).ok,
    );

    const tabs = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));
    const origin = `http://${HOST}:${server.port}`;
    let done = 0;
    let pressedAgain = 0;

    const capture = async (tab: Page, n: number): Promise<void> => {
      const url = `${origin}/note/${n}`;
      const began = Date.now();
      await tab.goto(url, { waitUntil: 'domcontentloaded' });
      let press = 0;
      for (; ; press++) {
        const tabId = await driver.evaluate(
          async (url) => (await chrome.tabs.query({ url }))[0]?.id,
          url,
        );
        const reply = await send(driver, 'background', 'capture/active-tab', { tabId });
        if (reply.ok) break;
        if (press >= 20) throw new Error(`capture ${n} failed ${press + 1} times: ${reply.error}`);
        pressedAgain++;
        await sleep(100 + 200 * rand());
      }
      done++;
      log(`capture ${n} kept after ${press + 1} press(es), ${Date.now() - began} ms`);
    };

    // Kill points: after a seeded count of captures each, plus a seeded delay.
    const points = Array.from({ length: options.kills }, () =>
      Math.floor(rand() * options.captures),
    ).sort((a, b) => a - b);
    const kills = { engine: 0, worker: 0 };
    const killEngine = async (): Promise<boolean> => {
      const { targetInfos } = await browser.send('Target.getTargets');
      const target = targetInfos.find((t) => t.url === engineDocument);
      if (!target) return false;
      // It may have gone meanwhile (closed a moment ago, reloading): then it was not a kill.
      return browser.send('Target.closeTarget', { targetId: target.targetId }).then(
        () => true,
        () => false,
      );
    };
    const killer = (async () => {
      for (const point of points) {
        while (done < point) await sleep(20);
        await sleep(400 * rand());
        // The engine may be down already (killed a moment ago, not yet started again): then the
        // worker is stopped instead, so every kill stops something.
        if (rand() < 0.5 && (await killEngine())) kills.engine++;
        else {
          await workerStopper.send('ServiceWorker.stopAllWorkers');
          kills.worker++;
        }
        log(`kill ${kills.engine + kills.worker} after ${done} captures`);
      }
    })();

    // The notes, one at a time, as fast as the worker takes them.
    const notes = async () => {
      for (let n = 0; n < options.captures; n++) {
        if (n % REAL_EVERY === 0) continue;
        const question = `remember ${paragraphsOf(n).join(' ')}`;
        for (let press = 0; ; press++) {
          const reply = await send(driver, 'background', 'chat/ask', { question });
          if (reply.ok) break;
          if (press >= 20) throw new Error(`note ${n} failed ${press + 1} times: ${reply.error}`);
          pressedAgain++;
          await sleep(100 + 200 * rand());
        }
        done++;
      }
    };

    const started = Date.now();
    let next = 0;
    await Promise.all([
      notes(),
      ...tabs.map(async (tab) => {
        for (let n = next; n < options.captures; n = next) {
          next += REAL_EVERY;
          await capture(tab, n);
        }
      }),
    ]);
    await killer;
    const burstSeconds = (Date.now() - started) / 1000;
    log(`burst: ${options.captures} captures in ${burstSeconds.toFixed(1)} s`);

    // The burst is over and the user steps away (headless Chromium has no input to tell). Jobs
    // queued over a minute ago are bulk work, which waits while the user is active (one step in
    // 20 s: indexing-pace.ts); a slow burst leaves many such jobs, none of them lost.
    const worker = await serviceWorker(engram);
    await worker.evaluate(() => {
      chrome.idle.queryState = () => Promise.resolve('idle');
      const event = chrome.idle.onStateChanged as unknown as { dispatch(state: string): void };
      event.dispatch('idle');
    });

    // Everything indexed and the queue empty, with no further help from the test.
    const settled = Date.now();
    await waitFor(
      'every capture to be indexed',
      async () => {
        const { sources, jobs } = await readTables(driver);
        return (
          jobs.length === 0 &&
          sources.length >= options.captures &&
          sources.every((s) => s.status === 'indexed')
        );
      },
      options.settleMs ?? 90_000,
    ).catch((error: unknown) => log(String(error)));
    const settleSeconds = (Date.now() - settled) / 1000;

    const { sources, chunks, jobs } = await readTables(driver);
    const lost: string[] = [];
    const duplicated: string[] = [];
    const searchMisses: string[] = [];
    await waitFor(
      'the engine to answer',
      async () => (await send(driver, 'background', 'engine/ensure', {})).ok,
    );
    for (let n = 0; n < options.captures; n++) {
      const marker = markerOf(n);
      const holding = sources.filter((s) => s.text.includes(marker));
      if (holding.length > 1) duplicated.push(marker);
      const source = holding[0];
      if (!source || source.status !== 'indexed') {
        lost.push(marker);
        continue;
      }
      const ords = chunks.filter((c) => c.sourceId === source.id).map((c) => c.ord);
      const expected = chunkText(source.text).length;
      if (ords.length < expected) lost.push(marker);
      if (ords.length > expected || new Set(ords).size !== ords.length) duplicated.push(marker);
      const found = await send(driver, 'engine', 'engine/search', {
        query: marker,
        mode: 'keyword',
        limit: 5,
      });
      const ids = (found.value as { sourceIds?: string[] } | undefined)?.sourceIds ?? [];
      if (ids.length !== 1 || ids[0] !== source.id) searchMisses.push(marker);
    }
    const status = await send(driver, 'engine', 'engine/status', {});
    return {
      captures: options.captures,
      kills,
      pressedAgain,
      lost,
      duplicated,
      jobsLeft: jobs.length,
      searchMisses,
      chunkRows: chunks.length,
      indexChunks: (status.value as { chunks?: number } | undefined)?.chunks ?? -1,
      burstSeconds,
      settleSeconds,
    };
  } finally {
    await engram?.close().catch(() => undefined);
    await server.close();
    profile.remove();
    dist.remove();
  }
}
