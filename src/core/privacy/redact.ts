/**
 * The second line of the privacy gate, run on text before it is stored: card numbers (checked
 * with Luhn), IBANs (checked with mod 97), and API keys, tokens, private keys and named secrets
 * (`password=…`) are replaced by a marker that says what was there. The first line is the content
 * script's gate (src/content/gate.ts), which keeps whole pages out.
 *
 * Provider formats come from gitleaks' rule set (./secret-rules.ts, data in ./gitleaks/); Engram's
 * own detectors cover what such scanners lack: cards, IBANs, one-time and backup codes, CVVs, US
 * Social Security numbers, seed phrases, and secrets labelled in prose, English or Chinese.
 *
 * Each detector returns spans of the original text; overlaps are settled once (the earliest
 * start wins, then the longest), so detectors never see each other's markers. Every detector is
 * linear in the length of the text: a 2 MB page costs tens of milliseconds, whatever it holds.
 * Text with no secret comes back unchanged, character for character.
 */
import { KeywordSet } from './keyword-set';
import { findPrivateKeys } from './private-keys';
import { findSeedPhrases } from './seed-phrases';
import { findAssignments } from './secret-assignments';
import { findLabelledSecrets, LABEL_KEYWORDS } from './secret-labels';
import { findCardNumbers, findIbans } from './secret-numbers';
import { findRuleSecrets, ruleKeywords } from './secret-rules';
import { findTokens, TOKEN_KEYWORDS } from './secret-tokens';

export type SecretKind = 'card' | 'iban' | 'secret';

/** A secret found at text[start, end). */
export interface SecretSpan {
  start: number;
  end: number;
  kind: SecretKind;
}

export interface Redacted {
  text: string;
  /** How many secrets were replaced. */
  redactions: number;
}

const LABELS: Readonly<Record<SecretKind, string>> = {
  card: '[card number removed]',
  iban: '[IBAN removed]',
  secret: '[secret removed]',
};

/**
 * The keywords of the gitleaks rules, the token patterns and the labelled-secret patterns, looked
 * for in one pass (./keyword-set.ts), built on first use.
 */
let keywords: KeywordSet | null = null;

/** Every secret in `text`, sorted, without overlaps. */
export function findSecrets(text: string): SecretSpan[] {
  keywords ??= new KeywordSet([...ruleKeywords(), ...LABEL_KEYWORDS, ...TOKEN_KEYWORDS]);
  const present = keywords.foundIn(text);
  const all = [
    ...findPrivateKeys(text),
    ...findCardNumbers(text),
    ...findIbans(text),
    ...findTokens(text, present),
    ...findRuleSecrets(text, present),
    ...findAssignments(text),
    ...findLabelledSecrets(text, present),
    ...findSeedPhrases(text),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: SecretSpan[] = [];
  let covered = 0;
  for (const span of all) {
    if (span.start < covered || span.end <= span.start) continue;
    kept.push(span);
    covered = span.end;
  }
  return kept;
}

function replaceSpans(
  text: string,
  spans: readonly SecretSpan[],
  label: (kind: SecretKind) => string,
): string {
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    parts.push(text.slice(at, span.start), label(span.kind));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export function redactSecrets(text: string): Redacted {
  let current = text;
  let redactions = 0;
  // A secret glued to the end of another (a JWT right after a PEM block's END line) only shows
  // its boundary once the first is replaced: look again until nothing is left (fast-check found
  // it, seed 1386126639). Text without secrets takes one pass; each further pass needs a find.
  for (let pass = 0; pass < 4; pass++) {
    const spans = findSecrets(current);
    if (spans.length === 0) break;
    current = replaceSpans(current, spans, (kind) => LABELS[kind]);
    redactions += spans.length;
  }
  return { text: current, redactions };
}

/**
 * The same for a URL (`?access_token=…`, `#id_token=…`, a key in the path): each secret becomes
 * `redacted`, which keeps the URL a valid URL. Redact before canonicalising or hashing it.
 */
export function redactUrl(url: string): { url: string; redactions: number } {
  const spans = findSecrets(url);
  if (spans.length === 0) return { url, redactions: 0 };
  return { url: replaceSpans(url, spans, () => 'redacted'), redactions: spans.length };
}
