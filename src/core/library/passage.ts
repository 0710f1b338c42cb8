/**
 * The passage the library opens a source's original at (a URL text fragment, issue 12): the
 * first part the user read (automatic capture), else what they had selected, else the start of
 * the kept text. Read ranges are skipped when they do not fit the text, as the item page's
 * marks skip them (ui/library/marked-text.tsx): a stale range must not point at nothing.
 */

/** How much of the start to aim at when nothing was read or selected. */
export const START_CHARS = 300;

export interface PassageSource {
  text: string;
  read?: ReadonlyArray<{ start: number; end: number }>;
  selection?: string;
}

export function passageOf(source: PassageSource): string {
  const { text } = source;
  for (const { start, end } of source.read ?? []) {
    if (start < 0 || end <= start || end > text.length) continue;
    const part = text.slice(start, end);
    if (part.trim()) return part;
  }
  if (source.selection?.trim()) return source.selection;
  // Never end on half of a surrogate pair (an emoji, a rare CJK character).
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(START_CHARS - 1)) ? START_CHARS - 1 : START_CHARS;
  return text.slice(0, cut);
}
