/**
 * Secrets that only their label gives away, which secret scanners (made for code, not for what
 * people read and paste) do not look for: one-time and backup codes ("your code is 483920",
 * 验证码：483920), card security codes (CVV), US Social Security numbers, passwords in prose
 * (`Password: sunshine`, 密码：abc123), `Cookie:` headers, keys named in words ("AWS secret access
 * key: …"), OAuth codes and keys in query strings, and magic-link tokens in paths.
 *
 * Each pattern starts at a label (or a fixed shape) and reads a bounded value, so it is linear:
 * the label's alternatives share no prefix with what may repeat before them.
 */
import { KeywordSet } from './keyword-set';
import type { SecretSpan } from './redact';

interface LabelPattern {
  /** The pattern runs only on text holding one of these (ASCII case ignored); none: always. */
  keywords: readonly string[];
  /** `d` and `g` flags; group 1 is the secret (or the text in which `split` finds secrets). */
  re: RegExp;
  check?: (value: string) => boolean;
  /** Read greedily, a value may end with the sentence's punctuation or a closing quote. */
  trim?: boolean;
  /** Several secrets in one value (backup codes, cookie pairs): their offsets in the value. */
  split?: (value: string) => Array<[number, number]>;
}

/** A code: 4 to 10 characters with a digit (`483920`, `G-482913`, `7KQ2-9XPL`). */
const CODE = String.raw`(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,10}[A-Z0-9]`;
const codeShaped = (value: string): boolean => /^(?=.*\d)[A-Za-z0-9-]{4,12}$/.test(value);

/** Words that follow "password:" or "password is" in prose and are not passwords. */
const NOT_PASSWORDS: ReadonlySet<string> = new Set(
  (
    'required optional incorrect wrong invalid weak strong correct expired protected hidden ' +
    'forgotten forgot changed reset needed empty blank missing saved stored encrypted hashed ' +
    'secure insecure mandatory visible unknown enabled disabled not the a an your my our their ' +
    'too very also still being now same different long short private public shown sent ' +
    'incorrectly case-sensitive set none null optional. enter confirm repeat new old current ' +
    'manager managers policy policies field strength length hint recovery requirements ' +
    'authentication protection login change changes update'
  ).split(' '),
);

function looksLikePassword(value: string): boolean {
  if (value.length < 4 || value.length > 64) return false;
  if (NOT_PASSWORDS.has(value.toLowerCase())) return false;
  // Placeholders: `****`, `<password>`, `${PASSWORD}`, `[secret removed]`.
  return !/^[$%{<[(*.•·]/.test(value) && !/^(.)\1*$/su.test(value);
}

const hasDigitAndLetter = (v: string): boolean => /\d/.test(v) && /[A-Za-z]/.test(v);

/** A token, not a slug: digits with mixed-case letters, or a long hex run (a UUID). */
const looksRandom = (v: string): boolean =>
  (/\d/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v)) || /^[0-9a-f-]{32,}$/i.test(v);

/** Each code-shaped word in a list of backup codes. */
function codesIn(value: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of value.matchAll(/[A-Za-z0-9-]+/g)) {
    if (codeShaped(m[0])) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** Cookie attributes (`Path=/`), which are not secrets; every other `name=value` value is. */
const COOKIE_ATTRIBUTES =
  /^(?:path|domain|expires|max-age|samesite|secure|httponly|priority|partitioned|version|comment)$/i;
function cookieValues(value: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of value.matchAll(/([^=;\s]+)=([^;\s]+)/g)) {
    // Attributes, and values already redacted (a second pass sees `sid=[secret removed]`).
    if (COOKIE_ATTRIBUTES.test(m[1] ?? '') || m[2]?.startsWith('[')) continue;
    const start = m.index + (m[1] ?? '').length + 1;
    out.push([start, start + (m[2] ?? '').length]);
  }
  return out;
}

const SEP = String.raw`\s{0,3}(?:[:：=#]|\bis\b|\bare\b|\bwas\b)?\s{0,3}[:：]?\s{0,3}["'“]?`;

const PATTERNS: readonly LabelPattern[] = [
  // One-time codes: "verification code: 483920", "your code is 483920", "OTP 483920". A bare
  // "code" needs "your": "error code 1234" and "code 2024" are not secrets.
  {
    keywords: [' code', ' pin', 'otp', 'passcode'],
    re: new RegExp(
      String.raw`\b(?:(?:verification|security|confirmation|log-?in|sign-?in|one-time|single-use|authentication|2fa|two-factor|access|activation|sms|otp|mfa)\s+(?:code|pin|passcode)|your\s+(?:code|pin|passcode|otp)|otp|passcode)\b(?:\s+(?:for|to)\s+[\w .@-]{1,40}?)?${SEP}(${CODE})(?![\w-])`,
      'dgi',
    ),
    check: codeShaped,
  },
  // "483920 is your verification code".
  {
    keywords: ['is your'],
    re: /(?<![\w-])(\d{4,8})\s+is\s+your\s+(?:[\w-]+\s+){0,3}(?:code|pin|passcode|otp)\b/dgi,
  },
  // Backup and recovery codes: a list after the label.
  {
    keywords: ['backup', 'recovery', 'scratch'],
    re: /\b(?:backup|recovery|scratch)\s+codes?\b[^\n\d]{0,40}?((?:[A-Za-z0-9]{4,5}[- ]?[A-Za-z0-9]{3,5}[\s,;]{1,4}){1,15}[A-Za-z0-9]{4,5}[- ]?[A-Za-z0-9]{3,5})(?![\w-])/dgi,
    split: codesIn,
  },
  // Chinese one-time codes: 验证码：483920, 您的验证码为483920, 动态密码 483920.
  {
    keywords: [
      '验证码',
      '驗證碼',
      '校验码',
      '校驗碼',
      '动态',
      '動態',
      '短信码',
      '确认码',
      '確認碼',
      '激活码',
      '授权码',
      '授權碼',
      '安全码',
      '安全碼',
      '提取码',
      '取件码',
      '备用码',
      '恢复码',
      '一次性密码',
    ],
    re: /(?:验证码|驗證碼|校验码|校驗碼|动态码|動態碼|动态密码|動態密碼|短信码|确认码|確認碼|激活码|授权码|授權碼|安全码|安全碼|提取码|取件码|备用码|恢复码|一次性密码)[^\dA-Za-z\n]{0,8}?([A-Za-z0-9]{4,8})(?![A-Za-z0-9])/dg,
    check: (v) => /\d/.test(v),
  },
  // Card security codes.
  {
    keywords: ['cvv', 'cvc', 'cvn', 'csc', 'cid', 'card verification', 'security code'],
    re: /\b(?:CVV2?|CVC2?|CVN|CSC|CID|card\s+verification\s+(?:value|code|number)|security\s+code)\b\s{0,3}(?:[:：=#是为]|\bis\b)?\s{0,3}(\d{3,4})(?![\d])/dgi,
  },
  {
    keywords: ['安全码', '安全碼', '三位', 'cvv'],
    re: /(?:安全码|安全碼|卡背后三位|背面三位数?|CVV码)[^\d\n]{0,6}?(\d{3,4})(?!\d)/dg,
  },
  // US Social Security numbers, with a label (any grouping) or in the 3-2-4 dashed form.
  {
    keywords: ['ssn', 'social security', '社会安全', '社會安全'],
    re: /\b(?:SSN|Social\s+Security\s+(?:Number|No\.?|#)?|社会安全号码?|社會安全號碼?)\s{0,3}(?:[:：=#]|\bis\b)?\s{0,3}(\d{3}[- ]?\d{2}[- ]?\d{4})(?![\d-])/dgi,
  },
  {
    keywords: [],
    re: /(?<![\d-])(\d{3}-\d{2}-\d{4})(?![\d-])/dg,
    check: (v) => /^(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/.test(v),
  },
  // Passwords in prose, letters only too: "Password: sunshine", "the wifi password is hunter".
  {
    keywords: ['password', 'passwd', 'passphrase', 'pwd'],
    re: /\b(?:password|passwd|passphrase|pwd|wi-?fi\s+password)\b\s{0,3}(?:[:=]|\bis\b)\s{0,3}["'“]?([^\s"'”<>]{1,64})/dgi,
    check: looksLikePassword,
    trim: true,
  },
  // A PIN is digits: "the pin is broken" is about a hinge.
  {
    keywords: ['pin'],
    re: /\bPIN(?:\s+(?:code|number))?\b\s{0,3}(?:[:=：#]|\bis\b)\s{0,3}(\d{4,8})(?!\d)/dgi,
  },
  // Chinese password labels: 密码：abc123, 登录密码为 hunter2, WiFi密码是 sunshine88.
  {
    keywords: ['密码', '密碼', '口令', '密钥', '密鑰', '秘钥', '私钥', '私鑰', 'pin码'],
    re: /(?:密码|密碼|口令|密钥|密鑰|秘钥|私钥|私鑰|PIN码)\s{0,3}(?:[:：=]|是|为|為)\s{0,3}[:：]?\s{0,3}["'“「]?([\x21-\x7e]{4,256})/dg,
    check: looksLikePassword,
    trim: true,
  },
  // `Cookie:` and `Set-Cookie:` headers: every value.
  {
    keywords: ['cookie'],
    re: /\b(?:Set-)?Cookie\s{0,3}:[ \t]{0,3}([^\n\r'"]{1,4096})/dgi,
    split: cookieValues,
  },
  // Keys named in words: "AWS secret access key: …", "API key is …", "client secret = …".
  {
    keywords: [' key', ' token', ' secret'],
    re: /\b(?:(?:aws\s+)?secret\s+access\s+key|(?:api|access|secret|auth|client|refresh|bot|app|private|signing|session)\s+(?:key|token|secret))\b\s{0,3}(?:[:=：]|\bis\b)\s{0,3}["'“]?([A-Za-z0-9_\-./+=]{16,512})(?![A-Za-z0-9_\-/+=])/dgi,
    check: hasDigitAndLetter,
  },
  // Telegram bot tokens: `123456789:AA…` (35 characters after the colon).
  { keywords: [':aa'], re: /(?<![\w:])(\d{8,10}:AA[A-Za-z0-9_-]{33})(?![\w-])/dg },
  // OAuth codes, keys and one-time tickets in query strings.
  {
    keywords: ['code=', 'key=', 'otp=', 'ticket=', 'magic=', 'token=', 'authcode='],
    re: /[?&#;](?:code|key|otp|ticket|magic|login_token|auth_code|authcode|apikey|api-key)=([^&#\s"'<>]{8,2048})/dgi,
    check: (v) => hasDigitAndLetter(v) || v.length >= 20,
  },
  // Magic links: a token as the path segment after /login/, /verify/, /magic-link/ and the like.
  {
    keywords: [
      '/magic',
      '/login/',
      '/log-in/',
      '/signin/',
      '/sign-in/',
      '/auth/',
      '/verif',
      '/confirm',
      '/activat',
      '/reset',
      '/password',
      '/invit',
      '/email',
      '/sso/',
      '/token/',
      '/t/',
    ],
    re: /\/(?:magic[-_]?links?|login|log-in|signin|sign-in|auth|verify|verification|confirm|confirmation|activate|activation|reset[-_]?password|password[-_]?reset|reset|invite|invitation|passwordless|email[-_]?login|sso|token|t)\/([A-Za-z0-9_\-.~%]{20,512})(?=[/?#\s"'<>)]|$)/dgi,
    check: looksRandom,
  },
];

/** The sentence's punctuation and quotes after a value; `!` stays (passwords end with it). */
const TRAILING = /["'”」.,;:?)\]}]+$/;

/** Every keyword of these patterns, for a caller that looks for all detectors' keywords at once. */
export const LABEL_KEYWORDS: readonly string[] = PATTERNS.flatMap((p) => p.keywords);

let keywords: KeywordSet | null = null;

/** `present`: the keywords found in `text`, when the caller has already looked (redact.ts). */
export function findLabelledSecrets(text: string, present?: ReadonlySet<string>): SecretSpan[] {
  keywords ??= new KeywordSet(LABEL_KEYWORDS);
  const found = present ?? keywords.foundIn(text);
  const spans: SecretSpan[] = [];
  for (const { keywords: words, re, check, split, trim } of PATTERNS) {
    if (words.length > 0 && !words.some((k) => found.has(k.toLowerCase()))) continue;
    for (const match of text.matchAll(re)) {
      const span = match.indices?.[1];
      if (!span) continue;
      let value = text.slice(span[0], span[1]);
      if (trim) value = value.replace(TRAILING, '');
      const start = span[0];
      if (split) {
        for (const [from, to] of split(value)) {
          spans.push({ start: start + from, end: start + to, kind: 'secret' });
        }
        continue;
      }
      if (value === '' || (check && !check(value))) continue;
      spans.push({ start, end: start + value.length, kind: 'secret' });
    }
  }
  return spans;
}
