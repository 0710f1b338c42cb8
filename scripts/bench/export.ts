/**
 * Export and import at scale, in real Chromium with the fixtures build (issue 12): a synthetic
 * export of SOURCES sources (default 50,000) is imported through the settings page's file input,
 * then exported twice — through the download path (Blob parts) and through a File System Access
 * writable (the save picker's path, given an OPFS file because a headless run cannot answer the
 * picker). Throughput, and the settings page's peak JS heap (CDP `Runtime.getHeapUsage`, sampled
 * every 100 ms) against its heap before each step. The engine's indexing of what was imported
 * runs meanwhile (at the bulk pace), on the same main thread as the settings page, as it would
 * for a user. The exported body must equal the imported one
 * (the round trip). Prints a table and writes bench-results/export.json.
 *
 *   npm run bench:export            (after npm run build:fixtures)
 *   SOURCES=5000 npm run bench:export
 */
import { createWriteStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import type { CDPSession, Page } from 'playwright-core';
import { launchEngram, ROOT, storedModels, tempProfile, waitFor } from '../../tests/e2e/harness';
import { syntheticExportLines } from '../../tests/export/synthetic-export';
import { machineInfo } from './machine';

const SOURCES = Number(process.env.SOURCES ?? 50_000);
const MB = 1024 * 1024;
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

/** The page's peak JS heap while `work` runs, above the heap before it, in MB. */
async function heapPeak<T>(cdp: CDPSession, work: () => Promise<T>) {
  await cdp.send('HeapProfiler.collectGarbage');
  const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
      await new Promise((done) => setTimeout(done, 100));
    }
  })();
  const started = performance.now();
  const value = await work();
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  return {
    value,
    seconds,
    heapBeforeMb: round(before / MB),
    heapPeakAboveMb: round((peak - before) / MB),
  };
}

const profile = tempProfile();
const file = join(profile.dir, 'synthetic.jsonl');
const out = createWriteStream(file);
for (const chunk of syntheticExportLines(SOURCES)) {
  if (!out.write(chunk)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
const fileMb = statSync(file).size / MB;
const input = readFileSync(file, 'utf8');
const body = (text: string) => text.slice(text.indexOf('\n') + 1);

const engram = await launchEngram(join(profile.dir, 'profile'));
try {
  const page: Page = await engram.context.newPage();
  await page.goto(`chrome-extension://${engram.extensionId}/settings.html`);
  await page.getByTestId('data-settings').waitFor();
  // Extension pages share one main thread with the engine's document: let it load its models
  // first, or the import measures the engine's start as much as itself.
  await waitFor(
    'the engine to load its models',
    async () => {
      const models = await storedModels(engram);
      return models.length >= 2 && models.every((m) => m.state === 'ready') ? true : undefined;
    },
    120_000,
  );
  await new Promise((done) => setTimeout(done, 3_000));
  const cdp = await engram.context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');

  const imported = await heapPeak(cdp, async () => {
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-done').waitFor({ timeout: 15 * 60_000 });
  });

  // The download path: each chunk a Blob, the file a Blob of them, saved by a link.
  await page.evaluate(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  const download = await heapPeak(cdp, async () => {
    const [event] = await Promise.all([
      page.waitForEvent('download', { timeout: 15 * 60_000 }),
      page.getByTestId('export-jsonl').click(),
    ]);
    const path = join(profile.dir, 'download.jsonl');
    await event.saveAs(path);
    return path;
  });
  const exported = readFileSync(download.value, 'utf8');
  const roundTrip = body(exported) === body(input);

  // The save picker's path: a FileSystemWritableFileStream (on an OPFS file here).
  await page.evaluate(() => {
    (window as { showSaveFilePicker?: unknown }).showSaveFilePicker = async () =>
      (await navigator.storage.getDirectory()).getFileHandle('bench.jsonl', { create: true });
  });
  const writable = await heapPeak(cdp, async () => {
    await page.getByTestId('export-jsonl').click();
    await waitFor(
      'the export to the writable',
      () =>
        page.evaluate(async () => {
          if (!document.querySelector('[data-testid="export-done"]')) return undefined;
          const handle = await (
            await navigator.storage.getDirectory()
          ).getFileHandle('bench.jsonl');
          return (await handle.getFile()).size;
        }),
      15 * 60_000,
    );
  });

  const rows = [
    { step: 'import (check + write)', ...imported },
    { step: 'export, download (Blob parts)', ...download },
    { step: 'export, File System Access writable', ...writable },
  ].map(({ step, seconds, heapBeforeMb, heapPeakAboveMb }) => ({
    step,
    seconds: round(seconds),
    sources_per_s: Math.round(SOURCES / seconds),
    mb_per_s: round(fileMb / seconds),
    heap_before_mb: heapBeforeMb,
    heap_peak_above_mb: heapPeakAboveMb,
  }));
  console.log(`${SOURCES} sources, file ${round(fileMb)} MB; round trip identical: ${roundTrip}`);
  console.table(rows);
  mkdirSync(resolve(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(
    resolve(ROOT, 'bench-results/export.json'),
    `${JSON.stringify({ machine: machineInfo(), sources: SOURCES, file_mb: round(fileMb), round_trip_identical: roundTrip, rows }, null, 2)}\n`,
  );
} finally {
  await engram.close();
  profile.remove();
}
