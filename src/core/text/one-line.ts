/** Small string helpers shared by the extractors. */

/**
 * Cut `text` to at most `max` UTF-16 code units without splitting a surrogate pair: a lone high
 * surrogate at the end would not survive `TextEncoder` or IndexedDB round trips unchanged.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/**
 * Collapse runs of HTML white space to one space and trim: for titles, labels and one-line texts.
 * Only ASCII white space, as HTML rendering does: a no-break or ideographic space is meant.
 */
export function oneLine(text: string | null | undefined): string {
  return (text ?? '').replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/** Join the non-empty, distinct lines of `parts` with newlines. */
export function joinLines(parts: readonly (string | null | undefined)[]): string {
  const seen = new Set<string>();
  for (const part of parts) {
    const line = oneLine(part);
    if (line) seen.add(line);
  }
  return [...seen].join('\n');
}
