/**
 * PEM private key blocks (`-----BEGIN … PRIVATE KEY-----` … `-----END … PRIVATE KEY-----`), also
 * when a page shows only the start of one, and inside JSON where line breaks are written `\n`.
 *
 * Found by a single pass over the markers, not by one pattern from BEGIN to END: a lazy
 * `BEGIN[\s\S]*?END` scans to the end of the text from every BEGIN that has no END, which is
 * quadratic on a page repeating the BEGIN line.
 */
import type { SecretSpan } from './redact';

const MARKER = /-----(BEGIN|END) (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;
/** Past this, an END belongs to another block (an RSA 4096 key is about 3.3 kB). */
const MAX_BLOCK = 65_536;
/**
 * The body of a block with no END: white space (or `\n` written out in JSON), base64 runs of 16 or
 * more, and the headers of an encrypted key. Prose after it ("The rest…") has no such runs. It
 * can never fail, so it never backtracks; 400 pieces of at most 200 characters bound it.
 */
const BODY =
  /(?:\s{1,200}|\\n|[A-Za-z0-9+/=]{16,200}|(?:Proc-Type|DEK-Info):[^\n\\]{0,200}){0,400}/y;
/** A real key has key material; `-----BEGIN PRIVATE KEY----- … -----END…` in docs has none. */
const KEY_MATERIAL = /[A-Za-z0-9+/]{40}/;

interface Marker {
  begin: boolean;
  start: number;
  end: number;
}

/** The block opened at `open` and never closed: its marker and the key-like text after it. */
function unclosed(text: string, open: Marker, limit: number): SecretSpan | null {
  BODY.lastIndex = open.end;
  BODY.test(text);
  let end = Math.min(BODY.lastIndex, limit);
  // The line break after the key belongs to the text that follows.
  while (end > open.end && /\s/.test(text.charAt(end - 1))) end -= 1;
  return KEY_MATERIAL.test(text.slice(open.end, end))
    ? { start: open.start, end, kind: 'secret' }
    : null;
}

export function findPrivateKeys(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  let open: Marker | null = null;
  const close = (limit: number): void => {
    if (!open) return;
    const span = unclosed(text, open, limit);
    if (span) spans.push(span);
    open = null;
  };
  for (const match of text.matchAll(MARKER)) {
    const marker: Marker = {
      begin: match[1] === 'BEGIN',
      start: match.index,
      end: match.index + match[0].length,
    };
    if (marker.begin) {
      close(marker.start);
      open = marker;
    } else if (open && marker.end - open.start <= MAX_BLOCK) {
      if (KEY_MATERIAL.test(text.slice(open.end, marker.start))) {
        spans.push({ start: open.start, end: marker.end, kind: 'secret' });
      }
      open = null;
    } else {
      // An END too far from its BEGIN (or with none): the BEGIN stands alone.
      close(marker.start);
    }
  }
  close(text.length);
  return spans;
}
