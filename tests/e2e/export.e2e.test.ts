/**
 * Export and import in real Chromium (issue 12), with the fixtures build:
 * - a page saved in one profile is exported from the settings page ("Your data", a real download);
 * - the file is imported into a NEW profile through the settings page's file input, the engine
 *   indexes what arrived, and the real popup answers a question citing the imported page;
 * - a bad file (a wrong field type on its last record) shows its line and problem, and nothing of
 *   it is imported.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  askInPopup,
  clickContextMenu,
  finishedAnswer,
  launchEngram,
  RealPopup,
  ROOT,
  serveFolder,
  storedSources,
  tempProfile,
  waitFor,
  type Engram,
} from './harness';
import { ALLOW_LOCAL, setSiteRules } from './site-rules';

const PAGES = resolve(ROOT, 'tests/fixtures/e2e-pages');
const PEANUTS = 'Babies Who Eat Peanuts Early May Avoid Allergy';
const QUESTION = 'Should babies eat peanuts early to avoid a peanut allergy?';

/** The settings page, with the download path for saving (no save picker in a headless run). */
async function settingsPage(engram: Engram): Promise<Page> {
  const page = await engram.context.newPage();
  await page.goto(`chrome-extension://${engram.extensionId}/settings.html`);
  await page.getByTestId('data-settings').waitFor();
  return page;
}

describe('export and import', () => {
  const first = tempProfile();
  const second = tempProfile();
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let engram: Engram;
  let exported = '';
  let peanutsId = '';

  beforeAll(async () => {
    server = await serveFolder(PAGES);
    engram = await launchEngram(first.dir);
    await setSiteRules(engram, ALLOW_LOCAL);
  });

  afterAll(async () => {
    await engram?.close();
    await server?.close();
    first.remove();
    second.remove();
  });

  test('the settings page exports the memory as a JSON Lines download', async () => {
    const page = await engram.context.newPage();
    await page.goto(`${server.origin}/webmd-1/source.html`, { waitUntil: 'domcontentloaded' });
    await clickContextMenu(engram, page.url(), { menuItemId: 'save-page' });
    const source = await waitFor('the peanut page to be indexed', async () =>
      (await storedSources(engram)).find(
        (s) => s.title.includes(PEANUTS) && s.status === 'indexed',
      ),
    );
    peanutsId = source.id;

    const settings = await settingsPage(engram);
    // Chromium has a save picker, which a headless run cannot answer: take the download path,
    // as a browser without File System Access does.
    await settings.evaluate(() => {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    });
    const [download] = await Promise.all([
      settings.waitForEvent('download'),
      settings.getByTestId('export-jsonl').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^engram-\d{4}-\d\d-\d\d\.jsonl$/);
    const path = join(first.dir, 'export.jsonl');
    await download.saveAs(path);
    exported = readFileSync(path, 'utf8');
    await settings.getByTestId('export-done').waitFor();
    const lines = exported.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'engram-export', version: 1 });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ type: 'end', counts: { source: 1 } });
    expect(exported).toContain(`"id":"${peanutsId}"`);
    await engram.close();
  });

  test('a new profile imports it, indexes it, and the popup answers citing the imported page', async () => {
    engram = await launchEngram(second.dir);
    expect(await storedSources(engram)).toEqual([]);
    const path = join(second.dir, 'import.jsonl');
    writeFileSync(path, exported);
    const settings = await settingsPage(engram);
    await settings.getByTestId('import-file').setInputFiles(path);
    await expect(settings.getByTestId('import-done').textContent()).resolves.toMatch(/1 new/);
    // The indexing of what arrived shows under it, and ends in the finished line.
    const indexing = settings.getByTestId('import-indexing');
    await indexing.waitFor({ timeout: 30_000 });
    await waitFor(
      'the import’s indexing line to say all is indexed',
      async () => (await indexing.getAttribute('data-state')) === 'finished',
      120_000,
    );
    expect(await indexing.textContent()).toBe('Imported 1 new; all indexed.');
    expect(
      (await storedSources(engram)).find((s) => s.id === peanutsId && s.status === 'indexed'),
    ).toBeDefined();
    const page = await engram.context.newPage();
    await page.goto(`${server.origin}/ehow-1/source.html`, { waitUntil: 'domcontentloaded' });
    const popup = await RealPopup.open(engram, page);
    await askInPopup(popup, QUESTION);
    const answer = await finishedAnswer(popup, 1);
    expect(answer.status).toBe('done');
    expect(answer.citations.map((c) => c.sourceId)).toContain(peanutsId);
    await popup.close();
  });

  test('a bad file shows its line and problem, and nothing of it is imported', async () => {
    const before = await storedSources(engram);
    const lines = exported.trimEnd().split('\n');
    // A new source (its id changed) and, further down, a wrong type in a record's field.
    const source = lines.findIndex((l) => l.includes('"type":"source"'));
    lines[source] = lines[source]!.replace(peanutsId, 'src_0000000000000000000000000000beef');
    lines.splice(-1, 0, '{"type":"conversation","id":"c1","title":7,"createdAt":1,"updatedAt":1}');
    const path = join(second.dir, 'bad.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const settings = await settingsPage(engram);
    await settings.getByTestId('import-file').setInputFiles(path);
    const error = await settings.getByTestId('import-error').textContent();
    expect(error).toContain('Nothing was imported.');
    expect(error).toContain(`Line ${lines.length - 1}:`);
    expect(error).toContain('conversation.title: expected string, received number');
    expect(await storedSources(engram)).toEqual(before);
  });
});
