import { describe, expect, it } from 'vitest';
import { htmlDocument } from '../../tests/content/helpers';
import { deeperThan } from './dom-depth';
import { extractPage } from './extract-page';

const nested = (depth: number, tail = '') =>
  htmlDocument(
    `<html><body>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}${tail}</body></html>`,
  ).documentElement;

describe('deeperThan', () => {
  it('measures the deepest branch, not the first one', () => {
    // html > body > 10 divs: the deepest element is 11 levels below <html>.
    expect(deeperThan(nested(10), 11, 1_000)).toBe(false);
    expect(deeperThan(nested(10), 10, 1_000)).toBe(true);
    const late = nested(2, `<section>${'<i>'.repeat(30)}${'</i>'.repeat(30)}</section>`);
    expect(deeperThan(late, 20, 1_000)).toBe(true);
  });

  it('walks 5,000 levels without recursion, and stops at its element budget', () => {
    expect(deeperThan(nested(5_000), 256, 1_000_000)).toBe(true);
    expect(deeperThan(nested(5_000), 256, 100)).toBe(false);
  });
});

describe('extractPage past the depth limit', () => {
  it('skips Readability for the iterative visible-text walk, and keeps the words', () => {
    const article = `<article><h1>Bridge</h1>${'<p>The council met on Tuesday to discuss the bridge. </p>'.repeat(8)}</article>`;
    const html = `<html><body>${'<div>'.repeat(12)}${article}${'</div>'.repeat(12)}</body></html>`;
    const shallowLimit = extractPage(htmlDocument(html), { maxDepth: 8 });
    expect(shallowLimit.extractor).toBe('visible-text');
    expect(shallowLimit.text).toContain('The council met on Tuesday');
    expect(extractPage(htmlDocument(html), { maxDepth: 256 }).extractor).toBe('readability');
  });
});
