import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CITATION_MARKER, keepKnownCitations, markerNumbers } from './citation-markers';

const THREE = new Set([1, 2, 3]);
const keep = (text: string): string => keepKnownCitations(text, THREE);

describe('keepKnownCitations: no answer claims a source it did not cite', () => {
  it('leaves an answer citing only its sources as it is', () => {
    const text = 'Futures do nothing unless polled [1]. Tokio runs them [2][3].\n\n【1】 also.';
    expect(keep(text)).toBe(text);
  });

  it('removes an unknown marker with the space before it (English)', () => {
    expect(keep('Futures do nothing unless polled [7].')).toBe('Futures do nothing unless polled.');
    expect(keep('Polled [7] and then run [1].')).toBe('Polled and then run [1].');
    expect(keep('Polled [4]\nRun [1].')).toBe('Polled\nRun [1].');
  });

  it('removes an unknown marker in Chinese text, with full-width brackets too', () => {
    expect(keep('每两三天轻喷一次[7]。')).toBe('每两三天轻喷一次。');
    expect(keep('每两三天轻喷一次 【5】，让苔藓湿润［1］。')).toBe(
      '每两三天轻喷一次，让苔藓湿润［1］。',
    );
    expect(keep('一篇说会影响睡眠［1，9］，另一篇说不会【2、4】。')).toBe(
      '一篇说会影响睡眠［1］，另一篇说不会【2】。',
    );
  });

  it('keeps the known chips of a run of adjacent ones', () => {
    expect(keep('Caffeine lasts six hours [1][7].')).toBe('Caffeine lasts six hours [1].');
    expect(keep('Caffeine lasts six hours [7][1].')).toBe('Caffeine lasts six hours [1].');
    expect(keep('Caffeine lasts [1] [8] [2] hours.')).toBe('Caffeine lasts [1] [2] hours.');
    expect(keep('Caffeine lasts six hours [7][9].')).toBe('Caffeine lasts six hours.');
    expect(keep('咖啡因六小时后仍有影响[1][7]。')).toBe('咖啡因六小时后仍有影响[1]。');
  });

  it('keeps the known numbers of a group, in its own separator', () => {
    expect(keep('Both say so [1, 7].')).toBe('Both say so [1].');
    expect(keep('All say so [1,2,12].')).toBe('All say so [1,2].');
    expect(keep('All say so [9, 12].')).toBe('All say so.');
  });

  it('removes a marker that begins a line with the space after it', () => {
    expect(keep('[6] Moss likes shade.\n[5] It grows slowly [1].')).toBe(
      'Moss likes shade.\nIt grows slowly [1].',
    );
  });

  it('leaves code indexes alone, but not a full-width marker glued to a word', () => {
    expect(keep('Read `items[0]` and `grid[12][4]` first [1].')).toBe(
      'Read `items[0]` and `grid[12][4]` first [1].',
    );
    expect(keep('Moss【7】 likes shade [1].')).toBe('Moss likes shade [1].');
  });

  it('removes every marker when there are no sources', () => {
    expect(keepKnownCitations('It costs $35 [1].', new Set())).toBe('It costs $35.');
  });

  // Words here never touch a marker: ASCII brackets glued to a word are an index (tested above).
  it('leaves no number that is not a source, whatever the text (property)', () => {
    const piece = fc.constantFrom(
      'Moss ',
      ' ',
      '。',
      '\n',
      '[1]',
      '[4]',
      '[2, 9]',
      '【7】',
      '［3，5］',
      '[1][8]',
      '喷水',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const out = keep(pieces.join(''));
        for (const m of out.matchAll(CITATION_MARKER)) {
          expect(markerNumbers(m[1] ?? '').every((n) => THREE.has(n))).toBe(true);
        }
        expect(keep(out)).toBe(out);
      }),
    );
  });
});

describe('markerNumbers', () => {
  it('reads ASCII and full-width separators', () => {
    expect(markerNumbers('1, 2')).toEqual([1, 2]);
    expect(markerNumbers('1，2、3')).toEqual([1, 2, 3]);
  });
});
