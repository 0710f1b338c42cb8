/**
 * Shorten a passage for display. CSS clamps the lines; this bounds the DOM, since a quote may be a
 * whole chunk. Cuts between code points (never inside a surrogate pair) and at a space when one is
 * near the end, so English words stay whole.
 */
export function clampText(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= maxChars) return flat;
  let cut = chars.slice(0, maxChars).join('');
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.8) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}
