import { describe, expect, it } from 'vitest';
import { extractiveAnswer, groupedByPassage } from './extractive';
import { scrubAnswer, wordsOf } from './scrub-answer';

const kept = 'Tokio is an async runtime for Rust. It schedules tasks on a thread pool.';
const gone =
  'The Vexmoor lighthouse keeper logged every storm. Quokkafest draws crowds to the async harbour.';

describe('scrubAnswer', () => {
  it("drops a forgotten source's group from an extractive answer and keeps the others", () => {
    const question = 'async runtime storm lighthouse';
    const text = groupedByPassage(
      extractiveAnswer(question, [
        { n: 1, text: kept },
        { n: 2, text: gone },
      ]),
    );
    expect(text).toContain('[2]');
    const scrubbed = scrubAnswer({
      text,
      forgotten: new Set([2]),
      forgottenWords: [wordsOf(gone)],
      keptWords: [wordsOf(question), wordsOf(kept)],
    });
    expect(scrubbed.removed).toBeGreaterThan(0);
    expect(scrubbed.text).not.toMatch(/Vexmoor|lighthouse|\[2\]/);
    expect(scrubbed.text).toContain('[1] “Tokio is an async runtime for Rust.”');
  });

  it('drops generated sentences that cite only the forgotten source or carry its words', () => {
    const text = [
      'Tokio runs async tasks on a thread pool [1]. The keeper logged storms [2].',
      'Both mention async [1, 2]. Quokkafest is crowded.',
      'I found nothing else.',
    ].join('\n\n');
    const scrubbed = scrubAnswer({
      text,
      forgotten: new Set([2]),
      forgottenWords: [wordsOf(gone)],
      keptWords: [wordsOf('what about async?'), wordsOf(kept)],
    });
    expect(scrubbed.text).toBe(
      'Tokio runs async tasks on a thread pool [1].\n\nBoth mention async [1, 2].\n\nI found nothing else.',
    );
    expect(scrubbed.removed).toBe(2);
  });

  it('leaves an answer untouched when nothing of the forgotten source is in it', () => {
    const text = 'Tokio is an async runtime [1].\n\n';
    expect(
      scrubAnswer({
        text,
        forgotten: new Set([2]),
        forgottenWords: [wordsOf(gone)],
        keptWords: [wordsOf(kept)],
      }),
    ).toEqual({ text, removed: 0 });
  });

  it('empties an answer made only of the forgotten source', () => {
    const text = '[1] “The Vexmoor lighthouse keeper logged every storm.”';
    expect(
      scrubAnswer({
        text,
        forgotten: new Set([1]),
        forgottenWords: [wordsOf(gone)],
        keptWords: [wordsOf('storm?')],
      }),
    ).toEqual({ text: '', removed: 1 });
  });

  it('finds a forgotten word written in Chinese', () => {
    const text = '量子计算很难。灯塔看守人记录了风暴。';
    const scrubbed = scrubAnswer({
      text,
      forgotten: new Set([1]),
      forgottenWords: [wordsOf('灯塔看守人记录了每一场风暴。')],
      keptWords: [wordsOf('量子计算很难吗？')],
    });
    expect(scrubbed.text).toBe('量子计算很难。');
  });
});
