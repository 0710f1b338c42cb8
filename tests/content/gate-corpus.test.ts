/**
 * Real pages through the gate and the capture, as the content script runs them: the fixture
 * pages always, and every page of the Readability corpus when this machine has it (it lives
 * outside the repository). No error; a page is read in full unless it holds a password or card
 * field, and then capture refuses with the gate's reason and reads nothing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capture, GateRefusal } from '../../src/content/capture';
import { gatePage } from '../../src/content/gate';
import {
  CORPUS_PAGES,
  FAKE_BASE,
  FIXTURE_PAGES,
  fakeWindow,
  htmlDocument,
  loadPage,
} from './helpers';

const LONE_SURROGATE = /\p{Cs}/u;

function gateAndCapture(dir: string, name: string): string {
  const doc = htmlDocument(loadPage(dir, name).source);
  Object.defineProperty(doc, 'contentType', { value: 'text/html' });
  const gate = gatePage(doc, FAKE_BASE, []);
  try {
    const payload = capture({ mode: 'page' }, doc, fakeWindow(FAKE_BASE), {
      siteRules: [],
      extract: { baseUrl: FAKE_BASE },
    });
    if (payload.extractor === 'url-only') {
      // The address alone: nothing of the page's text or title.
      expect(payload).toMatchObject({ text: FAKE_BASE, title: FAKE_BASE, links: [] });
      expect(['password-field', 'payment-field']).toContain(gate.reason);
      return gate.reason;
    }
    expect(gate).toEqual({ decision: 'full', reason: 'allowed' });
    expect(payload.text.length).toBeGreaterThan(0);
    expect(LONE_SURROGATE.test(payload.text)).toBe(false);
    return 'full';
  } catch (error) {
    if (!(error instanceof GateRefusal)) throw error;
    expect(error.result).toEqual(gate);
    expect(['password-field', 'payment-field']).toContain(gate.reason);
    return gate.reason;
  }
}

describe('the gate and the capture on the fixture pages', () => {
  it.each(readdirSync(FIXTURE_PAGES).sort())('%s', (name) => {
    const outcome = gateAndCapture(FIXTURE_PAGES, name);
    // herald-sun-1 is a news article with a sign-in form: only its address may be kept.
    expect(outcome).toBe(name === 'herald-sun-1' ? 'password-field' : 'full');
  });
});

const present = existsSync(CORPUS_PAGES);
if (!present) console.info(`Skipping the corpus gate test: ${CORPUS_PAGES} is absent.`);

describe.skipIf(!present)('the gate and the capture on the full Readability corpus', () => {
  it('passes every page without error', () => {
    const outcomes: Record<string, string[]> = {};
    for (const name of readdirSync(CORPUS_PAGES).sort()) {
      const outcome = gateAndCapture(CORPUS_PAGES, name);
      (outcomes[outcome] ??= []).push(name);
    }
    console.info(
      `corpus gate: ${outcomes.full?.length ?? 0} read in full; address only: ` +
        JSON.stringify({ ...outcomes, full: undefined }),
    );
    expect(outcomes.full?.length ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
