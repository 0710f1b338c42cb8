/**
 * Editing the user's site rules (the settings page's editor): checked input, one rule per
 * pattern, and the default blocklist shown with what the user made of each entry. Pure, so the
 * rules of editing are tested in Node; the page only renders and stores the result. A refusal is a
 * reason (a code and its values), worded by the page in the interface's language.
 */
import { DEFAULT_BLOCKLIST } from './default-blocklist';
import { matchSite, parseSitePattern, type SitePolicy, type SiteRule } from './site-policy';

export const MAX_RULES = 2_000;

export const MAX_PATTERN_LENGTH = 300;

/** Why a pattern or an edit is refused. */
export type RuleProblem =
  | { code: 'empty' }
  | { code: 'too-long'; max: number }
  | { code: 'spaces' }
  | { code: 'not-web' }
  /** Not a pattern Engram parses; `text` is what the user typed, trimmed. */
  | { code: 'not-understood'; text: string }
  | { code: 'too-many'; max: number };

export type RuleEdit =
  | { ok: true; rules: SiteRule[]; rule: SiteRule; replaced: SiteRule | null }
  | { ok: false; problem: RuleProblem };

/** Patterns of each kind, offered when one is not understood. */
export const PATTERN_EXAMPLES: readonly string[] = [
  'example.com',
  'mail.example.com',
  'example.com/path',
  'mychart.*',
  '10.0.0.0/8',
];

/**
 * The pattern as it is stored: trimmed, lower case, without a pasted `https://` or a trailing
 * slash; refused, with the reason, when it is not a pattern at all.
 */
export function checkPattern(
  raw: string,
): { ok: true; pattern: string } | { ok: false; problem: RuleProblem } {
  const text = raw.trim();
  if (!text) return { ok: false, problem: { code: 'empty' } };
  if (text.length > MAX_PATTERN_LENGTH) {
    return { ok: false, problem: { code: 'too-long', max: MAX_PATTERN_LENGTH } };
  }
  if (/\s/.test(text)) return { ok: false, problem: { code: 'spaces' } };
  const pattern = text
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/(?<=.)\/+$/, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(pattern)) {
    return { ok: false, problem: { code: 'not-web' } };
  }
  if (!parseSitePattern(pattern)) return { ok: false, problem: { code: 'not-understood', text } };
  return { ok: true, pattern };
}

/** The same pattern however it was typed (`Example.com/`, `https://example.com`). */
const samePattern = (a: string, b: string): boolean => {
  const x = checkPattern(a);
  const y = checkPattern(b);
  return x.ok && y.ok ? x.pattern === y.pattern : a === b;
};

/** Add a rule, or change the policy of the rule the user already has for that pattern. */
export function setRule(rules: readonly SiteRule[], raw: string, policy: SitePolicy): RuleEdit {
  const checked = checkPattern(raw);
  if (!checked.ok) return checked;
  const rule: SiteRule = { pattern: checked.pattern, policy };
  const at = rules.findIndex((r) => samePattern(r.pattern, rule.pattern));
  if (at < 0 && rules.length >= MAX_RULES) {
    return { ok: false, problem: { code: 'too-many', max: MAX_RULES } };
  }
  const next = [...rules];
  if (at < 0) next.push(rule);
  else next[at] = rule;
  return { ok: true, rules: next, rule, replaced: at < 0 ? null : (rules[at] ?? null) };
}

export function removeRule(rules: readonly SiteRule[], pattern: string): SiteRule[] {
  return rules.filter((r) => !samePattern(r.pattern, pattern));
}

/** A default blocklist entry and what the user's rule for the same pattern makes of it. */
export interface DefaultEntry {
  pattern: string;
  /** The user's rule for exactly this pattern: it wins over the default. */
  override: SiteRule | null;
  policy: SitePolicy;
}

export function defaultEntries(
  rules: readonly SiteRule[],
  patterns: readonly string[] = DEFAULT_BLOCKLIST.map((r) => r.pattern),
): DefaultEntry[] {
  return patterns.map((pattern) => {
    const override = rules.find((r) => samePattern(r.pattern, pattern)) ?? null;
    return { pattern, override, policy: override?.policy ?? 'never' };
  });
}

/** Whether `pattern` covers `url` (for "delete what is already kept from it"). */
export function patternCovers(pattern: string, url: string): boolean {
  return matchSite(url, [{ pattern, policy: 'never' }], []).rule !== undefined;
}

/**
 * The part of a pattern that names hosts (no port, no path), to find candidate sites by the
 * `site` index before each source's URL is checked against the whole pattern.
 */
export function hostPart(pattern: string): string {
  const parsed = parseSitePattern(pattern);
  if (parsed?.kind === 'ip' && !parsed.port && !parsed.path) return pattern; // `10.0.0.0/8`
  return pattern.replace(/\/.*$/, '').replace(/:\d{1,5}$/, '');
}
