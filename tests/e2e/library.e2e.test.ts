/**
 * The library page (issue 12) in real Chromium with the fixtures build: opened from the popup's
 * header (and from the settings page), it lists what is kept; search (the engine's hybrid
 * retrieval over really indexed pages) and filters narrow it, PDFs and transcripts included; an
 * item's page shows the text with the parts read marked, opens the original at the passage,
 * names the conversations that cited it, renames it and keeps a note; a failed source is retried
 * and indexed; one source, a selection and a site are forgotten, and a walk with the keyboard
 * only ends by forgetting a time range ("the last hour"), each confirmed; what a filter or a
 * search shows is exported (JSON Lines and the Markdown zip, real downloads).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { askEngine } from './engine-messages';
import {
  askInPopup,
  finishedAnswer,
  launchEngram,
  putSetting,
  RealPopup,
  readTable,
  tempProfile,
  waitFor,
  type Engram,
} from './harness';
import { seedSources, type SeedSource } from './library-seed';
import { queueIngest } from './queue-ingest';

interface Row {
  id: string;
  title: string;
  status: string;
  savedAt: number;
  kind: string;
}

const profile = tempProfile();
let engram: Engram;
let library: Page;
const now = Date.now();
const HOUR = 3_600_000;

const PAGES = [
  [
    'src_lib_lighthouse',
    'The lighthouse keeper',
    'The lighthouse keeper climbs the stairs at dusk to light the lamp.',
  ],
  [
    'src_lib_sourdough',
    'Sourdough starter care',
    'Feed the sourdough starter with flour and water every morning.',
  ],
  [
    'src_lib_glacier',
    'Glacier retreat',
    'The glacier retreat exposed moraines and meltwater lakes.',
  ],
] as const;

const OLD: SeedSource[] = [
  {
    id: 'src_lib_old1',
    url: 'https://old.example.com/a',
    title: 'An old article',
    text: 'Old words.',
    savedAt: now - 72 * HOUR,
  },
  {
    id: 'src_lib_old2',
    url: 'https://old.example.com/b',
    title: 'Another old one',
    text: 'More old words.',
    savedAt: now - 73 * HOUR,
  },
  {
    id: 'src_lib_note',
    kind: 'note',
    url: '',
    title: 'A note to self',
    text: 'A note to self.',
    savedAt: now - 74 * HOUR,
  },
];
/** A PDF and a video's transcript: pages, told apart by how their text was found. */
const PDF: SeedSource = {
  id: 'src_lib_pdf',
  url: 'https://papers.example.org/tide-tables.pdf',
  title: 'Tide tables explained',
  text: 'How to read a tide table.',
  savedAt: now - 75 * HOUR,
  extractor: 'pdf',
};
const TRANSCRIPT: SeedSource = {
  id: 'src_lib_video',
  url: 'https://www.youtube.com/watch?v=lib13',
  title: 'A talk on bridges',
  text: 'Suspension bridges carry their load through the cables.',
  savedAt: now - 76 * HOUR,
  extractor: 'youtube-transcript',
};
/** An automatic capture: the user read one sentence of it closely. */
const READ_URL = 'https://reading.example.net/harbour';
const READ_TEXT =
  'Harbour notes. The harbour master logged every ship that came in after dark. Tea at four.';
const READ_PART = 'The harbour master logged every ship that came in after dark.';
const READ: SeedSource = {
  id: 'src_lib_read',
  url: READ_URL,
  title: 'The harbour log',
  text: READ_TEXT,
  savedAt: now - 77 * HOUR,
  read: [
    { start: READ_TEXT.indexOf(READ_PART), end: READ_TEXT.indexOf(READ_PART) + READ_PART.length },
  ],
};
const FAILED: SeedSource = {
  id: 'src_lib_failed',
  url: 'https://broken.example.org/page',
  title: 'A page that failed',
  text: 'Tidal pools hold anemones and small crabs at low tide.',
  savedAt: now - 20 * 60_000,
  status: 'failed',
  error: 'The engine ran out of memory',
  job: true,
};

/** Every source seeded or indexed before the first test. */
const ALL = PAGES.length + OLD.length + 4;

const sources = () => readTable<Row>(engram, 'sources');
const byId = async (id: string) => (await sources()).find((s) => s.id === id);
const rowIds = (page: Page) =>
  page.$$eval('[data-testid=library-row]', (rows) => rows.map((r) => r.getAttribute('data-id')));

beforeAll(async () => {
  engram = await launchEngram(profile.dir);
  await queueIngest(
    engram.sw,
    PAGES.map(([id, title, text], i) => ({
      id,
      url: `https://pages.example.com/${id}`,
      title,
      text,
      savedAt: now - (10 + i) * 60_000,
      queuedAt: now,
    })),
  );
  await seedSources(engram.sw, [...OLD, PDF, TRANSCRIPT, READ, FAILED]);
  // The read capture's original, served here (the harness aborts every other outside address).
  await engram.context.route(`${READ_URL}*`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>The harbour log</title><p>${READ_TEXT}</p>`,
    }),
  );
  // Extractive answers: the cited-in test asks one question and needs no language model.
  await putSetting(engram, 'generation', false);
  // The engine's document may still be starting: ask until it answers.
  await waitFor('the engine', () => askEngine(engram.sw, 'engine/ingest').then(() => true), 60_000);
  await waitFor(
    'the pages indexed',
    async () => {
      const rows = await sources();
      return PAGES.every(([id]) => rows.find((r) => r.id === id)?.status === 'indexed');
    },
    60_000,
  );
}, 120_000);

afterAll(async () => {
  await engram?.close();
  profile.remove();
});

test('opens from the popup and lists everything kept, newest first', async () => {
  const popup = await engram.context.newPage();
  await popup.goto(`chrome-extension://${engram.extensionId}/popup.html`);
  const opened = engram.context.waitForEvent('page');
  await popup.click('[data-testid=open-library]');
  library = await opened;
  expect(library.url()).toBe(`chrome-extension://${engram.extensionId}/library.html`);
  await popup.close();
  await library.setViewportSize({ width: 1100, height: 900 });
  await waitFor('every row', async () => (await rowIds(library)).length === ALL);
  expect(await rowIds(library)).toEqual([
    'src_lib_lighthouse',
    'src_lib_sourdough',
    'src_lib_glacier',
    'src_lib_failed',
    'src_lib_old1',
    'src_lib_old2',
    'src_lib_note',
    'src_lib_pdf',
    'src_lib_video',
    'src_lib_read',
  ]);
  expect(await library.locator('[data-testid=day-heading]').first().textContent()).toBe('Today');
  const failed = library.locator('[data-id=src_lib_failed]');
  expect(await failed.getAttribute('data-state')).toBe('failed');
  // The reason in the interface's words; the engine's own (English) words only on hover.
  expect(await failed.textContent()).toContain('Could not be indexed');
  expect(await failed.textContent()).not.toContain('The engine ran out of memory');
}, 60_000);

test('search as you type finds a page by its words; filters narrow by kind and site', async () => {
  await library.fill('[data-testid=library-search]', 'sourdough');
  await waitFor('the search result', async () => {
    const ids = await rowIds(library);
    return ids.length === 1 && ids[0] === 'src_lib_sourdough';
  });
  await library.fill('[data-testid=library-search]', '');
  await waitFor('all rows again', async () => (await rowIds(library)).length === ALL);

  await library.selectOption('[data-testid=filter-kind]', 'note');
  await waitFor('the note', async () => (await rowIds(library)).join() === 'src_lib_note');
  await library.selectOption('[data-testid=filter-kind]', '');
  await library.selectOption('[data-testid=filter-site]', 'old.example.com');
  await waitFor(
    'the old site',
    async () => (await rowIds(library)).join() === 'src_lib_old1,src_lib_old2',
  );
  await library.selectOption('[data-testid=filter-site]', '');
  await library.selectOption('[data-testid=filter-time]', 'today');
  await waitFor('today only', async () => (await rowIds(library)).length === 4);
  await library.selectOption('[data-testid=filter-time]', 'all');
}, 60_000);

test('the kind filter finds PDFs and transcripts, each shown with its own label', async () => {
  for (const [kind, source, label] of [
    ['pdf', PDF, 'PDF'],
    ['transcript', TRANSCRIPT, 'Transcript'],
  ] as const) {
    await library.selectOption('[data-testid=filter-kind]', kind);
    await waitFor(`the ${kind} alone`, async () => (await rowIds(library)).join() === source.id);
    expect(await library.textContent(`[data-id=${source.id}] .lib-kind`)).toBe(label);
  }
  // Still pages: the page filter lists them with the web pages.
  await library.selectOption('[data-testid=filter-kind]', 'page');
  await waitFor('the pages', async () => (await rowIds(library)).includes(PDF.id));
  expect(await rowIds(library)).toContain(TRANSCRIPT.id);
  expect(await rowIds(library)).not.toContain('src_lib_note');
  await library.selectOption('[data-testid=filter-kind]', '');
  await waitFor('all rows again', async () => (await rowIds(library)).length === ALL);
}, 60_000);

test('exports what the filter shows: a site as JSON Lines, a search as a Markdown zip, from the keyboard', async () => {
  // A headless run cannot answer the save picker: take the download path, as a browser without
  // File System Access does (export.e2e.test.ts does the same on the settings page).
  await library.evaluate(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  await library.selectOption('[data-testid=filter-site]', 'old.example.com');
  await waitFor(
    'the old site',
    async () => (await rowIds(library)).join() === 'src_lib_old1,src_lib_old2',
  );
  const button = library.getByTestId('export-jsonl');
  await expect.poll(() => button.textContent()).toContain('2');
  await button.focus();
  const [jsonl] = await Promise.all([
    library.waitForEvent('download'),
    library.keyboard.press('Enter'),
  ]);
  const path = join(profile.dir, 'site.jsonl');
  await jsonl.saveAs(path);
  const lines = readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines[0]).toMatchObject({
    format: 'engram-export',
    filter: { sites: ['old.example.com'] },
  });
  expect(
    lines
      .filter((l) => l.type === 'source')
      .map((l) => l.id)
      .sort(),
  ).toEqual(['src_lib_old1', 'src_lib_old2']);
  // Only sources: no conversations or settings in a filtered export.
  expect(lines.at(-1)).toMatchObject({
    type: 'end',
    counts: { source: 2, setting: 0, conversation: 0 },
  });
  await library.getByTestId('export-done').waitFor();
  await library.selectOption('[data-testid=filter-site]', '');

  await library.fill('[data-testid=library-search]', 'glacier');
  await waitFor(
    'the search result',
    async () => (await rowIds(library)).join() === 'src_lib_glacier',
  );
  await library.getByTestId('export-markdown').focus();
  const [zip] = await Promise.all([
    library.waitForEvent('download'),
    library.keyboard.press('Enter'),
  ]);
  expect(zip.suggestedFilename()).toMatch(/^engram-\d{4}-\d\d-\d\d\.zip$/);
  const zipPath = join(profile.dir, 'search.zip');
  await zip.saveAs(zipPath);
  const files = unzipSync(readFileSync(zipPath));
  const notes = Object.keys(files).filter((name) => name.endsWith('.md'));
  expect(notes).toHaveLength(1);
  const note = strFromU8(files[notes[0]!]!);
  expect(note).toContain('title: "Glacier retreat"');
  expect(note).toContain('meltwater lakes');
  await library.fill('[data-testid=library-search]', '');
  await waitFor('all rows again', async () => (await rowIds(library)).length === ALL);
}, 60_000);

test('Retry indexes a failed source again', async () => {
  await library.selectOption('[data-testid=filter-state]', 'failed');
  await waitFor('the failed one', async () => (await rowIds(library)).join() === 'src_lib_failed');
  // The reason in the interface's words; the engine's own English only as the detail.
  const reason = library.locator('[data-id=src_lib_failed] [data-testid=row-error]');
  expect(await reason.textContent()).toBe('Could not be indexed');
  expect(await reason.getAttribute('title')).toContain(
    'Technical detail: The engine ran out of memory',
  );
  await library.click('[data-id=src_lib_failed] [data-testid=retry]');
  await waitFor(
    'indexed',
    async () => (await byId('src_lib_failed'))?.status === 'indexed',
    60_000,
  );
  // The list follows the database: the failed filter no longer holds it.
  await waitFor('the filter emptied', async () => (await rowIds(library)).length === 0);
  await library.selectOption('[data-testid=filter-state]', '');
  await waitFor(
    'shown indexed',
    async () =>
      (await library.locator('[data-id=src_lib_failed]').getAttribute('data-state')) === 'indexed',
  );
}, 90_000);

test('a full disk is said in the library and the popup, all of it, and goes when space is back', async () => {
  // The flag the service worker sets at the first write refused for lack of space (disk-full.ts).
  const setFlag = (since: number | null) =>
    library.evaluate(async (since) => {
      if (since === null) await chrome.storage.local.remove('engramDiskFull');
      else await chrome.storage.local.set({ engramDiskFull: { since } });
    }, since);
  await setFlag(Date.now());
  const banner = library.getByTestId('disk-full');
  await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toMatch(/disk is full/);
  const popup = await engram.context.newPage();
  await popup.setViewportSize({ width: 400, height: 560 });
  await popup.goto(`chrome-extension://${engram.extensionId}/popup.html`);
  const inPopup = popup.getByTestId('disk-full');
  await expect.poll(() => inPopup.textContent(), { timeout: 10_000 }).toMatch(/resumes by itself/);
  // The whole sentence is on screen: it wraps instead of ending in an ellipsis.
  const box = await inPopup.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(box.scroll).toBeLessThanOrEqual(box.client);
  await setFlag(null);
  await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
  await expect.poll(() => inPopup.count(), { timeout: 10_000 }).toBe(0);
  await popup.close();
}, 60_000);

test('an item page shows the text, renames it, keeps a note, and Back returns', async () => {
  await library.click('[data-id=src_lib_lighthouse] .lib-title');
  await library.waitForSelector('[data-testid=item-page]');
  expect(library.url()).toContain('#/item/src_lib_lighthouse');
  expect(await library.textContent('[data-testid=item-text]')).toContain('climbs the stairs');
  await library.click('[data-testid=edit-title]');
  await library.fill('[data-testid=title-input]', 'Keeping the light');
  await library.keyboard.press('Enter');
  await waitFor(
    'renamed',
    async () => (await byId('src_lib_lighthouse'))?.title === 'Keeping the light',
  );
  expect(await library.textContent('[data-testid=item-title]')).toBe('Keeping the light');

  await library.fill('[data-testid=note-text]', 'Visit the lighthouse in spring');
  await library.click('[data-testid=save-note]');
  await waitFor('the note listed', async () =>
    (await library.textContent('[data-testid=item-notes]'))?.includes(
      'Visit the lighthouse in spring',
    ),
  );
  const note = (await sources()).find((s) => s.kind === 'note' && s.title.includes('Visit'));
  expect(note).toBeDefined();

  await library.goBack();
  await library.waitForSelector('[data-testid=library-list]');
  await waitFor('the new title in the list', async () =>
    (await library.textContent('[data-id=src_lib_lighthouse]'))?.includes('Keeping the light'),
  );
}, 60_000);

test('an automatic capture marks the parts read, and opens the original at the first one', async () => {
  await library.evaluate((id) => {
    location.hash = `#/item/${id}`;
  }, READ.id);
  await library.waitForSelector(`[data-testid=item-page][data-id=${READ.id}]`);
  const marks = await library.$$eval('mark.lib-read', (all) => all.map((m) => m.textContent));
  expect(marks).toEqual([READ_PART]);
  expect(await library.textContent('[data-testid=item-text]')).toBe(READ_TEXT);

  const opened = engram.context.waitForEvent('page');
  await library.click('[data-testid=open-original]');
  const original = await opened;
  await original.waitForURL(/reading\.example\.net/);
  const url = new URL(original.url());
  expect(`${url.origin}${url.pathname}`).toBe(READ_URL);
  const fragment = /^#:~:text=(.+)$/.exec(url.hash)?.[1];
  expect(fragment, 'the original opens with a text fragment').toBeDefined();
  // The fragment points into the part read (text=start,end or text=exact), not the page's start.
  for (const part of fragment!.split(',')) expect(READ_PART).toContain(decodeURIComponent(part));
  expect(decodeURIComponent(fragment!)).not.toContain('Harbour notes');
  await original.close();
  await library.click('[data-testid=back-to-list]');
  await library.waitForSelector('[data-testid=library-list]');
}, 60_000);

test('cited in: a question asked in the popup is listed on the source, and its link shows it', async () => {
  const tab = await engram.context.newPage();
  await tab.goto(READ_URL);
  const popup = await RealPopup.open(engram, tab);
  const question = 'What do I feed the sourdough starter with every morning?';
  try {
    await askInPopup(popup, question);
    const answer = await finishedAnswer(popup, 1);
    expect(answer.status).toBe('done');
    expect(
      answer.citations.map((c) => c.sourceId),
      answer.text,
    ).toContain('src_lib_sourdough');
  } finally {
    await popup.close();
    await tab.close();
  }
  const conversations = await readTable<{ id: string; title: string }>(engram, 'conversations');
  expect(conversations).toHaveLength(1);
  const conversation = conversations[0]!;

  await library.bringToFront();
  await library.click('[data-id=src_lib_sourdough] .lib-title');
  await library.waitForSelector('[data-testid=item-page][data-id=src_lib_sourdough]');
  const link = library.getByTestId('cited-conversation');
  await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
  expect(await link.getAttribute('href')).toBe(
    `chrome-extension://${engram.extensionId}/sidepanel.html#conversation=${conversation.id}`,
  );
  const opened = engram.context.waitForEvent('page');
  await link.click();
  const chat = await opened;
  await chat.waitForSelector('[data-testid=message][data-role=assistant]');
  const shown = await chat.$$eval('[data-testid=message]', (all) =>
    all.map((m) => m.textContent ?? ''),
  );
  expect(shown[0]).toContain(question);
  expect(
    await chat.$$eval('[data-testid=citation]', (all) =>
      all.map((c) => c.getAttribute('data-source-id')),
    ),
  ).toContain('src_lib_sourdough');
  await chat.close();
  await library.bringToFront();
  await library.click('[data-testid=back-to-list]');
  await library.waitForSelector('[data-testid=library-list]');
}, 150_000);

test('keyboard only: move to a source, Delete, confirm, and it is forgotten', async () => {
  await library.fill('[data-testid=library-search]', '');
  const before = await rowIds(library);
  await library.focus('[data-testid=library-search]');
  for (let i = 0; i < 8; i++) {
    if (
      await library.evaluate(
        () => document.activeElement?.getAttribute('data-testid') === 'library-list',
      )
    )
      break;
    await library.keyboard.press('Tab');
  }
  expect(await library.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
    'library-list',
  );
  // Focus lands on the first row; two steps down is the third.
  await library.keyboard.press('ArrowDown');
  await library.keyboard.press('ArrowDown');
  const target = before[2];
  expect(await library.getAttribute(`[data-id=${target}]`, 'class')).toContain('is-active');
  await library.keyboard.press('Delete');
  await library.waitForSelector('[data-testid=confirm-dialog]');
  // Cancel has the focus first: Escape closes without deleting.
  await library.keyboard.press('Escape');
  await waitFor('closed', async () => (await library.$('[data-testid=confirm-dialog]')) === null);
  expect(await byId(target!)).toBeDefined();
  await library.keyboard.press('Delete');
  await library.waitForSelector('[data-testid=confirm-dialog]');
  await library.keyboard.press('Tab');
  await library.keyboard.press('Enter');
  await waitFor('forgotten', async () => (await byId(target!)) === undefined);
  await waitFor('gone from the list', async () => !(await rowIds(library)).includes(target ?? ''));
}, 60_000);

/** Tab (Shift+Tab: back) until the element with this test id has the focus. */
async function tabTo(testId: string, back = false, most = 25) {
  for (let i = 0; i < most; i++) {
    const at = await library.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (at === testId) return;
    await library.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${testId} never had the focus`);
}

const focused = () => library.evaluate(() => document.activeElement?.getAttribute('data-testid'));

test('Space and Shift+Space select two rows; Delete forgets only those', async () => {
  const before = await sources();
  await library.focus('[data-testid=library-search]');
  await tabTo('library-list');
  // The last row is the oldest (the read capture); the two above it are the transcript and the PDF.
  await library.keyboard.press('End');
  await library.keyboard.press('ArrowUp');
  expect(await library.getAttribute(`[data-id=${TRANSCRIPT.id}]`, 'class')).toContain('is-active');
  await library.keyboard.press('Space');
  await library.keyboard.press('ArrowUp');
  await library.keyboard.press('Shift+Space');
  await expect.poll(() => library.textContent('[data-testid=library-count]')).toBe('2 selected');
  await library.keyboard.press('Delete');
  await library.waitForSelector('[data-testid=confirm-dialog]');
  expect(await library.textContent('#confirm-title')).toContain('2');
  await library.keyboard.press('Tab');
  await library.keyboard.press('Enter');
  await waitFor('both forgotten', async () => {
    const ids = (await sources()).map((s) => s.id);
    return !ids.includes(PDF.id) && !ids.includes(TRANSCRIPT.id);
  });
  expect((await sources()).map((s) => s.id).sort()).toEqual(
    before
      .map((s) => s.id)
      .filter((id) => id !== PDF.id && id !== TRANSCRIPT.id)
      .sort(),
  );
  await waitFor('gone from the list', async () => !(await rowIds(library)).includes(PDF.id));
}, 60_000);

test('filtered by a site, Forget… offers that site, and only its sources go', async () => {
  const before = await sources();
  await library.selectOption('[data-testid=filter-site]', 'old.example.com');
  await waitFor(
    'the old site',
    async () => (await rowIds(library)).join() === 'src_lib_old1,src_lib_old2',
  );
  await library.click('[data-testid=forget-open]');
  await library.waitForSelector('[data-testid=confirm-dialog]');
  // The site the list is filtered to is the choice already made.
  expect(await library.isChecked('[data-testid=forget-site]')).toBe(true);
  expect(await library.textContent('[data-testid=forget-site] + span')).toContain(
    'old.example.com',
  );
  await waitFor('the count', async () =>
    (await library.textContent('[data-testid=forget-count]'))?.includes('2 items'),
  );
  await library.click('[data-testid=confirm-ok]');
  await waitFor('the site forgotten', async () =>
    (await sources()).every((s) => !s.id.startsWith('src_lib_old')),
  );
  expect((await sources()).map((s) => s.id).sort()).toEqual(
    before
      .map((s) => s.id)
      .filter((id) => !id.startsWith('src_lib_old'))
      .sort(),
  );
  await library.selectOption('[data-testid=filter-site]', '');
  await waitFor(
    'the list follows',
    async () => (await rowIds(library)).length === before.length - 2,
  );
}, 60_000);

test('keyboard only: search, filter, open, rename, note, back, and forget the last hour', async () => {
  await library.focus('[data-testid=library-search]');
  await library.keyboard.type('glacier');
  await waitFor('the search', async () => (await rowIds(library)).join() === 'src_lib_glacier');
  // The kind filter, from the keyboard: the closed select takes the arrow keys.
  await library.keyboard.press('Tab');
  expect(await focused()).toBe('filter-kind');
  await library.keyboard.press('ArrowDown');
  expect(await library.inputValue('[data-testid=filter-kind]')).toBe('page');
  await waitFor('filtered', async () => (await rowIds(library)).join() === 'src_lib_glacier');
  await tabTo('library-list');
  await library.keyboard.press('Home');
  await library.keyboard.press('Enter');
  await library.waitForSelector('[data-testid=item-page][data-id=src_lib_glacier]');

  await tabTo('edit-title');
  await library.keyboard.press('Enter');
  expect(await focused()).toBe('title-input');
  await library.keyboard.press('ControlOrMeta+A');
  await library.keyboard.type('Ice in retreat');
  await library.keyboard.press('Enter');
  await waitFor('renamed', async () => (await byId('src_lib_glacier'))?.title === 'Ice in retreat');
  await tabTo('note-text');
  await library.keyboard.type('Compare with the photos from 1990');
  await library.keyboard.press('Tab');
  expect(await focused()).toBe('save-note');
  await library.keyboard.press('Enter');
  await waitFor('the note kept', async () =>
    (await library.textContent('[data-testid=item-notes]'))?.includes('photos from 1990'),
  );
  await tabTo('back-to-list', true, 40);
  await library.keyboard.press('Enter');
  await library.waitForSelector('[data-testid=library-list]');
  await waitFor('the new title in the list', async () =>
    (await library.textContent('[data-id=src_lib_glacier]'))?.includes('Ice in retreat'),
  );

  await tabTo('forget-open');
  await library.keyboard.press('Enter');
  await library.waitForSelector('[data-testid=confirm-dialog]');
  expect(await focused()).toBe('confirm-cancel');
  const recent = (await sources()).filter((s) => s.savedAt >= Date.now() - HOUR);
  const today = (await sources()).filter((s) => s.savedAt >= new Date().setHours(0, 0, 0, 0));
  const counted = (n: number) => async () =>
    (await library.textContent('[data-testid=forget-count]'))?.includes(`${n} items`);
  // Back into the choices (on the one made: the last hour), then the arrow keys choose.
  await library.keyboard.press('Shift+Tab');
  expect(await focused()).toBe('forget-hour');
  await library.keyboard.press('ArrowDown');
  expect(await library.isChecked('[data-testid=forget-today]')).toBe(true);
  await waitFor('the count for today', counted(today.length));
  await library.keyboard.press('ArrowUp');
  expect(await library.isChecked('[data-testid=forget-hour]')).toBe(true);
  await waitFor('the count for the hour', counted(recent.length));
  await library.keyboard.press('Tab');
  expect(await focused()).toBe('confirm-cancel');
  await library.keyboard.press('Tab');
  expect(await focused()).toBe('confirm-ok');
  await library.keyboard.press('Enter');
  await waitFor('the hour forgotten', async () =>
    (await sources()).every((s) => s.savedAt < Date.now() - HOUR),
  );
  expect((await sources()).map((s) => s.id).sort()).toEqual(['src_lib_note', 'src_lib_read']);
  await library.fill('[data-testid=library-search]', '');
  await library.selectOption('[data-testid=filter-kind]', '');
  await waitFor('the list follows', async () => (await rowIds(library)).length === 2);
}, 90_000);

test("the settings page's library button opens the library", async () => {
  await library.close();
  const settings = await engram.context.newPage();
  await settings.goto(`chrome-extension://${engram.extensionId}/settings.html`);
  const opened = engram.context.waitForEvent('page');
  await settings.click('[data-testid=settings-open-library]');
  library = await opened;
  await library.waitForURL(`chrome-extension://${engram.extensionId}/library.html`);
  await waitFor('its rows', async () => (await rowIds(library)).length === 2);
  await settings.close();
}, 60_000);
