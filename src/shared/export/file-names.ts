/**
 * File names for the Markdown export, made from titles people and web pages wrote: safe on
 * Windows, macOS and Linux and inside a zip (no path separators, no `..`, no reserved device
 * names, no characters a file system or an Obsidian wiki-link refuses), letters of every script
 * kept as they are, and unique — a second "Notes" becomes "Notes 2", compared without case
 * because macOS and Windows do.
 */

/** Refused by Windows (`<>:"/\|?*`), by wiki-links (`[]#^|`), and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*[\]#^\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
/** Characters of the name, leaving room for " 123" and ".md" under common 255-byte limits. */
const MAX_CHARS = 80;

/** A safe base name for a title (no extension); `fallback` when nothing usable is left. */
export function safeBaseName(title: string, fallback: string): string {
  let name = title.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  // No leading dots (hidden files, `..`), no trailing dots or spaces (Windows drops them).
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const chars = [...name];
  if (chars.length > MAX_CHARS) name = chars.slice(0, MAX_CHARS).join('').trimEnd();
  if (name === '' || RESERVED.test(name)) name = name === '' ? fallback : `${name} _`;
  return name;
}

/** Hands out unique names: the first "X" is "X", the next "X 2", "X 3", … */
export class NameBook {
  private readonly taken = new Set<string>();

  claim(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
