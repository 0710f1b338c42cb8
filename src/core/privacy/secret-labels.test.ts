import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact';
import { findSeedPhrases } from './seed-phrases';

const S = '[secret removed]';
const redact = (text: string): string => redactSecrets(text).text;

describe('redactSecrets: what issue 11 found surviving', () => {
  it.each([
    [
      'AWS Secret Access Key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYzXAMPLEKEY',
      `AWS Secret Access Key: ${S}`,
    ],
    ['GitHub OAuth token: 4f9c2e1a7b3d5f8e0a2c4e6b8d0f1a3c5e7b9d2f', `GitHub OAuth token: ${S}`],
    ['deepseek key sk-1f2e3d4c5b6a79881f2e3d4c5b6a7988 works', `deepseek key ${S} works`],
    ['bot 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1 ok', `bot ${S} ok`],
    [
      'AccountName=prod;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==;EndpointSuffix=x',
      `AccountName=prod;AccountKey=${S};EndpointSuffix=x`,
    ],
    ['Username: lucy\nPassword: sunshine', `Username: lucy\n${'Password: ' + S}`],
    ['the wifi password is Summer7785! if anyone asks', `the wifi password is ${S} if anyone asks`],
    ['Your verification code is 483920.', `Your verification code is ${S}.`],
    ['483920 is your Acme login code.', `${S} is your Acme login code.`],
    ['【某银行】您的验证码为483920，5分钟内有效。', `【某银行】您的验证码为${S}，5分钟内有效。`],
    ['Backup codes: 8412-5530 1192-0043', `Backup codes: ${S} ${S}`],
    ['Card ending 4242, CVV 737, zip 94107.', `Card ending 4242, CVV ${S}, zip 94107.`],
    ['信用卡 CVV 是 494', `信用卡 CVV 是 ${S}`],
    ['SSN: 123-45-6789', `SSN: ${S}`],
    ['Your PIN is 4821.', `Your PIN is ${S}.`],
    ['共享账号 ops，密码：Summer1902!，下周改', `共享账号 ops，密码：${S}，下周改`],
    ['Cookie: session_id=Ab3dEf6hIj9k; theme=dark', `Cookie: session_id=${S}; theme=${S}`],
    ['Set-Cookie: auth=Ab3dEf6hIj9k; Path=/; HttpOnly', `Set-Cookie: auth=${S}; Path=/; HttpOnly`],
    [
      'https://a.example/cb?code=4/0AX4XfWh3k9sDf8&scope=email',
      `https://a.example/cb?code=${S}&scope=email`,
    ],
    [
      'https://a.example/magic-link/eyQ8aZ3mK9pL2xR7vB4nC6 now',
      `https://a.example/magic-link/${S} now`,
    ],
    [
      'https://api.example/feed?key=Ab3dEf6hIj9kLm2nOp5q&n=2',
      `https://api.example/feed?key=${S}&n=2`,
    ],
  ])('%s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    'Password: Required',
    'The password is incorrect.',
    'Your password manager keeps it.',
    'error code 1234 means the disk is full',
    'Call 555-0100 or fax 555-01-0000; ref 900-12-3456',
    'See https://example.com/login/how-to-reset-your-password-safely for help',
    '验证码已发送，请注意查收。',
    '请输入密码：',
    'Set-Cookie headers are described in RFC 6265.',
    'the security code on the back of the card',
    'The pin is broken and the hinge: squeaky.',
    'Pin: Tuesday standup notes',
  ])('keeps %s', (text) => {
    expect(redactSecrets(text)).toEqual({ text, redactions: 0 });
  });
});

describe('findSeedPhrases', () => {
  const twelve = 'legal winner thank year wave sausage worth useful legal winner thank yellow';

  it('finds 12 and 24 list words, in a row, one per line, or numbered', () => {
    const numbered = twelve
      .split(' ')
      .map((w, i) => `${i + 1}. ${w}`)
      .join('\n');
    for (const text of [twelve, twelve.replace(/ /g, '\n'), numbered, `${twelve} ${twelve}`]) {
      const spans = findSeedPhrases(`Seed: ${text}\nKeep it safe.`);
      expect(spans.length).toBe(1);
    }
  });

  it('keeps prose and runs shorter than 12 list words', () => {
    expect(findSeedPhrases(twelve.split(' ').slice(0, 11).join(' '))).toEqual([]);
    expect(
      findSeedPhrases(
        'The council will meet again next week to discuss the budget and the new bridge plan.',
      ),
    ).toEqual([]);
  });
});
