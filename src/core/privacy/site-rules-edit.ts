/**
 * Editing the user's site rules (the settings page's editor): checked input, one rule per
 * pattern, and the default blocklist shown with what the user made of each entry. Pure, so the
 * rules of editing are tested in Node; the page only renders and stores the result.
 */
import { DEFAULT_BLOCKLIST } from './default-blocklist';
import { matchSite, parseSitePattern, type SitePolicy, type SiteRule } from './site-policy';

export const MAX_RULES = 2_000;

export type RuleEdit =
  | { ok: true; rules: SiteRule[]; rule: SiteRule; replaced: SiteRule | null }
  | { ok: false; error: string };

const EXAMPLES = 'example.com, mail.example.com, example.com/path, mychart.*, 10.0.0.0/8';

/**
 * The pattern as it is stored: trimmed, lower case, without a pasted `https://` or a trailing
 * slash. Null, with the reason, when it is not a pattern at all.
 */
export function checkPattern(
  raw: string,
): { ok: true; pattern: string } | { ok: false; error: string } {
  const text = raw.trim();
  if (!text) return { ok: false, error: 'Type a site, such as example.com.' };
  if (text.length > 300)
    return { ok: false, error: 'That is too long for a site (300 characters at most).' };
  if (/\s/.test(text)) return { ok: false, error: 'A site has no spaces in it.' };
  const pattern = text
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/(?<=.)\/+$/, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(pattern)) {
    return { ok: false, error: 'Only web sites (http or https) have rules.' };
  }
  if (!parseSitePattern(pattern)) {
    return { ok: false, error: `“${text}” is not a site Engram understands. Try ${EXAMPLES}.` };
  }
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
    return { ok: false, error: `You have ${MAX_RULES} rules already: remove one first.` };
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
