/**
 * API keys and tokens recognisable by their shape: the documented prefixes of the big providers,
 * JSON Web Tokens, `Bearer` and `Basic` credentials, and passwords written into URLs.
 *
 * Linear on any input: each pattern starts with a look-behind that forbids starting inside a
 * longer token, so a 2 MB run of `eyJeyJ…` or `sk-sk-…` is tried once, not at every offset; the
 * repeated classes exclude the delimiter that follows them, so giving characters back fails at
 * once; and open-ended lengths are capped where the provider documents a maximum.
 */
import type { SecretSpan } from './redact';

interface TokenPattern {
  /**
   * Every match holds one of these (ASCII case ignored): the pattern runs only on text that does,
   * which most pages do not.
   */
  keywords: readonly string[];
  /** Global; group 1, when present, is the secret part (the rest of the match is kept). */
  re: RegExp;
  /** A further test of the secret part, for prefixes that ordinary words could share. */
  check?: (secret: string) => boolean;
}

/**
 * Random-looking: a run of 20 letters and digits mixing upper case, lower case and digits. Keeps a
 * URL slug such as `sk-learn-tutorial-part-2` from being taken for an `sk-` key.
 */
function looksRandom(secret: string): boolean {
  return (
    /[A-Za-z0-9]{20}/.test(secret) &&
    /\d/.test(secret) &&
    /[a-z]/.test(secret) &&
    /[A-Z]/.test(secret)
  );
}

/** DeepSeek and other OpenAI-compatible services: `sk-` and 32 or more lower-case hex or base36. */
const looksRandomLower = (secret: string): boolean =>
  /^[a-z0-9]{32,}$/.test(secret) && /\d/.test(secret) && /[a-z]/.test(secret);

const hasDigitAndLetter = (secret: string): boolean => /\d/.test(secret) && /[A-Za-z]/.test(secret);

const PATTERNS: readonly TokenPattern[] = [
  // AWS access key ids (long-term AKIA, temporary ASIA).
  { keywords: ['akia', 'asia'], re: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g },
  // GitHub: personal, OAuth, user-to-server, server-to-server and refresh tokens; fine-grained PATs.
  {
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    re: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])/g,
  },
  {
    keywords: ['github_pat_'],
    re: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,244}(?![A-Za-z0-9_])/g,
  },
  // Slack bot, user, app-level, refresh and legacy tokens.
  { keywords: ['xox'], re: /(?<![\w-])xox[abposr]-[A-Za-z0-9-]{10,250}(?![\w-])/g },
  // Stripe secret and restricted keys (live and test) and webhook signing secrets.
  {
    keywords: ['_live_', '_test_'],
    re: /(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}(?![A-Za-z0-9_])/g,
  },
  { keywords: ['whsec_'], re: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/=]{24,128}(?![A-Za-z0-9_])/g },
  // Google API keys.
  { keywords: ['aiza'], re: /(?<![\w-])AIza[0-9A-Za-z_-]{35}(?![\w-])/g },
  // OpenAI-style keys (`sk-…`, `sk-proj-…`, Anthropic's `sk-ant-…`).
  {
    keywords: ['sk-'],
    re: /(?<![\w-])sk-[A-Za-z0-9_-]{20,250}(?![\w-])/g,
    check: (s) => looksRandom(s) || looksRandomLower(s.slice(3)),
  },
  // JSON Web Tokens: two base64url JSON objects (`{"` encodes as `eyJ`) and a signature.
  {
    keywords: ['eyj'],
    re: /(?<![\w-])eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  },
  // `Authorization: Bearer …` and a bare `Bearer …` in logs or docs: the credential, not the word.
  {
    keywords: ['bearer'],
    re: /(?<![\w-])Bearer[ \t]+([A-Za-z0-9._~+/-]{16,4096}=*)/g,
    check: hasDigitAndLetter,
  },
  {
    keywords: ['authorization:'],
    re: /(?<![\w-])Authorization:[ \t]*Basic[ \t]+([A-Za-z0-9+/]{8,4096}=*)/gi,
  },
  // The password in a URL's user info: `https://user:hunter2@host/`.
  { keywords: ['://'], re: /:\/\/[^/\s:@]{1,64}:([^/\s@]{1,256})(?=@)/g },
];

/** Every keyword of these patterns, for a caller that looks for all detectors' keywords at once. */
export const TOKEN_KEYWORDS: readonly string[] = PATTERNS.flatMap((p) => p.keywords);

/** `present`: the keywords (lower case) found in `text` (redact.ts looks for all at once). */
export function findTokens(text: string, present: ReadonlySet<string>): SecretSpan[] {
  const spans: SecretSpan[] = [];
  for (const { keywords, re, check } of PATTERNS) {
    if (!keywords.some((k) => present.has(k))) continue;
    for (const match of text.matchAll(re)) {
      const secret = match[1] ?? match[0];
      if (check && !check(secret)) continue;
      // The secret group always ends the match, so its start is counted back from the end.
      const end = match.index + match[0].length;
      spans.push({ start: end - secret.length, end, kind: 'secret' });
    }
  }
  return spans;
}
