import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkText, type TextChunk } from './chunk';
import { graphemeBoundaries, hostileText, isWellFormed } from './test-arbitraries';
import { estimateTokens } from './tokenize';

/** Every non-whitespace code unit of text lies in some chunk. */
function uncovered(text: string, chunks: readonly TextChunk[]): number[] {
  const covered = new Uint8Array(text.length);
  for (const c of chunks) covered.fill(1, c.start, c.end);
  const missing: number[] = [];
  for (let i = 0; i < text.length; i++)
    if (!covered[i] && /\S/.test(text.charAt(i))) missing.push(i);
  return missing;
}

const isSingleGrapheme = (text: string): boolean =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length === 1;

describe('chunkText', () => {
  it('gives nothing for empty or blank input', () => {
    expect(chunkText('')).toEqual([]);
    expect(chunkText(' \n\n\t \r\n ')).toEqual([]);
  });

  it('keeps a short text whole, trimmed, with offsets into the input', () => {
    const text = '\n  Hello world. This is Engram.  \n';
    expect(chunkText(text)).toEqual([{ text: 'Hello world. This is Engram.', start: 3, end: 31 }]);
  });

  it('packs whole sentences and overlaps the previous chunk’s last sentences', () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `Sentence number ${i} is here.`);
    const chunks = chunkText(sentences.join(' '), { maxTokens: 30, overlapTokens: 10 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.text).toMatch(/^Sentence number \d+ is here\.( |$)/);
    for (const c of chunks) expect(c.text).toMatch(/\.$/);
    for (let i = 1; i < chunks.length; i++) {
      const prev = chunks[i - 1]?.text ?? '';
      const firstSentence = /^Sentence number \d+ is here\./.exec(chunks[i]?.text ?? '')?.[0] ?? '';
      expect(prev.endsWith(firstSentence)).toBe(true); // one sentence (7 tokens) of overlap
    }
  });

  it('starts a new chunk at a paragraph that does not fit', () => {
    const a = 'First paragraph sentence one. Sentence two.';
    const b = 'Second paragraph, which is long enough not to fit in the room that is left here.';
    const chunks = chunkText(`${a}\n\n${b}`, { maxTokens: 25, overlapTokens: 10 });
    expect(chunks.map((c) => c.text)).toEqual([a, b]);
  });

  it('chunks Chinese text at sentence ends', () => {
    const sentences = [
      '我昨天读了一篇关于量子计算的文章。',
      '量子计算利用量子比特进行运算，和经典计算完全不同。',
      '作者认为十年内会有实用的量子计算机吗？',
      '他说这取决于纠错技术的进展！',
      '文章最后讨论了密码学受到的影响。',
    ];
    const chunks = chunkText(sentences.join('').repeat(3), { maxTokens: 50, overlapTokens: 20 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      expect(estimateTokens(c.text)).toBeLessThanOrEqual(50);
      expect(c.text).toMatch(/[。！？]$/);
    }
  });

  it('hard-splits an over-long sentence at word, then grapheme boundaries', () => {
    const words = chunkText('lorem '.repeat(100).trim(), { maxTokens: 20, overlapTokens: 0 });
    for (const c of words) expect(c.text).toMatch(/^(lorem )*lorem$/);
    const emoji = chunkText('👨‍👩‍👧‍👦'.repeat(50), { maxTokens: 10, overlapTokens: 0 });
    expect(emoji.length).toBeGreaterThan(1);
    for (const c of emoji) expect(c.text).toMatch(/^(👨‍👩‍👧‍👦)+$/u);
  });

  it('keeps its promises on hostile text (property)', () => {
    const opts = fc.record({
      maxTokens: fc.integer({ min: 1, max: 60 }),
      overlapTokens: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(hostileText(200), opts, (text, o) => {
        const chunks = chunkText(text, o);
        const boundaries = graphemeBoundaries(text);
        for (const c of chunks) {
          expect(c.text).toBe(text.slice(c.start, c.end));
          expect(c.end).toBeGreaterThan(c.start);
          // Never inside a surrogate pair, nor any other grapheme cluster.
          expect(boundaries.has(c.start), `start ${c.start}`).toBe(true);
          expect(boundaries.has(c.end), `end ${c.end}`).toBe(true);
          expect(isWellFormed(c.text)).toBe(true);
          if (!isSingleGrapheme(c.text))
            expect(estimateTokens(c.text)).toBeLessThanOrEqual(o.maxTokens);
        }
        for (let i = 1; i < chunks.length; i++) {
          expect(chunks[i]?.start).toBeGreaterThan(chunks[i - 1]?.start ?? -1);
        }
        expect(uncovered(text, chunks)).toEqual([]);
        expect(chunkText(text, o)).toEqual(chunks); // deterministic
      }),
      { numRuns: 400 },
    );
  });

  it('chunks a 2 MB page', () => {
    const paragraph = (i: number): string =>
      i % 3 === 0
        ? `第${i}段：我昨天读了一篇关于量子计算的文章。作者认为纠错是关键！你同意吗？`
        : `Paragraph ${i} talks about Rust async runtimes and how executors poll futures. ` +
          `It was written on day ${i % 365}, and it is fairly long to look like a real article. `.repeat(
            3,
          );
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < 2_000_000; i++) {
      const p = paragraph(i);
      parts.push(p);
      length += p.length + 2;
    }
    const page = parts.join('\n\n');
    const started = performance.now();
    const chunks = chunkText(page);
    const ms = performance.now() - started;
    console.log(
      `chunkText: ${(page.length / 1e6).toFixed(2)} M chars → ${chunks.length} chunks in ${ms.toFixed(0)} ms`,
    );
    expect(chunks.length).toBeGreaterThan(2_000_000 / 1_500);
    expect(uncovered(page, chunks)).toEqual([]);
    for (const c of chunks) expect(estimateTokens(c.text)).toBeLessThanOrEqual(200);
  }, 30_000);
});
