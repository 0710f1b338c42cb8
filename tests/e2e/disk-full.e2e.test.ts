/**
 * A full disk in real Chromium (issue 12). A copy of the fixtures build without
 * `unlimitedStorage` is given a tiny quota for its origin with CDP
 * `Storage.overrideQuotaForOrigin` (honoured for chrome-extension:// origins: see
 * scripts/probe-extension-quota.mjs). Pages are saved with the real shortcut until a write is
 * refused: the flag is set, the library says so, the refused page left no byte in any object store,
 * and with the quota raised a page saved by hand is written and the flag clears.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  FIXTURE_DIST,
  launchEngram,
  pressRememberShortcut,
  storedSources,
  tempProfile,
  waitFor,
  type Engram,
} from './harness';
import { dumpStorage, markerIn } from './storage-dump';

const HOST = 'almanac.example-site.org';
/** Words that do not compress away: IndexedDB's store compresses what it writes. */
const noise = (n: number) =>
  Array.from({ length: n }, () => Math.random().toString(36).slice(2, 10)).join(' ');
const marker = (i: number) => `fullmark${i}q${crypto.randomUUID().slice(0, 8)}`;
const markers = Array.from({ length: 40 }, (_, i) => marker(i));

function pageHtml(i: number): string {
  const m = markers[i]!;
  const paragraphs = Array.from({ length: 12 }, () => `<p>${m} ${noise(1_500)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>Almanac ${m}</title></head><body><article><h1>Almanac ${m}</h1>${paragraphs}</article></body></html>`;
}

let server: Server;
let port: number;
let engram: Engram;
let library: Page;
let cdp: CDPSession;
let origin: string;
const profile = tempProfile();

beforeAll(async () => {
  server = createServer((req, res) => {
    const i = Number(/\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(i));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as { port: number }).port;
  // The build without unlimitedStorage: with it, the origin's quota is not enforced.
  const dist = join(profile.dir, 'dist');
  cpSync(FIXTURE_DIST, dist, { recursive: true });
  const manifestPath = join(dist, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { permissions: string[] };
  manifest.permissions = manifest.permissions.filter((p) => p !== 'unlimitedStorage');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  engram = await launchEngram(join(profile.dir, 'profile'), dist, {
    args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
  await engram.context.route(
    (url) => url.hostname === HOST,
    (route) => route.continue(),
  );
  origin = `chrome-extension://${engram.extensionId}`;
  library = await engram.context.newPage();
  await library.goto(`${origin}/library.html`);
  cdp = await engram.context.newCDPSession(library);
}, 60_000);

afterAll(async () => {
  await engram?.close();
  server?.close();
  profile.remove();
});

const diskFullFlag = () =>
  engram.sw.evaluate(async () => (await chrome.storage.local.get('engramDiskFull')).engramDiskFull);

async function save(i: number): Promise<void> {
  const tab = await engram.context.newPage();
  await tab.goto(`http://${HOST}:${port}/${i}`, { waitUntil: 'domcontentloaded' });
  await pressRememberShortcut(tab);
  // The capture is stored or refused within a few seconds; the next press waits for it.
  await waitFor(
    `page ${i} to be stored or refused`,
    async () =>
      (await storedSources(engram)).some((s) => s.title.includes(markers[i]!)) ||
      (await diskFullFlag()) !== undefined,
    20_000,
  );
  await tab.close();
}

test('a write refused for lack of space: told, nothing half-written, and back with space', async () => {
  const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 400_000 });
  let refused = -1;
  for (let i = 0; i < markers.length - 1 && refused < 0; i++) {
    await save(i);
    if ((await diskFullFlag()) !== undefined) refused = i;
  }
  expect(refused).toBeGreaterThanOrEqual(0);
  // The library says so.
  await library.getByTestId('disk-full').waitFor({ timeout: 10_000 });
  // The refused page: no byte of it in any object store (the capture's transaction was undone).
  const dump = await dumpStorage(library);
  const stored = (await storedSources(engram)).map((s) => s.title);
  const lost = markers.slice(0, refused + 1).filter((m) => !stored.some((t) => t.includes(m)));
  // The shortcut's write itself was refused (not only the engine's indexing after it).
  expect(lost.length).toBeGreaterThan(0);
  for (const m of lost) expect(markerIn(dump, m)).toEqual([]);
  console.log(
    `disk-full e2e: refused at page ${refused}, ${stored.length} kept, ${lost.length} lost`,
  );
  // Room again: a page saved by hand is written, and the flag and the banner go.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1024 ** 3 });
  const last = markers.length - 1;
  await save(last);
  await waitFor(
    'the page saved with space back',
    async () => (await storedSources(engram)).some((s) => s.title.includes(markers[last]!)),
    20_000,
  );
  await waitFor('the flag to clear', async () => (await diskFullFlag()) === undefined, 10_000);
  await library.getByTestId('disk-full').waitFor({ state: 'detached', timeout: 10_000 });
}, 300_000);
