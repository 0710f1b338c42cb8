/* global document */
// The headless run of `npm start`: with no screen to show, Engram is driven through its whole
// loop and every step is printed. A real page is served from 127.0.0.1, remembered with the real
// shortcut, and a question is asked in the chat page; the answer and its sources are printed.
import { resolve } from 'node:path';
import { pressRememberShortcut, serveFolder } from './static-server.mjs';
import { ROOT } from './setup.mjs';

const QUESTION = 'Should babies eat peanuts early to avoid an allergy?';

/** @param {import('playwright-core').BrowserContext} context @param {string} extensionId */
export async function guidedTour(context, extensionId) {
  const server = await serveFolder(resolve(ROOT, 'tests/fixtures/e2e-pages'));
  // This machine may have no internet: keep the corpus page's own requests on loopback.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])(?!huggingface\.co)/, (r) => r.abort());
  try {
    const page = await context.newPage();
    const url = `${server.origin}/webmd-1/source.html`;
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    console.log(`1. Opened ${url} — “${await page.title()}”`);

    await pressRememberShortcut(page);
    console.log('2. Pressed Alt+Shift+S (Remember what I just saw)');

    const chat = await context.newPage();
    await chat.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const count = chat.getByTestId('memory-count');
    await chat.waitForFunction(
      () => /[1-9]/.test(document.querySelector('[data-testid="memory-count"]')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    console.log(`3. Memory now holds: ${(await count.textContent())?.trim()}`);

    await chat.getByTestId('question').fill(QUESTION);
    await chat.getByTestId('ask').click();
    console.log(`4. Asked: “${QUESTION}”`);
    const answer = chat.getByTestId('message').last();
    await chat.waitForFunction(
      () => {
        const all = document.querySelectorAll('[data-testid="message"]');
        const last = /** @type {HTMLElement | undefined} */ (all[all.length - 1]);
        return last?.dataset.status === 'done' || last?.dataset.status === 'error';
      },
      undefined,
      { timeout: 180_000 },
    );
    const mode = await answer.getAttribute('data-mode');
    console.log(
      `5. Answer (${mode === 'generated' ? 'written by the language model' : 'best passages from memory'}):`,
    );
    console.log(`   ${(await answer.getByTestId('answer-text').textContent())?.trim()}`);
    for (const citation of await answer.getByTestId('citation').all()) {
      const n = await citation.getAttribute('data-n');
      console.log(
        `   [${n}] ${(await citation.getByTestId('citation-title').textContent())?.trim()}`,
      );
    }
    const models = (await chat.getByTestId('model-status').textContent()) ?? '';
    console.log(`6. Models: ${models.replace(/\s+/g, ' ').trim()}`);
  } finally {
    await server.close();
  }
}
