/** The citation list's entity links (issue 14), rendered into a DOM (linkedom). */
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { Citation } from '../../shared/db';
import { tIn } from '../../shared/i18n-in';
import { CitationList } from './citation-list';

// Opening a citation goes through the polyfill, which loads only in an extension.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const { window, document } = parseHTML(
  '<!doctype html><html><body><div id="app"></div></body></html>',
);
const app = document.getElementById('app') as unknown as HTMLElement;
const NOW = Date.UTC(2026, 2, 20);

/** A citation as the engine writes it (engine/answer/citations.ts), numbered `n`. */
function citation(n: number, over: Partial<Citation> = {}): Citation {
  const url = `https://example.com/${n}`;
  return {
    n,
    sourceId: `src_${n}`,
    chunkId: `src_${n}#0`,
    title: `Page ${n}`,
    site: 'example.com',
    url,
    href: url,
    savedAt: NOW - 86_400_000,
    quote: '',
    ...over,
  };
}

beforeAll(() => Object.assign(globalThis, { window, document }));
afterEach(() => render(null, app));

const links = () =>
  Array.from(
    app.querySelectorAll('[data-testid="citation-entity"]'),
  ) as unknown as HTMLAnchorElement[];

test('a citation links the entities it names to their pages, beside its button', () => {
  const mira = { id: 'e:person:mira okonkwo', name: 'Mira Okonkwo' };
  render(
    h(CitationList, {
      citations: [citation(1, { entities: [mira] }), citation(2)],
      language: 'en',
      now: NOW,
    }),
    app,
  );
  const [link, ...rest] = links();
  expect(rest).toEqual([]);
  expect(link?.textContent).toBe('Mira Okonkwo');
  expect(link?.getAttribute('href')).toBe('/graph.html#/entity/e%3Aperson%3Amira%20okonkwo');
  expect(link?.getAttribute('target')).toBe('_blank');
  expect(link?.getAttribute('title')).toBe(tIn('en', 'popupCitationEntity', 'Mira Okonkwo'));
  // A link inside the citation's button would be neither clickable nor reachable by Tab.
  expect(link?.closest('button')).toBeNull();
  expect(
    link?.closest('li')?.querySelector('[data-testid="citation"]')?.getAttribute('data-n'),
  ).toBe('1');
});

test('at most three links, in the question’s language, and none under a forgotten source', () => {
  const many = ['A', 'B', 'C', 'D'].map((name) => ({ id: `e:idea:${name}`, name }));
  render(
    h(CitationList, {
      citations: [
        citation(1, { entities: many }),
        citation(2, { forgotten: true, entities: many }),
      ],
      language: 'zh',
      now: NOW,
    }),
    app,
  );
  expect(links().map((a) => a.textContent)).toEqual(['A', 'B', 'C']);
  expect(links()[0]?.getAttribute('title')).toBe('打开关于 A 的页面');
});
