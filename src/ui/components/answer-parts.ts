/**
 * Split an answer into plain text and citation markers, so the UI can render `[n]` as a chip
 * without ever parsing the answer as HTML.
 */
import { CITATION_MARKER, markerNumbers } from '../../core/answer/citation-markers';

export type AnswerPart = { kind: 'text'; text: string } | { kind: 'cite'; n: number };

/**
 * `known` holds the citation numbers that exist: a group with any other number (`array[0]`, a
 * marker the model invented) stays literal text rather than becoming a chip that opens nothing.
 */
export function splitAnswer(text: string, known: ReadonlySet<number>): AnswerPart[] {
  const parts: AnswerPart[] = [];
  const pushText = (s: string) => {
    if (!s) return;
    const last = parts[parts.length - 1];
    if (last?.kind === 'text') last.text += s;
    else parts.push({ kind: 'text', text: s });
  };
  let at = 0;
  // One marker group: `[1]`, `[1, 2]`, and the full-width shapes of Chinese (`【1】`, `［1，2］`).
  for (const match of text.matchAll(CITATION_MARKER)) {
    const numbers = markerNumbers(match[1] ?? '');
    if (numbers.length === 0 || !numbers.every((n) => known.has(n))) continue;
    pushText(text.slice(at, match.index));
    for (const n of numbers) parts.push({ kind: 'cite', n });
    at = match.index + match[0].length;
  }
  pushText(text.slice(at));
  return parts;
}
