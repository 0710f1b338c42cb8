import { describe, expect, it } from 'vitest';
import type { Citation } from '../../shared/db';
import { answerCopyText } from './answer-copy';

const cite = (n: number, title: string, url: string, extra: Partial<Citation> = {}): Citation => ({
  n,
  sourceId: `src_${n}`,
  chunkId: `src_${n}#0`,
  title,
  site: new URL(url).hostname,
  url,
  savedAt: 0,
  quote: 'A quote.',
  href: `${url}#:~:text=A%20quote`,
  ...extra,
});

const words = { sources: 'Sources:', forgotten: 'A forgotten source' };

describe('answerCopyText', () => {
  it('puts the sources under the answer as "[n] Title — url", by number', () => {
    const text = answerCopyText(
      'Tides rise twice a day [2], pulled by the moon [1].\n',
      [
        cite(2, 'Tide tables', 'https://sea.example/tables'),
        cite(1, 'The moon', 'https://sky.example/moon'),
      ],
      words,
    );
    expect(text).toBe(
      [
        'Tides rise twice a day [2], pulled by the moon [1].',
        '',
        'Sources:',
        '[1] The moon — https://sky.example/moon',
        '[2] Tide tables — https://sea.example/tables',
      ].join('\n'),
    );
  });

  it('names a forgotten source without a title or address, and drops unsafe addresses', () => {
    const forgotten = cite(1, '', 'https://gone.example/', { forgotten: true, url: '' });
    const unsafe = { ...cite(2, 'Tricky', 'https://ok.example/'), url: 'javascript:alert(1)' };
    expect(answerCopyText('An answer [1][2].', [forgotten, unsafe], words)).toBe(
      'An answer [1][2].\n\nSources:\n[1] A forgotten source\n[2] Tricky',
    );
  });

  it('is only the answer when nothing was cited', () => {
    expect(answerCopyText(' Nothing in memory about that. ', [], words)).toBe(
      'Nothing in memory about that.',
    );
  });

  it('keeps Chinese words as they are', () => {
    const zh = { sources: '来源：', forgotten: '已忘记的来源' };
    expect(
      answerCopyText('潮汐每天两次 [1]。', [cite(1, '潮汐表', 'https://sea.example/')], zh),
    ).toBe('潮汐每天两次 [1]。\n\n来源：\n[1] 潮汐表 — https://sea.example/');
  });
});
