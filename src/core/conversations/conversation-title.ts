/**
 * A conversation's title as the user renamed it: one line, spaces collapsed, at most
 * TITLE_MAX_CHARS characters (whole characters: an emoji or a Chinese character is never cut in
 * half). Empty means "no title", which the caller refuses rather than keep a blank row in the list.
 */
export const TITLE_MAX_CHARS = 200;

export function cleanTitle(title: string): string {
  const line = title.replace(/\s+/gu, ' ').trim();
  return [...line].slice(0, TITLE_MAX_CHARS).join('').trim();
}
