/* global crypto, navigator, indexedDB -- evaluated in the extension page */
/**
 * Does Chromium honour CDP `Storage.overrideQuotaForOrigin` for an extension's origin
 * (chrome-extension://ID)? Loads a copy of a build without `unlimitedStorage`, sets a tiny quota for
 * the extension's origin, and writes to IndexedDB from an extension page until a write fails.
 * Prints what `navigator.storage.estimate()` says and whether a QuotaExceededError came.
 * Usage: node scripts/probe-extension-quota.mjs [dist] (default dist/chrome-fixtures).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const dist = resolve(process.argv[2] ?? 'dist/chrome-fixtures');
const work = mkdtempSync(join(tmpdir(), 'engram-quota-'));
const copy = join(work, 'dist');
cpSync(dist, copy, { recursive: true });
const manifestPath = join(copy, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
manifest.permissions = manifest.permissions.filter((p) => p !== 'unlimitedStorage');
writeFileSync(manifestPath, JSON.stringify(manifest));

const context = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    `--disable-extensions-except=${copy}`,
    `--load-extension=${copy}`,
  ],
});
try {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  const origin = `chrome-extension://${id}`;
  const page = await context.newPage();
  await page.goto(`${origin}/settings.html`);
  const cdp = await context.newCDPSession(page);
  const quotaSize = 2 * 1024 * 1024;
  const override = await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize }).then(
    () => 'accepted',
    (e) => `refused: ${e.message}`,
  );
  const usage = await cdp
    .send('Storage.getUsageAndQuota', { origin })
    .catch((e) => ({ error: e.message }));
  const result = await page.evaluate(async () => {
    const estimate = await navigator.storage.estimate();
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open('quota-probe', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('blobs');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    // Random bytes: IndexedDB's store compresses, so repeated text would take almost no room.
    const chunk = () => {
      const bytes = new Uint8Array(512 * 1024);
      for (let at = 0; at < bytes.length; at += 65_536) {
        crypto.getRandomValues(bytes.subarray(at, at + 65_536));
      }
      return bytes;
    };
    let written = 0;
    let error = null;
    for (let i = 0; i < 40 && !error; i++) {
      error = await new Promise((ok) => {
        const tx = db.transaction('blobs', 'readwrite');
        tx.objectStore('blobs').put(chunk(), i);
        tx.oncomplete = () => ok(null);
        tx.onabort = () => ok(`${tx.error?.name}: ${tx.error?.message}`);
      });
      if (!error) written++;
    }
    return { estimate, written, error, after: await navigator.storage.estimate() };
  });
  console.log(JSON.stringify({ origin, override, usage, ...result }, null, 2));
} finally {
  await context.close();
  rmSync(work, { recursive: true, force: true });
}
