/**
 * Extractive answers: before a generation model is ready (or without one), Engram answers with
 * the sentences of the retrieved passages that best match the question, each cited.
 */
import { sentenceSpans } from '../text/sentences';
import { tokenize } from '../text/tokenize';
import { truncateSafely } from '../text/text';

/** A sentence longer than this (a run-on list, a code line) is shown cut, with an ellipsis. */
const MAX_SENTENCE_CHARS = 400;

interface Candidate {
  n: number;
  sentence: string;
  terms: ReadonlySet<string>;
  score: number;
}

function shorten(sentence: string): string {
  const cut = truncateSafely(sentence, MAX_SENTENCE_CHARS);
  return cut.length < sentence.length ? `${cut.trimEnd()}…` : sentence;
}

/**
 * The best `maxSentences` sentences of `passages` for `question`, best first (ties in passage
 * and sentence order), each tagged with its passage number. A sentence scores the sum over the
 * question's terms it contains of ln(1 + S / df), where S is the number of sentences and df the
 * number holding the term: a term found everywhere in the passages says little. Repeated
 * sentences (chunks overlap) count once. Never empty when some passage has text: with no match
 * it falls back to the first sentence of the first passage.
 */
export function extractiveAnswer(
  question: string,
  passages: ReadonlyArray<{ n: number; text: string }>,
  maxSentences = 3,
  { shorten: cut = true }: { shorten?: boolean } = {},
): Array<{ n: number; sentence: string }> {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const { n, text } of passages) {
    for (const span of sentenceSpans(text)) {
      const sentence = text.slice(span.start, span.end);
      const key = sentence.replace(/\s+/g, ' ');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ n, sentence, terms: new Set(tokenize(sentence)), score: 0 });
    }
  }
  const first = candidates[0];
  if (!first) return [];

  const df = new Map<string, number>();
  for (const c of candidates) for (const t of c.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const queryTerms = new Set(tokenize(question));
  for (const c of candidates) {
    for (const t of queryTerms) {
      if (c.terms.has(t)) c.score += Math.log(1 + candidates.length / (df.get(t) ?? 1));
    }
  }

  // Array.prototype.sort is stable, so equal scores keep passage and sentence order.
  const best = candidates
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(1, maxSentences));
  return (best.length > 0 ? best : [first]).map((c) => ({
    n: c.n,
    sentence: cut ? shorten(c.sentence) : c.sentence,
  }));
}

/**
 * The extractive answer as text a reader can follow: each source's sentences together, in the
 * order of its best one, quoted under its number (`[n]`, a chip in the popup), sources apart by a
 * blank line, rather than one wall of sentences from several pages.
 */
export function groupedByPassage(picked: ReadonlyArray<{ n: number; sentence: string }>): string {
  const groups = new Map<number, string[]>();
  for (const { n, sentence } of picked) groups.set(n, [...(groups.get(n) ?? []), sentence]);
  return [...groups]
    .map(([n, sentences]) => `[${n}] ${sentences.map((s) => `“${s}”`).join(' ')}`)
    .join('\n\n');
}
