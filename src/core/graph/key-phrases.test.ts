import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyPhrases, type TermStats } from './key-phrases';
import { phraseCandidates } from './phrase-candidates';

/** A small "index": common words are in most of 1,000 documents, the topic's words in few. */
const COMMON = new Set(['people', 'work', 'week', 'model', 'system', 'data', 'city', 'report']);
const stats: TermStats = { df: (t) => (COMMON.has(t) ? 600 : 3), documents: 1_000 };

const ENGLISH = `Neural networks learn from data. A neural network is a system of layers, and each
layer of the neural network transforms its input. Researchers at the University of Toronto trained
neural networks on images for a week. The people who work on gradient descent say gradient descent
is slow, but the report says the model works. Gradient descent updates the weights of a
neural network. The city was quiet that week.`;

describe('keyPhrases', () => {
  it('finds the phrases a text is about, as the text writes them', () => {
    const phrases = keyPhrases(ENGLISH, stats, { k: 3 }).map((p) => p.phrase);
    expect(phrases).toContain('neural network');
    expect(phrases).toContain('gradient descent');
  });

  it('never runs a phrase across a stop word or punctuation', () => {
    const keys = [
      ...phraseCandidates('The new model was trained on data, quickly. Paris; London').keys(),
    ];
    expect(keys).toContain('model');
    expect(keys).not.toContain('new model');
    expect(keys).not.toContain('data quickly');
    expect(keys).not.toContain('paris london');
  });

  it('prefers rare words: the same count of a common word scores lower', () => {
    const text = 'data data data zebra zebra zebra';
    const [first] = keyPhrases(text, stats, { k: 1 });
    expect(first?.key).toBe('zebra');
  });

  it('boosts phrases of the title', () => {
    const text = `${'alpha beta. '.repeat(3)}${'gamma delta. '.repeat(3)}`;
    expect(keyPhrases(text, stats, { k: 1, title: 'About gamma delta' })[0]?.key).toBe(
      'gamma delta',
    );
  });

  it('leaves out a phrase that overlaps a better one', () => {
    const keys = keyPhrases(ENGLISH, stats, { k: 10 }).map((p) => p.key);
    const nested = keys.filter((k) => k !== 'neural network' && 'neural network'.includes(k));
    expect(nested).toEqual([]);
  });

  it('names an idea once, singular or plural, and ends phrases at quotes', () => {
    const text = 'Student newsrooms matter. A student newsroom teaches. Student newsrooms grow.';
    const keys = keyPhrases(text, stats, { k: 10 }).map((p) => p.key);
    expect(keys.filter((k) => k.startsWith('student'))).toHaveLength(1);
    expect([...phraseCandidates('‘一带一路’建设').keys()]).not.toContain('一带一路建设');
  });

  it('looks up the keyword index terms: folded words, hyphenated words split', () => {
    const asked = new Set<string>();
    keyPhrases('Wi-Fi Wi-Fi ＲＵＳＴ ＲＵＳＴ Firefox’s Firefox', {
      df: (t) => (asked.add(t), 1),
      documents: 10,
    });
    expect([...asked].sort()).toEqual(['fi', 'firefox', 'rust', 'wi']);
  });

  it('finds Chinese phrases through word segmentation', () => {
    const text =
      '量子计算是一种新的计算方式。量子计算机使用量子比特。研究人员认为量子计算将改变密码学，' +
      '量子比特的数量每年都在增加。量子计算的发展需要时间。';
    const phrases = keyPhrases(text, { df: () => 1, documents: 100 }, { k: 5 }).map(
      (p) => p.phrase,
    );
    expect(phrases.some((p) => p.includes('量子'))).toBe(true);
    expect(phrases.every((p) => p.length >= 2)).toBe(true);
    expect(phrases).not.toContain('我们');
  });

  it('drops Japanese grammar written in hiragana alone', () => {
    const keys = [...phraseCandidates('東京大学で研究していない人工知能').keys()];
    expect(keys.some((k) => /^\p{sc=Hiragana}+$/u.test(k))).toBe(false);
  });

  it('works with an empty index and returns nothing for nothing', () => {
    expect(keyPhrases('', stats)).toEqual([]);
    expect(keyPhrases(ENGLISH, stats, { k: 0 })).toEqual([]);
    expect(keyPhrases(ENGLISH, { df: () => 0, documents: 0 }, { k: 2 })).toHaveLength(2);
  });

  it('needs two uses of a phrase in a long text, unless the title has it', () => {
    const long = `${'filler words here. '.repeat(200)} Zanzibar.`;
    expect(keyPhrases(long, stats, { k: 50 }).map((p) => p.key)).not.toContain('zanzibar');
    expect(keyPhrases(long, stats, { k: 50, title: 'Zanzibar' }).map((p) => p.key)).toContain(
      'zanzibar',
    );
  });

  it('is deterministic, bounded and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        const a = keyPhrases(text, stats, { k: 5 });
        expect(a.length).toBeLessThanOrEqual(5);
        expect(keyPhrases(text, stats, { k: 5 })).toEqual(a);
      }),
    );
  });
});
