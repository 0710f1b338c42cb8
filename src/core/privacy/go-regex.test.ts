import { describe, expect, it } from 'vitest';
import { goRegexToJs } from './go-regex';

const js = (go: string): RegExp => new RegExp(goRegexToJs(go));

describe('goRegexToJs', () => {
  it('spells out case-insensitivity, for the whole pattern or a group', () => {
    expect(goRegexToJs('(?i)ab[a-f0-9_-]')).toBe('[aA][bB][A-Fa-f0-9_-]');
    expect(js('(?i)token').test('ToKeN')).toBe(true);
    expect(js('x(?i:ab)c').test('xABc')).toBe(true);
    expect(js('x(?i:ab)c').test('xABC')).toBe(false);
    // `(?i)` mid-pattern holds to the end of its group; `(?-i:…)` turns it off inside.
    expect(js('dp\\.pt\\.(?i)[a-z]{3}').test('dp.pt.AbC')).toBe(true);
    expect(js('DP(?i)x').test('dpx')).toBe(false);
    expect(js('(?i)a(?-i:B)c').test('AbC')).toBe(false);
    expect(js('(?i)a(?-i:B)c').test('ABC')).toBe(true);
    expect(js('(?:(?i)a)b').test('AB')).toBe(false);
  });

  it('keeps Go meanings of `.`, `\\z`, named groups, POSIX classes and literal brackets', () => {
    expect(js('a.b').test('a\rb')).toBe(true);
    expect(js('a.b').test('a\nb')).toBe(false);
    expect(js('(?s:a.b)').test('a\nb')).toBe(true);
    expect(js('ab\\z').test('ab\n')).toBe(false);
    expect(js('(?P<key>k)(v)').exec('kv')?.[2]).toBe('v');
    expect(js('[[:alnum:]]+').exec('--aZ9--')?.[0]).toBe('aZ9');
    expect(js('[]a]+').exec('x]a]')?.[0]).toBe(']a]');
    expect(js('a{,2}').test('a{,2}')).toBe(true);
    expect(js('[\\x60"]x').test('`x')).toBe(true);
  });

  it('refuses what it cannot convert, rather than match something else', () => {
    expect(() => goRegexToJs('\\pL')).toThrow();
    expect(() => goRegexToJs('(?m)^a')).toThrow();
    expect(() => goRegexToJs('(a')).toThrow();
    expect(() => goRegexToJs('a)')).toThrow();
    expect(() => goRegexToJs('[a')).toThrow();
  });
});
