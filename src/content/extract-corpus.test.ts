/**
 * Extraction over the whole Readability test corpus, when this machine has it (it lives outside
 * the repository). The always-on subset is in extract-page.test.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_PAGES, FAKE_BASE, htmlDocument, loadPage } from '../../tests/content/helpers';
import { expectedText, overlap } from '../../tests/content/overlap';
import { extractPage } from './extract-page';

const present = existsSync(CORPUS_PAGES);
if (!present) console.info(`Skipping the full-corpus extraction test: ${CORPUS_PAGES} is absent.`);

describe.skipIf(!present)('extractPage over the full Readability corpus', () => {
  it('extracts every page, with the expected titles and words', () => {
    const names = readdirSync(CORPUS_PAGES).sort();
    const rows: {
      name: string;
      recall: number;
      precision: number;
      title: boolean;
      extractor: string;
    }[] = [];
    for (const name of names) {
      const page = loadPage(CORPUS_PAGES, name);
      const doc = htmlDocument(page.source);
      const result = extractPage(doc, { baseUrl: FAKE_BASE, pageUrl: FAKE_BASE });
      expect(result.text.length, name).toBeGreaterThan(0);
      const { recall, precision } = overlap(expectedText(page.expectedHtml ?? ''), result.text);
      rows.push({
        name,
        recall,
        precision,
        title: result.title === page.expectedTitle,
        extractor: result.extractor,
      });
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const summary = {
      pages: rows.length,
      titlesMatching: rows.filter((r) => r.title).length,
      readability: rows.filter((r) => r.extractor === 'readability').length,
      meanRecall: mean(rows.map((r) => r.recall)),
      meanPrecision: mean(rows.map((r) => r.precision)),
      pagesRecallBelow90: rows
        .filter((r) => r.recall < 0.9)
        .map((r) => `${r.name} ${r.recall.toFixed(2)}`),
      titleMismatches: rows.filter((r) => !r.title).map((r) => r.name),
    };
    console.info('Corpus extraction:', JSON.stringify(summary, null, 2));
    expect(summary.titlesMatching / summary.pages).toBeGreaterThan(0.9);
    expect(summary.meanRecall).toBeGreaterThan(0.95);
    // "Most of the expected words", page by page.
    for (const row of rows) expect(row.recall, row.name).toBeGreaterThan(0.6);
  }, 120_000);
});
