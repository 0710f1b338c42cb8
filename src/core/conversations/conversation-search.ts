/**
 * Search as you type over the conversations: every word of the query must appear in the title or
 * in one message of the conversation. A plain substring match after folding case and width: the
 * conversations are a few hundred at most, so a scan per keystroke costs little, and a substring
 * finds Chinese words without a segmenter (an index here would be one more thing to keep in step).
 */

export interface SearchableConversation {
  id: string;
  title: string;
  /** The texts of its messages, questions and answers. */
  texts: readonly string[];
}

export interface ConversationMatch {
  id: string;
  /** Where a word was found outside the title: a short piece of that message, else undefined. */
  snippet?: string;
}

const SNIPPET_BEFORE = 24;
const SNIPPET_LENGTH = 90;

/** Case and width folded (ＡＢＣ → abc), so what the user types finds what was written. */
export const foldText = (text: string): string => text.normalize('NFKC').toLowerCase();

/** The query's words, folded; empty when the query is only spaces. */
export const queryWords = (query: string): string[] =>
  foldText(query)
    .split(/\s+/u)
    .filter((w) => w !== '');

/**
 * The conversations that hold every word of `query`, in the order given (the caller's, newest
 * first). An empty query keeps them all, without snippets.
 */
export function searchConversations(
  conversations: readonly SearchableConversation[],
  query: string,
): ConversationMatch[] {
  const words = queryWords(query);
  if (words.length === 0) return conversations.map(({ id }) => ({ id }));
  const matches: ConversationMatch[] = [];
  for (const conversation of conversations) {
    const title = foldText(conversation.title);
    const texts = conversation.texts.map(foldText);
    const found = words.every((w) => title.includes(w) || texts.some((t) => t.includes(w)));
    if (!found) continue;
    const outside = words.find((w) => !title.includes(w));
    matches.push(
      outside === undefined
        ? { id: conversation.id }
        : { id: conversation.id, snippet: snippetAround(conversation.texts, texts, outside) },
    );
  }
  return matches;
}

/** A piece of the first message holding `word`, cut on whole characters, with ellipses. */
function snippetAround(
  originals: readonly string[],
  folded: readonly string[],
  word: string,
): string | undefined {
  const at = folded.findIndex((t) => t.includes(word));
  if (at < 0) return undefined;
  // Folding can change lengths (NFKC), so cut the folded text's characters, not the original's
  // offsets; the original is shown when folding kept its length.
  const original = originals[at] ?? '';
  const text = [...original].length === [...(folded[at] ?? '')].length ? original : folded[at];
  const chars = [...(text ?? '').replace(/\s+/gu, ' ')];
  const foldedChars = [...(folded[at] ?? '').replace(/\s+/gu, ' ')];
  const index = indexOfChars(foldedChars, [...word]);
  const start = Math.max(0, index - SNIPPET_BEFORE);
  const end = Math.min(chars.length, start + SNIPPET_LENGTH);
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('').trim()}${end < chars.length ? '…' : ''}`;
}

function indexOfChars(haystack: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return 0;
}
