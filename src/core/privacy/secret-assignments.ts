/**
 * Secrets given a name: `?access_token=…` in a URL, `PASSWORD=…` in a config, `"apiKey": "…"` in
 * JSON, `password: hunter2` in a forum post. The value goes; the name stays, so the text still
 * reads as what it was.
 *
 * Each `:` or `=` is looked at, and the name before it read backwards and judged in code (by its
 * words: `max_tokens` is not a token, `access_token` is); then the value after it. Starting from
 * the separators, rare in prose, rather than from every word that might be a name, costs a
 * fraction of a pattern tried at each word. "Note: password=x" finds the password after "Note".
 */
import type { SecretSpan } from './redact';

const SEPARATOR = /[:=]/g;
/** A name is at most this long, and at most this many spaces or tabs stand on each side of `=`. */
const MAX_NAME = 64;
const MAX_SPACES = 3;
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

const isBlank = (code: number): boolean => code === 32 || code === 9;
/** `\w`, `.` or `-`: what a name is made of. */
const isNameChar = (code: number): boolean =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 95 ||
  code === 46 ||
  code === 45;

interface Name {
  start: number;
  name: string;
  spaced: boolean;
}

/**
 * The name that the separator at `at` follows: a whole word of `\w.-` starting with a letter or
 * `_`, then maybe a closing quote (`"apiKey":`), then up to three spaces or tabs.
 */
function nameBefore(text: string, at: number): Name | null {
  let i = at;
  while (at - i < MAX_SPACES && isBlank(text.charCodeAt(i - 1))) i--;
  const spaced = i < at;
  const quote = text.charAt(i - 1);
  if (quote === '"' || quote === "'") i--;
  const end = i;
  while (end - i <= MAX_NAME && isNameChar(text.charCodeAt(i - 1))) i--;
  if (i === end || end - i > MAX_NAME || !/[A-Za-z_]/.test(text.charAt(i))) return null;
  return { start: i, name: text.slice(i, end), spaced };
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
  for (const separator of text.matchAll(SEPARATOR)) {
    const at = separator.index;
    const found = nameBefore(text, at);
    if (!found || found.start < judged || !isSecretName(found.name)) continue;
    let valueAt = at + 1;
    while (valueAt - at <= MAX_SPACES && isBlank(text.charCodeAt(valueAt))) valueAt++;
    const value = readValue(text, valueAt);
    if (!value) continue;
    judged = value.end;
    const raw = text.slice(value.start, value.end);
    if (isPlaceholder(raw) || /[()]/.test(raw)) continue;
    // `name=value` with nothing between is a query string or a config line: any value counts.
    const tight = separator[0] === '=' && !found.spaced && valueAt === at + 1;
    if (!value.quoted && !tight && !looksSecret(raw)) continue;
    spans.push({ start: value.start, end: value.end, kind: 'secret' });
  }
  return spans;
}
