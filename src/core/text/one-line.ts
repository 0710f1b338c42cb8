/** One-line forms of page strings (titles, labels, alt texts), for the extractors. */

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
