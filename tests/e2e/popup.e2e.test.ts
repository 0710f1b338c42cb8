/**
 * The popup with glimpses waiting (issue 10), in real Chromium with the fixtures build: the real
 * shortcut on two pages leaves two glimpses held for review, then the real toolbar popup opens.
 * - A question typed into the box and sent with the Enter key is asked (it was lost once: the
 *   first question vanished while a glimpse review was showing).
 * - Every waiting glimpse can be reached from the review bar.
 * - The popup speaks the browser's language: English here, Chinese with --lang=zh-CN (issue 10).
 * With ENGRAM_POPUP_SHOTS=<folder>, screenshots of the popup are written there (light and dark).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  finishedAnswer,
  launchEngram,
  pressRememberShortcut,
  READ_MESSAGES,
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
import { setSiteRules } from './site-rules';

const PAGES = resolve(ROOT, 'tests/fixtures/glimpse-pages');
const SHOTS = process.env.ENGRAM_POPUP_SHOTS;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('the popup with glimpses waiting', () => {
  const profile = tempProfile();
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let engram: Engram;
  let page: Page;

  beforeAll(async () => {
    server = await serveFolder(PAGES);
    engram = await launchEngram(profile.dir);
    await setSiteRules(engram, [
      { pattern: '127.0.0.1', policy: 'full' },
      { pattern: 'localhost', policy: 'full' },
    ]);
    const sw = await serviceWorker(engram);
    await waitFor('the page watcher to be registered', () =>
      sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0),
    );
    // The real shortcut on two pages (one watched, one under activeTab only): two pages kept,
    // two glimpses held for review.
    const pages = [
      { origin: server.origin, paragraph: 'p2' },
      { origin: server.origin.replace('127.0.0.1', 'localhost'), paragraph: 'p4' },
    ];
    for (const [n, { origin, paragraph }] of pages.entries()) {
      page = await engram.context.newPage();
      await page.goto(`${origin}/article.html`, { waitUntil: 'load' });
      await page.bringToFront();
      await page.evaluate(
        (id) => document.getElementById(id)?.scrollIntoView({ block: 'center' }),
        paragraph,
      );
      await sleep(1_500); // on screen long enough to be in the glimpse buffer
      await pressRememberShortcut(page);
      await waitFor(`glimpse ${n + 1}`, async () =>
        (await storedSources(engram)).filter((s) => s.kind === 'glimpse').length === n + 1
          ? true
          : undefined,
      );
    }
  }, 60_000);

  afterAll(async () => {
    await engram?.close();
    await server?.close();
    profile.remove();
  });

  const shown = (popup: RealPopup, testId: string) =>
    popup.evaluate<boolean>(`!!document.querySelector('[data-testid="${testId}"]')`);

  test('a question sent with Enter while a glimpse waits is asked, not lost', async () => {
    const popup = await RealPopup.open(engram, page);
    try {
      await waitFor('the glimpse review', () => shown(popup, 'glimpse-review'));
      await waitFor('the question box to have the focus', () =>
        popup.evaluate<boolean>(`document.activeElement?.dataset.testid === 'question'`),
      );
      const question = 'When is the spring low tide?';
      await popup.type(question);
      await popup.press('Enter', 'Enter', 13, '\r');
      const asked = await waitFor(
        'the question to be asked',
        async () => {
          const messages = await popup.evaluate<RenderedMessage[]>(READ_MESSAGES);
          const box = await popup.evaluate<string>(
            `document.querySelector('[data-testid="question"]').value`,
          );
          const error = await popup.evaluate<string | null>(
            `document.querySelector('[data-testid="ask-error"]')?.textContent ?? null`,
          );
          if (error) throw new Error(`asking failed: ${error} (box: "${box}")`);
          return messages.find((m) => m.role === 'user' && m.text.includes(question));
        },
        15_000,
      );
      expect(asked.text).toContain(question);
      expect(
        await popup.evaluate<string>(`document.querySelector('[data-testid="question"]').value`),
      ).toBe('');
      const answer = await finishedAnswer(popup, 1);
      expect(answer.status).toBe('done');
    } finally {
      await popup.close();
    }
  });
  test('every waiting glimpse can be reached, and the review stays one line', async () => {
    const popup = await RealPopup.open(engram, page);
    try {
      await waitFor('the glimpse review', () => shown(popup, 'glimpse-review'));
      const state = () =>
        popup.evaluate<{ id: string; position: string; height: number }>(`(() => {
          const review = document.querySelector('[data-testid="glimpse-review"]');
          return {
            id: review.dataset.glimpseId,
            position: document.querySelector('[data-testid="glimpse-position"]').textContent,
            height: review.getBoundingClientRect().height,
          };
        })()`);
      const first = await state();
      expect(first.position).toBe('1 of 2');
      expect(first.height).toBeLessThan(40);
      await popup.evaluate(`document.querySelector('[data-testid="glimpse-next"]').click()`);
      const second = await waitFor('the second glimpse', async () => {
        const now = await state();
        return now.position === '2 of 2' ? now : undefined;
      });
      expect(second.id).not.toBe(first.id);
      // By keyboard: an arrow key on the line goes back.
      await popup.evaluate(`document.querySelector('[data-testid="glimpse-next"]').focus()`);
      await popup.press('ArrowLeft', 'ArrowLeft', 37);
      await waitFor('the first glimpse again', async () =>
        (await state()).id === first.id ? true : undefined,
      );
      // The controls are one row, a fraction of the popup.
      const controls = await popup.evaluate<number>(
        `document.querySelector('[data-testid="controls"]').getBoundingClientRect().height`,
      );
      expect(controls).toBeLessThan(40);
      if (SHOTS) await screenshots(popup);
    } finally {
      await popup.close();
    }
  });

  test('the popup speaks the browser’s language: English', async () => {
    const popup = await RealPopup.open(engram, page);
    try {
      await waitFor('the glimpse review', () => shown(popup, 'glimpse-review'));
      expect(await interfaceWords(popup)).toEqual({
        lang: 'en',
        placeholder: 'Ask your memory… (e.g. what did I read about…)',
        ask: 'Ask',
        newChat: 'New chat',
        pause: 'Pause saving',
        glimpseKeep: 'Keep',
      });
    } finally {
      await popup.close();
    }
  });

  test('the pause menu opens, moves and closes from the keyboard', async () => {
    const popup = await RealPopup.open(engram, page);
    try {
      await waitFor('the pause button', () => shown(popup, 'pause'));
      const focused = () =>
        popup.evaluate<string | null>(
          `document.activeElement?.dataset.choice ?? document.activeElement?.dataset.testid ?? null`,
        );
      await popup.evaluate(`document.querySelector('[data-testid="pause"]').focus()`);
      await popup.press('ArrowDown', 'ArrowDown', 40);
      await waitFor('the first choice focused', async () => (await focused()) === 'hour');
      await popup.press('ArrowDown', 'ArrowDown', 40);
      await waitFor('the second choice focused', async () => (await focused()) === 'tomorrow');
      if (SHOTS) await shoot(popup, 'pause-menu');
      await popup.press('Escape', 'Escape', 27);
      await waitFor('the focus back on the button', async () => (await focused()) === 'pause');
      expect(await shown(popup, 'pause-menu')).toBe(false);
    } finally {
      await popup.close();
    }
  });
});

describe('the popup in a Chinese browser', () => {
  const profile = tempProfile();
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let engram: Engram;
  let page: Page;

  beforeAll(async () => {
    server = await serveFolder(PAGES);
    engram = await launchEngram(profile.dir, undefined, { args: ['--lang=zh-CN'] });
    page = await engram.context.newPage();
    await page.goto(`${server.origin}/article.html`, { waitUntil: 'load' });
    await page.bringToFront();
  }, 60_000);

  afterAll(async () => {
    await engram?.close();
    await server?.close();
    profile.remove();
  });

  test('shows the composer and the controls in Chinese', async () => {
    const popup = await RealPopup.open(engram, page);
    try {
      expect(await interfaceWords(popup)).toEqual({
        lang: 'zh-CN',
        placeholder: '问问你的记忆…（例如：我读过关于…的什么内容）',
        ask: '提问',
        newChat: '新对话',
        pause: '暂停保存',
        glimpseKeep: null,
      });
    } finally {
      await popup.close();
    }
  });
});

/** The words of a few controls, once the popup has drawn them. */
function interfaceWords(popup: RealPopup) {
  return waitFor('the popup’s controls', () =>
    popup.evaluate<Record<string, string | null> | null>(`(() => {
      const $ = (id) => document.querySelector('[data-testid="' + id + '"]');
      if (!$('question') || !$('pause')) return null;
      return {
        lang: document.documentElement.lang,
        placeholder: $('question').placeholder,
        ask: $('ask').textContent,
        newChat: $('new-chat').textContent,
        pause: $('pause').title,
        glimpseKeep: $('glimpse-keep')?.textContent ?? null,
      };
    })()`),
  );
}

async function shoot(popup: RealPopup, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await popup.colorScheme(scheme);
    await sleep(150);
    writeFileSync(join(SHOTS, `${name}-${scheme}.png`), await popup.screenshot());
  }
  await popup.colorScheme('light');
}

/** The popup with a glimpse waiting and an answer, then with the glimpse's text open. */
async function screenshots(popup: RealPopup): Promise<void> {
  await shoot(popup, 'glimpse-and-answer');
  await popup.evaluate(`document.querySelector('[data-testid="glimpse-edit"]').click()`);
  await sleep(200);
  await shoot(popup, 'glimpse-open');
  await popup.evaluate(`document.querySelector('[data-testid="glimpse-edit"]').click()`);
}
