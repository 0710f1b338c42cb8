/**
 * Secrets given a name: `?access_token=…` in a URL, `PASSWORD=…` in a config, `"apiKey": "…"` in
 * JSON, `password: hunter2` in a forum post. The value goes; the name stays, so the text still
 * reads as what it was.
 *
 * Names are found by one linear pattern and judged in code (by their words: `max_tokens` is not a
 * token, `access_token` is). The value is then read at that offset without consuming it, so that
 * "Note: password=x" finds the password after finding "Note".
 */
import type { SecretSpan } from './redact';

const NAME = /(?<![\w.-])([A-Za-z_][\w.-]{0,63})["']?([ \t]{0,3})([:=])([ \t]{0,3})/g;
const BARE_VALUE = /[^\s&#"'<>,;)\]}]{1,1024}/y;
const MAX_QUOTED = 1_024;

/** Last words that name a secret on their own. */
const SECRET_WORDS: ReadonlySet<string> = new Set(
  (
    'password passwd pwd pass passphrase passcode secret token credential credentials ' +
    'signature sig apikey sessionid sessid phpsessid jsessionid auth authorization'
  ).split(' '),
);
/**
 * Words that make a following `key` (or `id`) a secret: `api_key`, `privateKey`, `session_id`,
 * Azure's `AccountKey=`.
 */
const KEY_QUALIFIERS: ReadonlySet<string> = new Set(
  'api access account secret private auth client signing encryption master subscription app'.split(
    ' ',
  ),
);

/** The words of a name: `X-Amz-Security-Token` → x, amz, security, token; `apiKey` → api, key. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_.-]+/)
    .filter(Boolean);
}

export function isSecretName(name: string): boolean {
  const words = wordsOf(name);
  const last = words[words.length - 1] ?? '';
  const before = words[words.length - 2] ?? '';
  if (SECRET_WORDS.has(last)) return true;
  if (last === 'key') return KEY_QUALIFIERS.has(before);
  return last === 'id' && before === 'session';
}

const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set(
  'true false null none nil undefined empty required optional hidden string redacted'.split(' '),
);

/**
 * Documentation and templates, not secrets: `${TOKEN}`, `<your key>`, `YOUR_API_KEY`, `****`,
 * `%s`, and our own `[secret removed]` (so redacting twice changes nothing).
 */
function isPlaceholder(value: string): boolean {
  return (
    /^[$%{<[]/.test(value) ||
    /^(.)\1*$/su.test(value) ||
    /^[A-Z]+(?:_[A-Z0-9]+)+$/.test(value) ||
    PLACEHOLDER_WORDS.has(value.toLowerCase())
  );
}

/**
 * For `name: value` and spaced `name = value`, where prose and code also live ("Password:
 * Required", "token = getToken()"): only a value that looks made up, with a digit, a symbol or a
 * mid-word capital, and no brackets of a call or an index.
 */
function looksSecret(value: string): boolean {
  if (value.length < 6 || /[(){}[\]]/.test(value)) return false;
  return /\d/.test(value) || /[!@#$%^*+/~?_-]/.test(value) || /[a-z][A-Z]/.test(value);
}

interface Value {
  start: number;
  end: number;
  quoted: boolean;
}

function readValue(text: string, at: number): Value | null {
  const quote = text.charAt(at);
  if (quote === '"' || quote === "'") {
    const window = text.slice(at + 1, at + 2 + MAX_QUOTED);
    const close = window.indexOf(quote);
    const newline = window.indexOf('\n');
    if (close > 0 && (newline < 0 || close < newline)) {
      return { start: at + 1, end: at + 1 + close, quoted: true };
    }
    return null;
  }
  BARE_VALUE.lastIndex = at;
  const bare = BARE_VALUE.exec(text);
  return bare ? { start: at, end: at + bare[0].length, quoted: false } : null;
}

export function findAssignments(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  // The end of the last value read: a name inside a value is part of it. This also keeps the scan
  // linear on `password=password=…`, where each value would otherwise be read 1,024 times over.
  let judged = 0;
  for (const match of text.matchAll(NAME)) {
    const [whole, name = '', spaceBefore, sep, spaceAfter] = match;
    if (match.index < judged || !isSecretName(name)) continue;
    const value = readValue(text, match.index + whole.length);
    if (!value) continue;
    judged = value.end;
    const raw = text.slice(value.start, value.end);
    if (isPlaceholder(raw) || /[()]/.test(raw)) continue;
    // `name=value` with nothing between is a query string or a config line: any value counts.
    const tight = sep === '=' && !spaceBefore && !spaceAfter;
    if (!value.quoted && !tight && !looksSecret(raw)) continue;
    spans.push({ start: value.start, end: value.end, kind: 'secret' });
  }
  return spans;
}
