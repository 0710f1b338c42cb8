/**
 * Where the parts a user read sit in a page's text: automatic capture marks them (issue 5, "saved
 * with the read parts marked"), so ranking and the UI can tell what was read from what was only
 * on the page. A part that is not found in the text (it was outside the main content) is skipped.
 */
import { normalizeText } from '../text/text';

export interface TextRange {
  start: number;
  end: number;
}

/** UTF-16 ranges of `parts` in `text` (both already normalised), sorted, overlaps merged. */
export function readRanges(text: string, parts: readonly string[]): TextRange[] {
  const found: TextRange[] = [];
  for (const raw of parts) {
    const part = normalizeText(raw);
    if (!part) continue;
    const start = text.indexOf(part);
    if (start >= 0) found.push({ start, end: start + part.length });
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
