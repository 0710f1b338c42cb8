import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid } from './checksums';
import { findSecrets, redactSecrets, redactUrl } from './redact';
import { hostileText } from '../text/test-arbitraries';

const CARD = '[card number removed]';
const IBAN = '[IBAN removed]';
const SECRET = '[secret removed]';
const redact = (text: string): string => redactSecrets(text).text;

/** `prefix` completed with random digits and a Luhn check digit, to `length` digits. */
function luhnComplete(prefix: string, body: readonly number[], length: number): string {
  let digits = prefix + body.join('').slice(0, length - prefix.length - 1);
  digits = digits.padEnd(length - 1, '0');
  for (let check = 0; check < 10; check++) {
    if (luhnValid(digits + check)) return digits + check;
  }
  throw new Error('unreachable');
}

describe('checksums', () => {
  it('Luhn and IBAN mod 97', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('41x1')).toBe(false);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('DE89370400440532013001')).toBe(false);
    expect(ibanValid('DE8937040044053201300')).toBe(false); // a German IBAN has 22 characters
    expect(ibanValid('ZZ89370400440532013000')).toBe(false);
  });
});

describe('redactSecrets: card numbers', () => {
  it.each([
    ['4111 1111 1111 1111', 'Visa, groups of four'],
    ['4111-1111-1111-1111', 'dashes'],
    ['4111111111111111', 'unbroken'],
    ['5555555555554444', 'Mastercard'],
    ['2223003122003222', 'Mastercard 2-series'],
    ['3782 822463 10005', 'Amex 4-6-5'],
    ['3056 930902 5904', 'Diners 4-6-4'],
    ['6011111111111117', 'Discover'],
    ['4222222222222', '13 digits'],
  ])('removes %s (%s)', (card) => {
    const result = redactSecrets(`Paid with ${card}, thanks.`);
    expect(result).toEqual({ text: `Paid with ${CARD}, thanks.`, redactions: 1 });
  });

  it('removes a 19-digit card, and a card followed by its expiry', () => {
    const nineteen = luhnComplete('6', [1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8], 19);
    const grouped = nineteen.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(redact(`card ${grouped} ok`)).toBe(`card ${CARD} ok`);
    expect(redact('4111 1111 1111 1111 12/26 CVV')).toBe(`${CARD} 12/26 CVV`);
    expect(redact('4111 1111 1111 1111 2026')).toBe(`${CARD} 2026`);
    expect(redact('card:4111111111111111.')).toBe(`card:${CARD}.`);
  });

  it.each([
    ['4111 1111 1111 1112', 'fails Luhn'],
    ['1700000000000', 'a millisecond timestamp (starts with 1)'],
    ['0000 0000 0000 0000', 'a placeholder'],
    ['4444444444444444', 'one repeated digit'],
    ['3.14159265358979323846', 'decimals of pi'],
    ['41111111111111111111111', 'a 23-digit number'],
    ['+1 555 123 4567', 'a phone number'],
    ['978-3-16-148410-0', 'an ISBN'],
    ['order 4111 11111 1111 1111', 'not grouped like a card'],
    ['abc4111111111111111', 'part of a word'],
    ['4111111111111111abc', 'glued to a word'],
    ['1,234,567,890,123,456', 'a big number with separators'],
    ['4111 1111-1111 1111', 'mixed separators'],
  ])('keeps %s (%s)', (text) => {
    expect(redactSecrets(text)).toEqual({ text, redactions: 0 });
  });

  it('removes any valid card number embedded in hostile text', () => {
    fc.assert(
      fc.property(
        hostileText(30),
        fc.constantFrom('4', '51', '37', '6011', '35'),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 }),
        fc.integer({ min: 13, max: 19 }),
        hostileText(30),
        (before, prefix, body, length, after) => {
          const card = luhnComplete(prefix, body, length);
          fc.pre(!/^(\d)\1*$/.test(card));
          const out = redact(`${before} ${card} ${after}`);
          expect(out).not.toContain(card);
          expect(out).toContain(CARD);
        },
      ),
    );
  });
});

describe('redactSecrets: IBANs', () => {
  it.each([
    'DE89 3704 0044 0532 0130 00',
    'DE89370400440532013000',
    'GB82 WEST 1234 5698 7654 32',
    'FR14 2004 1010 0505 0001 3M02 606',
    'NL91ABNA0417164300',
    'NO93 8601 1117 947',
  ])('removes %s', (iban) => {
    expect(redactSecrets(`IBAN: ${iban}.`)).toEqual({ text: `IBAN: ${IBAN}.`, redactions: 1 });
  });

  it('stops before the next word, and keeps codes that fail the check', () => {
    expect(redact('DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX')).toBe(`${IBAN} BIC COBADEFFXXX`);
    expect(redact('GB82 WEST 1234 5698 7654 32 ABCD')).toBe(`${IBAN} ABCD`);
    for (const text of ['DE88 3704 0044 0532 0130 00', 'XX89370400440532013000', 'ISO8601T12']) {
      expect(redact(text)).toBe(text);
    }
  });
});

describe('redactSecrets: keys and tokens', () => {
  const jwt =
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
  it.each([
    ['AKIAIOSFODNN7EXAMPLE', 'AWS access key id'],
    [`ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`, 'GitHub classic token'],
    [`gho_${'Z9y8X7w6V5'.repeat(4)}`, 'GitHub OAuth token'],
    [`github_pat_11ABCDEFG0${'x1Y2z3'.repeat(10)}`, 'GitHub fine-grained token'],
    ['xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', 'Slack bot token'],
    ['sk_live_51H8abcDEFghiJKLmnoPQRstu', 'Stripe secret key'],
    ['rk_live_51H8abcDEFghiJKLmnoPQRstu', 'Stripe restricted key'],
    ['AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q', 'Google API key'],
    ['sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z', 'OpenAI project key'],
    [`sk-${'aB3'.repeat(16)}`, 'OpenAI legacy key'],
    [jwt, 'JWT'],
  ])('removes %s (%s)', (token) => {
    expect(redactSecrets(`use ${token} here`)).toEqual({
      text: `use ${SECRET} here`,
      redactions: 1,
    });
  });

  it('removes the credential after Bearer or Basic, keeping the scheme', () => {
    expect(redact('Authorization: Bearer abcDEF123456ghiJKL789')).toBe(
      `Authorization: Bearer ${SECRET}`,
    );
    expect(redact('Authorization: Basic dXNlcjpwYXNzd29yZA==')).toBe(
      `Authorization: Basic ${SECRET}`,
    );
  });

  it('removes the password written into a URL, keeping the user and host', () => {
    expect(redact('see https://admin:hunter2@db.example:5432/x')).toBe(
      `see https://admin:${SECRET}@db.example:5432/x`,
    );
    expect(redactUrl('ftp://me:pa55@files.example/').url).toBe('ftp://me:redacted@files.example/');
    expect(redact('https://example.com:8080/a@b')).toBe('https://example.com:8080/a@b');
  });

  it('removes PEM private keys, whole, cut short, or inside JSON', () => {
    const body =
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4nmPQm+KM0aL';
    const pem = `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`;
    expect(redact(`key:\n${pem}\nafter`)).toBe(`key:\n${SECRET}\nafter`);
    expect(redact(pem.replace(/PRIVATE KEY/g, 'RSA PRIVATE KEY'))).toBe(SECRET);
    const json = redact(`{"private_key": "${pem.replace(/\n/g, '\\n')}\\n"}`);
    expect(json).toMatch(/^\{"private_key": "\[secret removed\](?:\\n)?"\}$/);
    // A page that shows only the start of a key: the key-like lines go, the prose stays.
    expect(redact(`-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\nThe rest is gone.`)).toBe(
      `${SECRET}\nThe rest is gone.`,
    );
    expect(redact(`-----BEGIN ENCRYPTED PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n${body}`)).toBe(
      SECRET,
    );
  });

  it('keeps what only mentions keys: docs, public keys, slugs, look-alikes', () => {
    for (const text of [
      '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
      '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----',
      'https://example.com/sk-learn-tutorial-for-beginners-part-two',
      'pk_live_51H8abcDEFghiJKLmnoPQRstu is a publishable key',
      'AKIA is a prefix; AKIAIOSFODNN7EXAMPLEX is too long',
      'eyJ alone, and eyJhbGciOiJIUzI1NiJ9 alone',
      'A Bearer of good news arrived.',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });
});

describe('redactSecrets: named secrets', () => {
  it.each([
    ['https://x.example/cb?code=1&access_token=ya29.a0AfH6SM&state=2', 'access_token='],
    ['https://x.example/login?user=me&password=hunter2#top', 'password='],
    ['DB_PASSWORD=s3cr3t', 'PASSWORD='],
    [
      'X-Amz-Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024',
      'Signature=',
    ],
    ['{"apiKey": "abc", "user": "me"}', '"apiKey": "'],
    ["client_secret: 'abc def'", "client_secret: '"],
    ['My password: hunter2, do not tell.', 'password: '],
    ['session_id=abcdef', 'session_id='],
  ])('removes the value in %s', (text, kept) => {
    const out = redact(text);
    expect(out).toContain(`${kept}${SECRET}`);
    expect(findSecrets(out)).toEqual([]);
  });

  it('keeps names that are not secrets, placeholders and prose', () => {
    for (const text of [
      'max_tokens=512&temperature=0.7',
      'Password: Required',
      'Password: ********',
      'token = getToken();',
      'const token = process.env.TOKEN;',
      '?access_token=YOUR_ACCESS_TOKEN',
      'password=${PASSWORD}',
      'password=<your password>',
      'api_key=[secret removed]',
      'sort_key=name&keyboard=us',
      'Note: the secret to good bread is time.',
      '{"password": ""}',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });
});

describe('redactSecrets: properties', () => {
  it('never changes text that holds no secret', () => {
    const prose = fc.constantFrom(
      'The council met on Tuesday.',
      '会议在周二举行。',
      'مرحبا بالعالم',
      'Call 555-0100 or 020 7946 0958.',
      'ISBN 978-3-16-148410-0, 3.14159',
      'max_tokens=512',
      'Password: Required',
      'https://example.com/a?q=rust&page=2#x',
      '-----BEGIN PUBLIC KEY-----',
      'sk-learn',
      '\ud800',
      '\udc00',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(prose, hostileText(20)), { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        expect(redactSecrets(text)).toEqual({ text, redactions: 0 });
      }),
    );
  });

  it('redacts a secret glued to the end of another (found by fast-check)', () => {
    const glued = [
      '-----BEGIN PRIVATE KEY-----',
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
      '-----END PRIVATE KEY-----',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc',
    ].join('');
    const once = redactSecrets(glued).text;
    expect(once).not.toContain('eyJ');
    expect(redactSecrets(once)).toEqual({ text: once, redactions: 0 });
  });

  it('is idempotent and leaves nothing to find on the second pass', () => {
    const pieces = fc.constantFrom(
      '4111 1111 1111 1111',
      'DE89 3704 0044 0532 0130 00',
      'AKIAIOSFODNN7EXAMPLE',
      'password=hunter2',
      'token: ab12cd34',
      '-----BEGIN PRIVATE KEY-----',
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
      '-----END PRIVATE KEY-----',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc',
      ' ',
      '\n',
      '=',
      ':',
      '"',
      'word',
      '1234',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const once = redact(parts.join(''));
        expect(redact(once)).toBe(once);
      }),
    );
  });

  it('is linear on adversarial input (no catastrophic backtracking)', () => {
    const seeds = fc.constantFrom(
      'eyJ',
      'eyJa.',
      '-----BEGIN PRIVATE KEY-----',
      '-----END PRIVATE KEY-----',
      '-----BEGIN ',
      '4111 ',
      '1 ',
      '1-',
      '4',
      'AKIA',
      'sk-',
      'ghp_',
      'xoxb-',
      'password=',
      'token:',
      'a=',
      'DE89 ',
      'AAAA ',
      'Bearer ',
      'Aa1',
      '"',
      '.',
      '\\n',
      'a',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(seeds, { minLength: 1, maxLength: 6 }), (unit) => {
        // ~100 kB of one repeated unit: a quadratic pattern would take minutes here.
        const text = unit.join('').repeat(Math.ceil(100_000 / unit.join('').length));
        const started = performance.now();
        redactSecrets(text);
        expect(performance.now() - started).toBeLessThan(2_000); // a hang guard, not a benchmark
      }),
      { numRuns: 40 },
    );
  });

  it('logs the time for 2 MB of text (not an assertion)', () => {
    const page =
      'The council met on Tuesday to discuss the bridge; call 555-0100 or see ' +
      'https://example.com/a?q=rust&page=2 — 会议在周二举行。 max_tokens=512 3.14159 ';
    const inputs: Record<string, string> = {
      prose: page.repeat(Math.ceil(2_000_000 / page.length)).slice(0, 2_000_000),
      digits: '4111 '.repeat(400_000),
      jwtPrefixes: 'eyJ'.repeat(666_667),
      pemBegins: '-----BEGIN PRIVATE KEY-----'.repeat(74_075),
      assignments: 'password='.repeat(222_223),
    };
    for (const [name, text] of Object.entries(inputs)) {
      const started = performance.now();
      const { redactions } = redactSecrets(text);
      const ms = performance.now() - started;
      console.info(
        `redactSecrets ${name}: ${(text.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms, ${redactions} redactions`,
      );
      expect(ms).toBeLessThan(20_000); // a hang guard only
    }
  }, 120_000); // five 2 MB inputs on a shared, loaded machine: a log, not a time limit
});

describe('redactUrl', () => {
  it('keeps the URL valid and drops the secret values', () => {
    const { url, redactions } = redactUrl(
      'https://app.example/cb?state=x&access_token=ya29.a0AfH6SM#id_token=abc.def',
    );
    expect(url).toBe('https://app.example/cb?state=x&access_token=redacted#id_token=redacted');
    expect(redactions).toBe(2);
    expect(() => new URL(url)).not.toThrow();
    expect(redactUrl('https://example.com/a?q=1')).toEqual({
      url: 'https://example.com/a?q=1',
      redactions: 0,
    });
  });
});
