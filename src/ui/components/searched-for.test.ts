/**
 * "What was searched" under an answer (issue 15), in a DOM (linkedom): the follow-up's question
 * as searched and the time filter, in the answer's language, and who rewrote it.
 */
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { tIn } from '../../shared/i18n-in';
import { SearchedFor } from './message';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const { window, document } = parseHTML(
  '<!doctype html><html><body><div id="app"></div></body></html>',
);
const app = document.getElementById('app') as unknown as HTMLElement;
const text = (testid: string) =>
  document.querySelector(`[data-testid="${testid}"]`)?.textContent ?? null;

beforeAll(() => Object.assign(globalThis, { window, document }));
afterAll(() => render(null, app));

test('shows the query and the time filter in English', () => {
  const searched = { query: 'What did Zuckerberg say about cost?', time: 'last week' };
  render(h(SearchedFor, { searched, language: 'en' }), app);
  expect(document.querySelector('details summary')?.textContent).toBe('What was searched');
  expect(text('searched-query')).toBe('Searched for: What did Zuckerberg say about cost?');
  expect(text('searched-time')).toBe('Only what you saw: last week');
  expect(text('searched-by')).toBeNull();
});

test('shows them in Chinese, and says when the language model rewrote the question', () => {
  const searched = { query: '树莓派3卖多少钱？', time: '三周前', by: 'model' as const };
  render(h(SearchedFor, { searched, language: 'zh' }), app);
  expect(document.querySelector('details summary')?.textContent).toBe('搜索了什么');
  expect(text('searched-query')).toBe('搜索内容：树莓派3卖多少钱？');
  expect(text('searched-time')).toBe('只看这段时间看过的：三周前');
  expect(text('searched-by')).toBe(tIn('zh', 'popupSearchedByModel'));
});
