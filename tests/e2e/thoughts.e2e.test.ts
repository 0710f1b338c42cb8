/**
 * The user's own thoughts are memory (issue 15), in the real toolbar popup of the built extension
 * (fixtures flavour): a statement said in one conversation is kept and quoted, with its date, by
 * the answer to a question in a new conversation; a note taken in the popup over a page keeps that
 * page, and a question about the page's subject finds the note. Extractive answers (generation
 * off), so the quoted words and the date are Engram's own, not the fixture model's fixed reply.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  askInPopup,
  finishedAnswer,
  launchEngram,
  putSetting,
  READ_MESSAGES,
  RealPopup,
  ROOT,
  serveFolder,
  storedSources,
  tempProfile,
  waitFor,
  type Engram,
  type RenderedMessage,
} from './harness';

const PAGES = resolve(ROOT, 'tests/fixtures/e2e-pages');
const SISTER = "My sister's birthday is 12 May";
/** A public-looking name for the local server: local addresses stay on the default blocklist. */
const HOST = 'thoughts.example-site.com';

describe('the user’s own thoughts', () => {
  const profile = tempProfile();
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let engram: Engram;
  let page: Page;

  beforeAll(async () => {
    server = await serveFolder(PAGES);
    engram = await launchEngram(profile.dir, undefined, {
      args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
    });
    // The harness keeps pages off every host but the local server: this name is that server.
    await engram.context.route(
      (url) => url.hostname === HOST,
      (route) => route.continue(),
    );
    await putSetting(engram, 'generation', false);
    page = await engram.context.newPage();
    await page.goto(`http://${HOST}:${new URL(server.origin).port}/ehow-1/source.html`, {
      waitUntil: 'domcontentloaded',
    });
  });

  afterAll(async () => {
    await engram?.close();
    await server?.close();
    profile.remove();
  });

  /** The popup over the page, on a new conversation. */
  async function newChat(): Promise<RealPopup> {
    const popup = await RealPopup.open(engram, page);
    await waitFor('the chat to open', () =>
      popup.evaluate<boolean>(`!!document.querySelector('[data-testid="new-chat"]')`),
    );
    await popup.evaluate(`document.querySelector('[data-testid="new-chat"]').click()`);
    await waitFor('an empty new chat', async () =>
      (await popup.evaluate<RenderedMessage[]>(READ_MESSAGES)).length === 0 ? true : undefined,
    );
    return popup;
  }

  const indexed = (kind: string) =>
    waitFor(`the ${kind} source to be indexed`, async () =>
      (await storedSources(engram)).find((s) => s.kind === kind && s.status === 'indexed'),
    );

  test('what was said in one conversation is quoted, with its date, in another', async () => {
    const first = await newChat();
    await askInPopup(first, SISTER);
    expect((await finishedAnswer(first, 1)).text).toBe('Got it. I’ll remember that.');
    await first.close();
    expect((await indexed('said')).text).toBe(SISTER);

    const second = await newChat();
    await askInPopup(second, "When is my sister's birthday?");
    const answer = await finishedAnswer(second, 1);
    expect(answer.citations.map((c) => c.title)).toEqual([SISTER]);
    expect(answer.text).toMatch(
      /On \w+day \d{1,2} \w+ \((?:just now|.+ ago)\) you told me: “My sister's birthday is 12 May”/,
    );
    await second.close();
  });

  test('a note taken over a page is found by a question about the page’s subject', async () => {
    const popup = await newChat();
    await askInPopup(popup, 'remember: use a wider jar next time');
    expect((await finishedAnswer(popup, 1)).text).toContain("I'll remember");
    const note = await indexed('note');
    expect(note.text).toMatch(
      /^use a wider jar next time\n\nNoted while on the page “How to Build/,
    );

    await askInPopup(popup, 'What did I note about the terrarium?');
    const answer = await finishedAnswer(popup, 2);
    expect(answer.citations.map((c) => c.title)).toEqual(['use a wider jar next time']);
    expect(answer.text).toMatch(/you noted: “use a wider jar next time”/);
    await popup.close();
  });
});
