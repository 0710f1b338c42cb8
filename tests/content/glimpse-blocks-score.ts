/**
 * How much of what a glimpse keeps is the page's content (issue 10), scored against Readability's
 * expected article for the corpus pages. linkedom has no layout, so every text block of the page
 * stands for "what a reader could have seen"; a block is article text when its words appear, in
 * order, in the expected article (a short one, a whole line of it, but for a table cell).
 */
import { blockText, textBlocks } from '../../src/content/blocks';
import { expectedText } from './overlap';
import { htmlDocument, loadPage } from './helpers';

export interface BlockScore {
  name: string;
  /** Text blocks of the page (non-empty). */
  blocks: number;
  /** Of those, blocks of the expected article. */
  article: number;
  /** Blocks the filter kept. */
  kept: number;
  /** Blocks kept that are article text. */
  keptArticle: number;
}

const squash = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The expected article, squashed, whole and line by line. */
export interface Article {
  text: string;
  lines: ReadonlySet<string>;
}

export function article(expected: string): Article {
  return { text: ` ${squash(expected)} `, lines: new Set(expected.split('\n').map(squash)) };
}

/**
 * Whether a block's text is part of the article: its words, in order, in the expected text. A
 * short block ("Home", "Health") must be a whole line of it: its words alone would be found in
 * almost any article.
 */
export function inArticle(block: string, { text, lines }: Article, cell = false): boolean {
  const words = squash(block);
  if (!words) return false;
  if (lines.has(words)) return true;
  // A table's cells are joined into one line per row: a cell is found within it.
  const long = cell || words.split(' ').length >= 4 || words.length >= 20;
  return long && text.includes(` ${words} `);
}

export function scorePage(
  dir: string,
  name: string,
  keep: (block: Element, doc: Document) => boolean,
): BlockScore {
  const page = loadPage(dir, name);
  const doc = htmlDocument(page.source);
  const expected = article(expectedText(page.expectedHtml ?? ''));
  const score: BlockScore = { name, blocks: 0, article: 0, kept: 0, keptArticle: 0 };
  const root = doc.body ?? doc.documentElement;
  for (const el of textBlocks(root)) {
    const text = blockText(el);
    if (!text) continue;
    const isArticle = inArticle(text, expected, el.matches('td, th'));
    score.blocks += 1;
    if (isArticle) score.article += 1;
    if (!keep(el, doc)) continue;
    score.kept += 1;
    if (isArticle) score.keptArticle += 1;
  }
  return score;
}

export interface CorpusScore {
  pages: number;
  /** Mean over pages of kept article blocks / kept blocks (pages keeping nothing count as 1). */
  precision: number;
  /** Mean over pages of kept article blocks / article blocks (pages with none left out). */
  recall: number;
  /** The same over all blocks of all pages together. */
  pooledPrecision: number;
  pooledRecall: number;
}

export function summarize(rows: readonly BlockScore[]): CorpusScore {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const sum = (f: (r: BlockScore) => number) => rows.reduce((a, r) => a + f(r), 0);
  return {
    pages: rows.length,
    precision: mean(rows.map((r) => (r.kept ? r.keptArticle / r.kept : 1))),
    recall: mean(rows.filter((r) => r.article > 0).map((r) => r.keptArticle / r.article)),
    pooledPrecision:
      sum((r) => r.keptArticle) /
      Math.max(
        1,
        sum((r) => r.kept),
      ),
    pooledRecall:
      sum((r) => r.keptArticle) /
      Math.max(
        1,
        sum((r) => r.article),
      ),
  };
}
