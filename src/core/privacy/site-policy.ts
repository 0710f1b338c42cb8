/**
 * Which sites Engram may read: `never` (nothing leaves the page), `url-only` (the address, no
 * text), or `full`. Dependency-free, so the content script's gate can run it before any text
 * leaves the page.
 *
 * Pattern syntax (case-insensitive; a pasted `https://` is ignored):
 * - `example.com`: that host and every subdomain (`*.example.com` means the same);
 * - `mychart.*`: any host whose labels start with `mychart` (`mychart.clinic.org`);
 * - `example.com/mail`: that path and what is under it (`/mail/u/0`, not `/mailbox`);
 *   `example.com/` is the same as `example.com`;
 * - `example.com:8080`: that port only;
 * - `10.0.0.0/8`, `[fc00::]/7`: an IP prefix; `127.0.0.1`, `[::1]`: one address.
 *
 * Which rule wins: the most specific (more host labels or prefix bits, then a port, then a longer
 * path); at equal specificity a user rule beats a default, then the stricter policy wins. So
 * `google.com: full` does not open `mail.google.com` (a more specific default), while
 * `mail.google.com: full` does. No rule: `full`. Not http(s), or not a URL: `never`.
 */
import { DEFAULT_BLOCKLIST } from './default-blocklist';
import { inPrefix, parseIpAddress, type IpAddress } from './ip-address';

export type SitePolicy = 'never' | 'url-only' | 'full';

export interface SiteRule {
  pattern: string;
  policy: SitePolicy;
}

export type SitePattern =
  | { kind: 'domain'; labels: readonly string[]; port: string; path: string }
  | { kind: 'prefix-labels'; labels: readonly string[]; port: string; path: string }
  | { kind: 'ip'; address: IpAddress; bits: number; port: string; path: string };

export interface SiteMatch {
  policy: SitePolicy;
  /** The rule that decided, absent when none matched. */
  rule?: SiteRule;
  source?: 'user' | 'default';
}

export const SITE_POLICIES: readonly SitePolicy[] = ['never', 'url-only', 'full'];
const STRICTNESS: Readonly<Record<SitePolicy, number>> = { never: 2, 'url-only': 1, full: 0 };
const MAX_PATTERN = 300;

/** A host normalised the way `URL` does it: lower case, punycode, IP spellings. */
function normaliseHost(host: string): string | null {
  try {
    return new URL(`http://${host}/`).hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
}

/** The port a URL reaches, default ports spelled out: `example.com:443` matches `https://example.com/`. */
function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** The parsed form of a pattern, or null when it is not one (for the settings page to say so). */
export function parseSitePattern(raw: string): SitePattern | null {
  let text = raw.trim().toLowerCase();
  if (!text || text.length > MAX_PATTERN) return null;
  text = text.replace(/^https?:\/\//, '');
  // An IP prefix: the `/` is a prefix length, not a path.
  const cidr = /^(\[[0-9a-f:.]+\]|[0-9.]+)\/(\d{1,3})$/.exec(text);
  if (cidr) {
    const address = parseIpAddress(normaliseHost(cidr[1] ?? '') ?? '');
    const bits = Number(cidr[2]);
    if (!address || bits > address.bytes.length * 8) return null;
    return { kind: 'ip', address, bits, port: '', path: '' };
  }
  const slash = text.indexOf('/');
  const authority = slash < 0 ? text : text.slice(0, slash);
  const rawPath = slash < 0 ? '' : text.slice(slash);
  const path = rawPath === '/' ? '' : rawPath.replace(/\/+$/, '');
  const hostPort = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(authority);
  if (!hostPort) return null;
  let host = hostPort[1] ?? '';
  const wildcardTld = host.endsWith('.*');
  host = host.replace(/^\*\./, '').replace(/\.\*$/, '');
  if (!host || host.includes('*')) return null;
  const normal = normaliseHost(host);
  const portNumber = hostPort[2] === undefined ? 0 : Number(hostPort[2]);
  if (!normal || portNumber > 65_535) return null;
  const port = portNumber ? String(portNumber) : '';
  const address = parseIpAddress(normal);
  if (address) {
    if (wildcardTld) return null;
    return { kind: 'ip', address, bits: address.bytes.length * 8, port, path };
  }
  const labels = normal.split('.');
  if (labels.some((label) => !label)) return null;
  return { kind: wildcardTld ? 'prefix-labels' : 'domain', labels, port, path };
}

function pathMatches(prefix: string, path: string): boolean {
  return !prefix || path === prefix || path.startsWith(`${prefix}/`);
}

/** Labels of `host` end with `labels` (domain), or contain them followed by a label (`x.*`). */
function hostMatches(pattern: SitePattern, host: string, address: IpAddress | null): boolean {
  if (pattern.kind === 'ip') return !!address && inPrefix(address, pattern.address, pattern.bits);
  if (address) return false;
  const hostLabels = host.split('.');
  const n = pattern.labels.length;
  const same = (at: number): boolean => pattern.labels.every((l, i) => hostLabels[at + i] === l);
  if (pattern.kind === 'domain') return hostLabels.length >= n && same(hostLabels.length - n);
  for (let at = 0; at + n < hostLabels.length; at++) if (same(at)) return true;
  return false;
}

/** Host labels or prefix bits, then port, then path length: compared in that order. */
function specificity(pattern: SitePattern): [number, number, number] {
  const host = pattern.kind === 'ip' ? pattern.bits : pattern.labels.length;
  return [host, pattern.port ? 1 : 0, pattern.path.length];
}

interface Candidate {
  rule: SiteRule;
  source: 'user' | 'default';
  rank: [number, number, number, number, number];
}

function better(a: Candidate, b: Candidate | null): boolean {
  if (!b) return true;
  for (let i = 0; i < a.rank.length; i++) {
    const d = (a.rank[i] ?? 0) - (b.rank[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return false;
}

/** The policy for `url` and the rule behind it. */
export function matchSite(
  url: string,
  rules: readonly SiteRule[],
  defaults: readonly SiteRule[] = DEFAULT_BLOCKLIST,
): SiteMatch {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { policy: 'never' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { policy: 'never' };
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  const address = parseIpAddress(host);
  const port = effectivePort(parsed);
  const path = parsed.pathname.toLowerCase();
  let best: Candidate | null = null;
  const consider = (list: readonly SiteRule[], source: 'user' | 'default'): void => {
    for (const rule of list) {
      if (!SITE_POLICIES.includes(rule.policy)) continue;
      const pattern = parseSitePattern(rule.pattern);
      if (!pattern || (pattern.port && pattern.port !== port)) continue;
      if (!hostMatches(pattern, host, address) || !pathMatches(pattern.path, path)) continue;
      const candidate: Candidate = {
        rule,
        source,
        rank: [...specificity(pattern), source === 'user' ? 1 : 0, STRICTNESS[rule.policy]],
      };
      if (better(candidate, best)) best = candidate;
    }
  };
  consider(rules, 'user');
  consider(defaults, 'default');
  const found = best as Candidate | null;
  return found
    ? { policy: found.rule.policy, rule: found.rule, source: found.source }
    : { policy: 'full' };
}

export function policyFor(url: string, rules: readonly SiteRule[]): SitePolicy {
  return matchSite(url, rules).policy;
}

/**
 * Site rules from an untrusted message (the content script may not use zod): an array of at most
 * `max` `{pattern, policy}` records, copied field by field. Null when the shape is wrong.
 */
export function parseSiteRules(value: unknown, max = 2_000): SiteRule[] | null {
  if (!Array.isArray(value) || value.length > max) return null;
  const rules: SiteRule[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { pattern, policy } = item as { pattern?: unknown; policy?: unknown };
    if (typeof pattern !== 'string' || pattern.length > MAX_PATTERN) return null;
    if (!SITE_POLICIES.includes(policy as SitePolicy)) return null;
    rules.push({ pattern, policy: policy as SitePolicy });
  }
  return rules;
}
