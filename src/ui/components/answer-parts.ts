/**
 * Split an answer into plain text and citation markers, so the UI can render `[n]` as a chip
 * without ever parsing the answer as HTML.
 */

export type AnswerPart = { kind: 'text'; text: string } | { kind: 'cite'; n: number };

/**
 * One marker group: `[1]`, `[12]`, `[1, 2]`, `[1,2]`. Small models writing Chinese also use
 * full-width brackets and commas (`【1】`, `［1，2］`, `[1、2]`), so those count too.
 */
const MARKER = /[[［【]\s*(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\s*[\]］】]/g;

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
  for (const match of text.matchAll(MARKER)) {
    const numbers = (match[1] ?? '').split(/[,，、]/).map((s) => Number(s.trim()));
    if (numbers.length === 0 || !numbers.every((n) => known.has(n))) continue;
    pushText(text.slice(at, match.index));
    for (const n of numbers) parts.push({ kind: 'cite', n });
    at = match.index + match[0].length;
  }
  pushText(text.slice(at));
  return parts;
}
