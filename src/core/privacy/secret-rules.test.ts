import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import {
  compileRule,
  findRuleSecrets,
  gitleaksRules,
  shannonEntropy,
  withoutLeftWidening,
} from './secret-rules';

const DIR = new URL('./gitleaks/', import.meta.url);
const found = (text: string): string[] =>
  findRuleSecrets(text).map((s) => text.slice(s.start, s.end));

describe('gitleaks rules (data)', () => {
  it('rules.json is gitleaks.toml, parsed (UPDATE_GITLEAKS_RULES=1 rewrites it)', async () => {
    const toml = parse(readFileSync(new URL('gitleaks.toml', DIR), 'utf8'));
    // Formatted as the project's Prettier would, so `npm test`'s format check agrees.
    const options = await resolveConfig(fileURLToPath(new URL('rules.json', DIR)));
    const json = await format(JSON.stringify(toml), { ...options, parser: 'json' });
    if (process.env.UPDATE_GITLEAKS_RULES) writeFileSync(new URL('rules.json', DIR), json);
    expect(readFileSync(new URL('rules.json', DIR), 'utf8')).toBe(json);
  });

  it('compiles every rule that has a regex, and each matches nothing in empty text', () => {
    const rules = gitleaksRules();
    expect(rules.length).toBeGreaterThan(200);
    for (const rule of rules) expect([...''.matchAll(rule.re)].length, rule.id).toBe(0);
  });

  it('drops only the leading left-widening of label rules', () => {
    expect(withoutLeftWidening('(?i)[\\w.-]{0,50}?(?:adobe)x')).toBe('(?i)(?:adobe)x');
    expect(withoutLeftWidening('[\\w.-]{0,50}?(?i:[\\w.-]{0,50}?(?:m))')).toBe('(?i:(?:m))');
    expect(withoutLeftWidening('a[\\w.-]{0,50}?')).toBe('a[\\w.-]{0,50}?');
    expect(compileRule({ id: 'file', path: 'x\\.p12' })).toBeNull();
  });
});

describe('findRuleSecrets', () => {
  it.each([
    ['glpat-Ab3dEf6hIj9kLm2nOp5q', 'GitLab'],
    ['npm_Q2w3E4r5T6y7U8i9O0p1A2s3D4f5G6h7J8k9', 'npm'],
    ['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', 'Hugging Face'],
    ['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', 'SendGrid'],
    [
      'https://hooks.slack.com/services/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',
      'Slack webhook',
    ],
    ['dop_v1_' + '0123456789abcdef'.repeat(4), 'DigitalOcean'],
  ])('finds %s (%s)', (secret) => {
    expect(found(`see ${secret} here`)).toContain(secret);
  });

  it('keeps the label and takes the value of label rules', () => {
    expect(found('heroku_api_key = "12345678-1234-1234-1234-123456789abc"')).toEqual([
      '12345678-1234-1234-1234-123456789abc',
    ]);
  });

  it('honours entropy floors, the digit rule of generic keys, and the allowlists', () => {
    expect(found('api_key = "aaaaaaaaaaaaaaaaaaaa"')).toEqual([]);
    expect(found('api_key = "correcthorsebattery"')).toEqual([]); // generic: no digit
    expect(found('npm_abcdefghijklmnopqrstuvwxyz0123456789')).toEqual([]); // a stop word
    expect(found('token: ${API_TOKEN}')).toEqual([]);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });

  it('runs no rule whose keywords are absent', () => {
    expect(found('The weather in Lisbon was mild, 18°C, with a light breeze.')).toEqual([]);
  });
});
