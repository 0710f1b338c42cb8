import { describe, expect, test } from 'vitest';
import { policyFor } from './site-policy';
import {
  checkPattern,
  defaultEntries,
  hostPart,
  MAX_RULES,
  PATTERN_EXAMPLES,
  patternCovers,
  removeRule,
  setRule,
  type RuleProblem,
} from './site-rules-edit';

describe('checking what the user typed', () => {
  test.each([
    ['Example.com', 'example.com'],
    ['  https://Example.com/  ', 'example.com'],
    ['http://example.com/mail/', 'example.com/mail'],
    ['mychart.*', 'mychart.*'],
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['127.0.0.1:8080', '127.0.0.1:8080'],
    ['[::1]', '[::1]'],
  ])('%j is stored as %j', (raw, pattern) => {
    expect(checkPattern(raw)).toEqual({ ok: true, pattern });
  });

  test.each<[string, RuleProblem]>([
    ['', { code: 'empty' }],
    ['   ', { code: 'empty' }],
    ['exa mple.com', { code: 'spaces' }],
    ['ftp://example.com', { code: 'not-web' }],
    [' Exa*mple.com ', { code: 'not-understood', text: 'Exa*mple.com' }],
    ['example..com', { code: 'not-understood', text: 'example..com' }],
    ['example.com:99999', { code: 'not-understood', text: 'example.com:99999' }],
    ['10.0.0.0/40', { code: 'not-understood', text: '10.0.0.0/40' }],
    ['x'.repeat(301), { code: 'too-long', max: 300 }],
  ])('%j is refused with a reason', (raw, problem) => {
    expect(checkPattern(raw)).toEqual({ ok: false, problem });
  });

  test('every example offered is a pattern', () => {
    for (const example of PATTERN_EXAMPLES) expect(checkPattern(example).ok).toBe(true);
  });
});

describe('editing rules', () => {
  test('adding, then changing the same pattern however it is typed, then removing', () => {
    const added = setRule([], 'Example.com', 'never');
    expect(added).toMatchObject({ ok: true, replaced: null, rule: { pattern: 'example.com' } });
    if (!added.ok) throw new Error('not added');
    const changed = setRule(added.rules, 'https://example.com/', 'url-only');
    if (!changed.ok) throw new Error('not changed');
    expect(changed.rules).toEqual([{ pattern: 'example.com', policy: 'url-only' }]);
    expect(changed.replaced).toEqual({ pattern: 'example.com', policy: 'never' });
    expect(removeRule(changed.rules, 'EXAMPLE.com')).toEqual([]);
  });

  test('an invalid pattern changes nothing', () => {
    const rules = [{ pattern: 'a.com', policy: 'full' as const }];
    expect(setRule(rules, 'not a site', 'never')).toMatchObject({ ok: false });
    expect(rules).toEqual([{ pattern: 'a.com', policy: 'full' }]);
  });

  test('at most MAX_RULES rules, but an existing one can still change', () => {
    const rules = Array.from({ length: MAX_RULES }, (_, i) => ({
      pattern: `s${i}.example`,
      policy: 'never' as const,
    }));
    expect(setRule(rules, 'new.example', 'never')).toEqual({
      ok: false,
      problem: { code: 'too-many', max: MAX_RULES },
    });
    expect(setRule(rules, 's5.example', 'full')).toMatchObject({ ok: true });
  });

  test('allowing a default-blocked site wins over the default, and is shown as changed', () => {
    const url = 'https://www.paypal.com/myaccount';
    expect(policyFor(url, [])).toBe('never');
    const allowed = setRule([], 'paypal.com', 'full');
    if (!allowed.ok) throw new Error('not allowed');
    expect(policyFor(url, allowed.rules)).toBe('full');
    const [entry, other] = defaultEntries(allowed.rules, ['paypal.com', 'venmo.com']);
    expect(entry).toEqual({
      pattern: 'paypal.com',
      override: { pattern: 'paypal.com', policy: 'full' },
      policy: 'full',
    });
    expect(other).toEqual({ pattern: 'venmo.com', override: null, policy: 'never' });
    // Block again: the default applies once more.
    expect(policyFor(url, removeRule(allowed.rules, 'paypal.com'))).toBe('never');
  });

  test('a rule added for a site refuses it, over a broader allow', () => {
    const rules = [{ pattern: '127.0.0.1', policy: 'full' as const }];
    const edit = setRule(rules, '127.0.0.1:4567', 'never');
    if (!edit.ok) throw new Error('not added');
    expect(policyFor('http://127.0.0.1:4567/a.html', edit.rules)).toBe('never');
    expect(policyFor('http://127.0.0.1:9999/a.html', edit.rules)).toBe('full');
  });
});

describe('which kept pages a pattern covers', () => {
  test.each([
    ['example.com', 'https://news.example.com/a', true],
    ['example.com', 'https://example.org/a', false],
    ['example.com/mail', 'https://example.com/mail/inbox', true],
    ['example.com/mail', 'https://example.com/mailbox', false],
    ['127.0.0.1:4567', 'http://127.0.0.1:4567/x', true],
    ['127.0.0.1:4567', 'http://127.0.0.1:80/x', false],
    ['10.0.0.0/8', 'http://10.2.3.4/', true],
  ])('%s covers %s: %s', (pattern, url, covers) => {
    expect(patternCovers(pattern, url)).toBe(covers);
  });

  test.each([
    ['example.com/mail', 'example.com'],
    ['127.0.0.1:4567', '127.0.0.1'],
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['[::1]:8080', '[::1]'],
    ['mychart.*', 'mychart.*'],
  ])('the hosts of %s are %s', (pattern, hosts) => {
    expect(hostPart(pattern)).toBe(hosts);
  });
});
