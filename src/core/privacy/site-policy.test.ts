import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BLOCKLIST, DEFAULT_BLOCKLIST_GROUPS } from './default-blocklist';
import { inPrefix, parseIpAddress } from './ip-address';
import {
  matchSite,
  parseSitePattern,
  parseSiteRules,
  policyFor,
  type SiteRule,
} from './site-policy';

const none: SiteRule[] = [];

describe('DEFAULT_BLOCKLIST', () => {
  it('parses, every entry, and holds no duplicates', () => {
    const patterns = DEFAULT_BLOCKLIST.map((r) => r.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const pattern of patterns) expect(parseSitePattern(pattern), pattern).not.toBeNull();
    expect(Object.keys(DEFAULT_BLOCKLIST_GROUPS)).toHaveLength(5);
  });

  it.each([
    'https://www.paypal.com/myaccount/summary',
    'https://dashboard.stripe.com/payments',
    'https://secure.chase.com/web/auth/dashboard',
    'https://mail.google.com/mail/u/0/#inbox',
    'https://outlook.live.com/mail/0/',
    'https://outlook.office.com/mail/',
    'https://mail.yahoo.com/d/folders/1',
    'https://proton.me/mail',
    'https://account.proton.me/mail/inbox',
    'https://my.1password.com/vaults',
    'https://vault.bitwarden.com/#/vault',
    'https://lastpass.com/vault/',
    'https://mychart.clevelandclinic.org/Home',
    'https://www.mychart.example.org/',
    'https://mychart.com.example/', // any host with a `mychart` label: strict on purpose
    'http://localhost:3000/',
    'http://api.localhost/',
    'http://printer.local/',
    'http://grafana.internal/d/x',
    'http://router.home.arpa/',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/admin',
    'http://127.0.0.1:8080/',
    'http://127.1/',
    'http://2130706433/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.100.1.1/',
    'http://0.0.0.0:8000/',
    'http://[::1]:8080/',
    'http://[fd12:3456::1]/',
    'http://[fe80::1]/',
    'http://[::ffff:192.168.0.1]/',
  ])('never reads %s', (url) => {
    expect(policyFor(url, none)).toBe('never');
  });

  it.each([
    'https://example.com/',
    'https://news.ycombinator.com/item?id=1',
    'https://www.google.com/search?q=rust',
    'https://proton.me/blog/privacy',
    'https://proton.me/mailbox-is-not-mail',
    'https://icloud.com/photos',
    'https://stripe.com/docs/api',
    'http://172.32.0.1/',
    'http://11.0.0.1/',
    'http://192.169.0.1/',
    'http://[2001:db8::1]/',
    'https://notlocalhost.com/',
  ])('reads %s in full', (url) => {
    expect(policyFor(url, none)).toBe('full');
  });
});

describe('policyFor: what is not a web page', () => {
  it.each([
    'file:///home/me/notes.html',
    'chrome://settings/',
    'chrome-extension://abc/popup.html',
    'about:blank',
    'data:text/html,<p>x',
    'javascript:alert(1)',
    'blob:https://example.com/1234',
    'ftp://example.com/',
    'not a url',
    '',
    'https://',
  ])('never reads %j', (url) => {
    expect(policyFor(url, none)).toBe('never');
  });
});

describe('policyFor: user rules', () => {
  it('blocks, limits and opens with the pattern forms', () => {
    const rules: SiteRule[] = [
      { pattern: 'example.com', policy: 'url-only' },
      { pattern: '*.blog.example.com', policy: 'full' },
      { pattern: 'https://Example.com/Private/', policy: 'never' },
      { pattern: 'shop.*', policy: 'never' },
      { pattern: 'docs.example.org:8443', policy: 'never' },
    ];
    const at = (url: string) => policyFor(url, rules);
    expect(at('https://example.com/')).toBe('url-only');
    expect(at('https://www.example.com/a')).toBe('url-only');
    expect(at('https://blog.example.com/post')).toBe('full');
    expect(at('https://a.blog.example.com/post')).toBe('full');
    expect(at('https://example.com/private')).toBe('never');
    expect(at('https://example.com/private/x?y=1')).toBe('never');
    expect(at('https://example.com/privateer')).toBe('url-only');
    expect(at('https://shop.acme.co.uk/cart')).toBe('never');
    expect(at('https://shop/')).toBe('full'); // `shop.*` needs a label after it
    expect(at('https://docs.example.org:8443/')).toBe('never');
    expect(at('https://docs.example.org/')).toBe('full');
    expect(policyFor('https://a.example/', [{ pattern: 'a.example:443', policy: 'never' }])).toBe(
      'never',
    );
    expect(policyFor('http://a.example/', [{ pattern: 'a.example:80', policy: 'never' }])).toBe(
      'never',
    );
    expect(
      policyFor('http://a.example:8080/', [{ pattern: 'a.example:80', policy: 'never' }]),
    ).toBe('full');
  });

  it('lets a user rule override a default of the same specificity, not a more specific one', () => {
    expect(policyFor('http://127.0.0.1:5173/', [{ pattern: '127.0.0.1', policy: 'full' }])).toBe(
      'full',
    );
    expect(policyFor('http://127.0.0.2/', [{ pattern: '127.0.0.1', policy: 'full' }])).toBe(
      'never',
    );
    const google: SiteRule[] = [{ pattern: 'google.com', policy: 'full' }];
    expect(policyFor('https://mail.google.com/mail/u/0/', google)).toBe('never');
    const gmail: SiteRule[] = [{ pattern: 'mail.google.com', policy: 'full' }];
    expect(matchSite('https://mail.google.com/mail/u/0/', gmail)).toEqual({
      policy: 'full',
      rule: gmail[0],
      source: 'user',
    });
    expect(
      policyFor('http://localhost:3000/', [{ pattern: 'localhost', policy: 'url-only' }]),
    ).toBe('url-only');
  });

  it('takes the stricter of two equally specific rules, and skips broken ones', () => {
    const rules = [
      { pattern: 'example.com', policy: 'full' },
      { pattern: 'EXAMPLE.com', policy: 'never' },
      { pattern: 'exa mple.com', policy: 'never' },
      { pattern: 'example.com', policy: 'sometimes' },
    ] as SiteRule[];
    expect(policyFor('https://example.com/', rules)).toBe('never');
    expect(policyFor('https://example.net/', rules)).toBe('full');
  });

  it('tells which rule decided', () => {
    expect(matchSite('https://example.com/', none)).toEqual({ policy: 'full' });
    expect(matchSite('https://a.b.mail.yahoo.com/', none)).toEqual({
      policy: 'never',
      rule: { pattern: 'mail.yahoo.com', policy: 'never' },
      source: 'default',
    });
  });
});

describe('parseSitePattern', () => {
  it('accepts the documented forms and normalises hosts', () => {
    expect(parseSitePattern('*.Example.COM')).toEqual({
      kind: 'domain',
      labels: ['example', 'com'],
      port: '',
      path: '',
    });
    expect(parseSitePattern('bücher.de/Shop/')).toMatchObject({
      labels: ['xn--bcher-kva', 'de'],
      path: '/shop',
    });
    expect(parseSitePattern('mychart.*')).toMatchObject({ kind: 'prefix-labels' });
    expect(parseSitePattern('10.0.0.0/8')).toMatchObject({ kind: 'ip', bits: 8 });
    expect(parseSitePattern('[FC00::]/7')).toMatchObject({ kind: 'ip', bits: 7 });
    expect(parseSitePattern('localhost:8080')).toMatchObject({ port: '8080' });
  });

  it.each([
    '',
    '   ',
    'exa mple.com',
    '*',
    '*.',
    'a.*.com',
    'a..b',
    '10.0.0.0/33',
    '[zz::]',
    'x'.repeat(301),
  ])('rejects %j', (pattern) => {
    expect(parseSitePattern(pattern)).toBeNull();
  });

  it('never throws, whatever the pattern or URL', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (pattern, url) => {
        parseSitePattern(pattern);
        const policy = policyFor(url, [{ pattern, policy: 'full' }]);
        expect(['never', 'url-only', 'full']).toContain(policy);
      }),
    );
  });
});

describe('parseSiteRules', () => {
  it('copies valid rules and refuses anything else', () => {
    const rules = [{ pattern: 'a.com', policy: 'never', extra: 1 }];
    expect(parseSiteRules(rules)).toEqual([{ pattern: 'a.com', policy: 'never' }]);
    expect(parseSiteRules([{ pattern: 'a.com', policy: 'maybe' }])).toBeNull();
    expect(parseSiteRules([{ pattern: 3, policy: 'never' }])).toBeNull();
    expect(parseSiteRules([null])).toBeNull();
    expect(parseSiteRules('a.com')).toBeNull();
    expect(parseSiteRules(new Array(3).fill({ pattern: 'a', policy: 'full' }), 2)).toBeNull();
  });
});

describe('ip-address', () => {
  it('parses normalised literals and matches prefixes', () => {
    const v4 = parseIpAddress('172.20.1.1');
    const net = parseIpAddress('172.16.0.0');
    expect(v4 && net && inPrefix(v4, net, 12)).toBe(true);
    expect(v4 && net && inPrefix(v4, net, 16)).toBe(false);
    expect(parseIpAddress('[::1]')?.bytes).toEqual([...Array<number>(15).fill(0), 1]);
    expect(parseIpAddress('[::ffff:c0a8:1]')).toEqual({ version: 4, bytes: [192, 168, 0, 1] });
    for (const bad of ['example.com', '1.2.3', '256.1.1.1', '[1::2::3]', '[1:2:3:4:5:6:7:8:9]']) {
      expect(parseIpAddress(bad)).toBeNull();
    }
  });
});
