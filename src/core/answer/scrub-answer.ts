/**
 * Forgetting a source also takes its words out of the answers that quoted it (issue 12). An
 * extractive answer is made of the sources' own sentences, each source's under its `[n]`, and a
 * generated one repeats what the model read, so keeping the answer as it was would keep the page.
 *
 * What goes, paragraph by paragraph (blank lines apart, as the extractive answer groups sources):
 * - a paragraph whose citation markers all name forgotten sources (an extractive answer's group
 *   of that source's sentences; a generated paragraph citing only it);
 * - in the paragraphs left, a sentence whose markers all name forgotten sources, or one holding a
 *   word of a forgotten source that neither the question nor a source still cited contains. Such a
 *   word can only have come from the forgotten page. This errs toward removing too much: a
 *   generated sentence that happens to use such a word goes too, which costs a sentence of an old
 *   answer rather than leaving a trace of what the user asked to forget.
 */
import { CITATION_MARKER, markerNumbers } from './citation-markers';
import { sentenceSpans } from '../text/sentences';
import { tokenize } from '../text/tokenize';

export interface ScrubInput {
  text: string;
  /** The citation numbers of the forgotten sources. */
  forgotten: ReadonlySet<number>;
  /** The forgotten sources' words (`wordsOf` their text: what the answer may have copied). */
  forgottenWords: ReadonlyArray<ReadonlySet<string>>;
  /** The words of the question and of the sources still cited: these may stay. */
  keptWords: ReadonlyArray<ReadonlySet<string>>;
}

/** The words scrubbing compares, as keyword search reads them (folded, no stop words). */
export const wordsOf = (text: string): Set<string> => new Set(tokenize(text));

export interface Scrubbed {
  text: string;
  /** Sentences taken out (a removed paragraph counts its sentences). */
  removed: number;
}

function markersIn(text: string): number[] {
  return [...text.matchAll(CITATION_MARKER)].flatMap((m) => markerNumbers(m[1] ?? ''));
}

/** True when `text` cites something and every citation is forgotten. */
function citesOnlyForgotten(text: string, forgotten: ReadonlySet<number>): boolean {
  const cited = markersIn(text);
  return cited.length > 0 && cited.every((n) => forgotten.has(n));
}

export function scrubAnswer({ text, forgotten, forgottenWords, keptWords }: ScrubInput): Scrubbed {
  const own = (word: string): boolean =>
    forgottenWords.some((words) => words.has(word)) && !keptWords.some((words) => words.has(word));
  const fromForgotten = (sentence: string): boolean =>
    citesOnlyForgotten(sentence, forgotten) || tokenize(sentence).some(own);

  let removed = 0;
  const paragraphs: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const spans = sentenceSpans(paragraph);
    if (citesOnlyForgotten(paragraph, forgotten)) {
      removed += Math.max(1, spans.length);
      continue;
    }
    const sentences = spans.map(({ start, end }) => paragraph.slice(start, end));
    const staying = sentences.filter((s) => !fromForgotten(s));
    removed += sentences.length - staying.length;
    if (staying.length === sentences.length) paragraphs.push(paragraph.trim());
    else if (staying.length > 0) paragraphs.push(staying.join(' '));
  }
  return removed === 0 ? { text, removed } : { text: paragraphs.join('\n\n'), removed };
}
