/**
 * "remember …" typed in the chat is a note to keep, not a question: the cost of keeping a passing
 * thought should be one sentence. English and Chinese forms; the rest of the line is the note.
 */
const PREFIX =
  /^\s*(?:remember(?:\s+that)?\s*[:,：，]?\s+|note\s*[:：]\s*|记住\s*[:：，,]?\s*|记一下\s*[:：，,]?\s*)/i;

/** The note's text when `input` asks to remember something, else undefined. */
export function noteFrom(input: string): string | undefined {
  const match = PREFIX.exec(input);
  if (!match) return undefined;
  const note = input.slice(match[0].length).trim();
  return note.length > 0 ? note : undefined;
}

/** A short title for a note: its first line, at most 80 characters (whole code points). */
export function noteTitle(note: string): string {
  const line = note.split('\n', 1)[0]?.trim() ?? '';
  const chars = [...line];
  return chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : line;
}
