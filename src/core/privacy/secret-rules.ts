/**
 * The rules of gitleaks (https://github.com/gitleaks/gitleaks, MIT), a maintained secret scanner,
 * applied to page text: about 200 providers' key and token formats, kept up to date by its
 * authors rather than by us. The rules are data (./gitleaks/: the TOML as released, its licence,
 * and rules.json, the same parsed); this file is the part of gitleaks' engine that text needs:
 * - a rule runs only where one of its keywords occurs (lower case), as in gitleaks;
 * - the secret is the rule's first non-empty group (the whole match when it has none);
 * - a rule's entropy is a floor (Shannon, bits per character), and a `generic…` rule's secret
 *   must also hold a digit, as in gitleaks;
 * - the global and per-rule allowlists (regexes on the secret, the match or its line; stop
 *   words) drop placeholders and known examples. Path allowlists and path-only rules (file
 *   names) have nothing to look at in a page and are skipped.
 * The regexes are Go's (RE2), rewritten by ./go-regex.ts. RE2 never backtracks; JavaScript does,
 * so the leading `[\w.-]{0,50}?` of the label rules, which only widens a match to the left of
 * its label and never changes the secret, is dropped: kept, it costs 50 steps at every offset.
 */
import { goRegexToJs } from './go-regex';
import { KeywordSet } from './keyword-set';
import data from './gitleaks/rules.json';
import type { SecretSpan } from './redact';

interface Allowlist {
  regexes?: string[];
  regexTarget?: 'secret' | 'match' | 'line';
  stopwords?: string[];
  condition?: 'OR' | 'AND';
  paths?: string[];
}

export interface GitleaksRule {
  id: string;
  regex?: string;
  entropy?: number;
  keywords?: string[];
  secretGroup?: number;
  path?: string;
  allowlists?: Allowlist[];
}

interface GitleaksConfig {
  allowlist: { regexes?: string[]; stopwords?: string[] };
  rules: GitleaksRule[];
}

interface CompiledAllowlist {
  regexes: RegExp[];
  target: 'secret' | 'match' | 'line';
  stopwords: string[];
  and: boolean;
}

export interface CompiledRule {
  id: string;
  re: RegExp;
  keywords: readonly string[];
  entropy: number;
  secretGroup: number;
  allowlists: readonly CompiledAllowlist[];
}

/** The label rules' leading `[\w.-]{0,50}?`, also just inside a leading `(?i)` or `(?i:`. */
const LEFT_WIDENING = /^((?:\(\?i[):])?)\[\\w\.-\]\{0,50\}\?/;

/** Drops every leading `[\w.-]{0,50}?` (the Meraki rule has two, one inside `(?i:`). */
export function withoutLeftWidening(source: string): string {
  let current = source;
  for (;;) {
    const next = current.replace(LEFT_WIDENING, '$1');
    if (next === current) return current;
    current = next;
  }
}

const compile = (source: string, flags = ''): RegExp => new RegExp(goRegexToJs(source), flags);

function compileAllowlist(list: Allowlist): CompiledAllowlist | null {
  // A path condition can never hold for page text: with AND the list never applies.
  if (list.condition === 'AND' && list.paths?.length) return null;
  if (!list.regexes?.length && !list.stopwords?.length) return null;
  return {
    regexes: (list.regexes ?? []).map((r) => compile(r)),
    target: list.regexTarget ?? 'secret',
    stopwords: (list.stopwords ?? []).map((w) => w.toLowerCase()),
    and: list.condition === 'AND',
  };
}

export function compileRule(rule: GitleaksRule): CompiledRule | null {
  if (!rule.regex || rule.path) return null;
  return {
    id: rule.id,
    re: compile(withoutLeftWidening(rule.regex), 'gd'),
    keywords: (rule.keywords ?? []).map((k) => k.toLowerCase()),
    entropy: rule.entropy ?? 0,
    secretGroup: rule.secretGroup ?? 0,
    allowlists: (rule.allowlists ?? []).flatMap((a) => compileAllowlist(a) ?? []),
  };
}

const config = data as GitleaksConfig;

interface Compiled {
  rules: CompiledRule[];
  keywords: KeywordSet;
  global: CompiledAllowlist;
}
let compiled: Compiled | null = null;

/** Compiled on first use, not when the module loads. */
function rules(): Compiled {
  if (compiled) return compiled;
  const all = config.rules.flatMap((r) => compileRule(r) ?? []);
  compiled = {
    rules: all,
    keywords: new KeywordSet(all.flatMap((r) => r.keywords)),
    global: {
      regexes: (config.allowlist.regexes ?? []).map((r) => compile(r)),
      target: 'secret',
      stopwords: (config.allowlist.stopwords ?? []).map((w) => w.toLowerCase()),
      and: false,
    },
  };
  return compiled;
}

export const gitleaksRules = (): readonly CompiledRule[] => rules().rules;

/** Every rule's keywords, for a caller that looks for all detectors' keywords at once. */
export const ruleKeywords = (): readonly string[] => rules().rules.flatMap((r) => r.keywords);

/** Shannon entropy of `s` in bits per character, as gitleaks computes it. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let entropy = 0;
  const n = [...s].length;
  for (const count of counts.values()) {
    const p = count / n;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

function lineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const to = text.indexOf('\n', end);
  return text.slice(from, to < 0 ? text.length : to);
}

function allowed(
  list: CompiledAllowlist,
  secret: string,
  match: () => string,
  line: () => string,
): boolean {
  const target = list.target === 'match' ? match() : list.target === 'line' ? line() : secret;
  const byRegex = list.regexes.length > 0 && list.regexes.some((re) => re.test(target));
  const lower = secret.toLowerCase();
  const byStopword = list.stopwords.length > 0 && list.stopwords.some((w) => lower.includes(w));
  if (!list.and) return byRegex || byStopword;
  return (list.regexes.length === 0 || byRegex) && (list.stopwords.length === 0 || byStopword);
}

/** The secret of one match: the configured group, else the first non-empty one, else all. */
function secretOf(match: RegExpExecArray, group: number): [number, number] | null {
  const indices = match.indices;
  if (!indices) return null;
  if (group > 0) return indices[group] ?? null;
  for (let g = 1; g < indices.length; g++) {
    const span = indices[g];
    if (span && span[1] > span[0]) return span;
  }
  return indices[0] ?? null;
}

/** Every secret the gitleaks rules find in `text` (spans may overlap; redact.ts settles them). */
/** `found`: the keywords found in `text`, when the caller has already looked (redact.ts). */
export function findRuleSecrets(text: string, found?: ReadonlySet<string>): SecretSpan[] {
  const { rules: all, keywords, global } = rules();
  const present = found ?? keywords.foundIn(text);
  const spans: SecretSpan[] = [];
  for (const rule of all) {
    if (rule.keywords.length > 0 && !rule.keywords.some((k) => present.has(k))) continue;
    for (const match of text.matchAll(rule.re)) {
      const span = secretOf(match, rule.secretGroup);
      if (!span || span[1] <= span[0]) continue;
      const secret = text.slice(span[0], span[1]);
      if (rule.entropy > 0) {
        if (shannonEntropy(secret) <= rule.entropy) continue;
        if (rule.id.startsWith('generic') && !/\d/.test(secret)) continue;
      }
      const whole = (): string => match[0];
      const line = (): string => lineAround(text, match.index, match.index + match[0].length);
      if (allowed(global, secret, whole, line)) continue;
      if (rule.allowlists.some((list) => allowed(list, secret, whole, line))) continue;
      spans.push({ start: span[0], end: span[1], kind: 'secret' });
    }
  }
  return spans;
}
