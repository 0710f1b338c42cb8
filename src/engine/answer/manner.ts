/**
 * The checkable rules of how an answer speaks (docs/VOICE.md, issue 15), applied to its text
 * before the user reads it: an answer from a weak best passage says it is unsure, in the
 * question's language, and no answer cites a number that is not one of its sources.
 */
import { keepKnownCitations } from '../../core/answer/citation-markers';
import { isWeakMatch, saysUnsure } from '../../core/answer/confidence';
import { languageOfText, tIn } from '../../shared/i18n-in';
import type { RetrievedSource } from './retrieve';

/**
 * Whether the answer to `retrieved` must say it is unsure (core/answer/confidence.ts), under the
 * embedding model's `line` where it has one.
 */
export const weakMatch = (retrieved: readonly RetrievedSource[], line?: number): boolean =>
  isWeakMatch(
    retrieved.map((r) => r.relevance),
    line,
  );

/**
 * `text` framed as unsure when `weak`: the unsure line first, in the question's language, unless
 * the text already says so (a model told it is unsure usually does; saying it twice is clumsy).
 */
export function framedForConfidence(question: string, text: string, weak: boolean): string {
  if (!weak || saysUnsure(text)) return text;
  return `${tIn(languageOfText(question), 'answerUnsure')}\n\n${text}`;
}

/** A generated answer as the user reads it: only its sources' numbers, unsure when weak. */
export function generatedAnswer(
  question: string,
  text: string,
  sources: number,
  weak: boolean,
): string {
  const known = new Set(Array.from({ length: sources }, (_, i) => i + 1));
  return framedForConfidence(question, keepKnownCitations(text, known), weak);
}
