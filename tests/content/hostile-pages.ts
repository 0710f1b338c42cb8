/**
 * fast-check generators of hostile web pages for the fuzz test: deep nesting, huge text nodes,
 * lone surrogates, right-to-left and CJK text, emoji, hidden text, malformed markup, many
 * elements, script and style soup, form fields and password fields.
 *
 * Sizes are drawn as numbers and the big strings built with `repeat`: asking fast-check for a
 * megabyte string would spend the time budget in the generator.
 */
import fc from 'fast-check';
import { hostileText } from '../../src/core/text/test-arbitraries';

/** Typed into form fields and editable regions: it must never reach the output. */
export const DRAFT_MARKER = 'SECRETDRAFT';

// prettier-ignore
const PIECES = [
  'word ', ' ', '\n', '\t', '&amp;', '&lt;', '&#xD800;', '&#0;', '&#x110000;', '&nbsp;', '&bogus;',
  '我们的', '量子计算。', 'مرحبا بالعالم', 'שלום עולם', '\u202e', '\u200f', '\u200b', '\ufeff',
  '😀', '👨‍👩‍👧', '🇯🇵', 'e\u0301', '\ud800', '\udc00', '\udbff\udfff', '"', "'", '=', '/', '\u0000',
];

/** Text with everything a page can hold, lone surrogates included. */
const text: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join('')),
  hostileText(60),
);

const tag = fc.constantFrom(
  'div',
  'span',
  'p',
  'section',
  'li',
  'b',
  'td',
  'article',
  'blockquote',
);

const paragraph = fc
  .tuple(fc.constantFrom('p', 'div', 'h2', 'li', 'pre', 'blockquote', 'td', 'span'), text)
  .map(([t, body]) => `<${t}>${body}</${t}>`);

const rtlOrCjk = fc
  .tuple(fc.constantFrom('rtl', 'ltr', 'auto'), fc.constantFrom('ar', 'he', 'zh', 'ja'), text)
  .map(([dir, lang, body]) => `<p dir="${dir}" lang="${lang}">${body} 汉字 العربية</p>`);

const hidden = fc
  .tuple(
    fc.constantFrom(
      'hidden',
      'style="display:none"',
      'aria-hidden="true"',
      'style="visibility:hidden"',
    ),
    text,
  )
  .map(([attr, body]) => `<div ${attr}>${body}</div>`);

const soup = fc
  .tuple(
    fc.constantFrom('script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas'),
    text,
  )
  .map(([t, body]) => `<${t}>${body}<p>${body}</p></${t}>`);

// prettier-ignore
const malformed = fc.constantFrom(
  '<div', '</p></div></span>', '<p><div>', '<a href="x>', '<!--', '-->', '<![CDATA[x]]>',
  '<table><p>cell</table>', '<b><i>x</b></i>', '<select><option>o', '<img src=x onerror=alert(1)>',
  '<math><mi>x</math>', '<svg><foreignObject><p>in svg', '<title>second</title>', '<html><body>',
  '<base href="javascript:alert(1)">', '<meta charset=utf-16>', '</body></html>', '<', '>', '&',
  '<p/>', '<br/>', '</br>', '<li><li><li>', '<dl><dt>t<dd>d', '<ruby>漢<rt>kan</ruby>',
  '<plaintext>', '<xmp>',
);

const link = fc
  .tuple(
    fc.constantFrom(
      'https://ok.example/x',
      'javascript:alert(1)',
      '//evil.example',
      'http://[::1',
      '\ud800',
      ' ',
      'data:text/html,x',
      '#top',
      '/relative',
      'https://例子.测试/路径',
      `https://x.example/${'a'.repeat(9_000)}`,
    ),
    text,
  )
  .map(([href, body]) => `<a href="${href.replace(/"/g, '')}">${body}</a>`);

const editable = fc.constantFrom(
  `<div contenteditable>${DRAFT_MARKER}</div>`,
  `<textarea>${DRAFT_MARKER}</textarea>`,
  `<input value="${DRAFT_MARKER}">`,
  `<div role="textbox">${DRAFT_MARKER}</div>`,
  `<select><option>${DRAFT_MARKER}</option></select>`,
);

const passwordField = fc
  .tuple(fc.constantFrom('password', 'PASSWORD', 'Password ', ' password'), fc.boolean())
  .map(([type, wrap]) => {
    const field = `<input type="${type}" name="pw">`;
    return wrap ? `<form hidden><label>Password ${field}</label></form>` : field;
  });

/**
 * Thousands of nested elements. Tags that HTML nests (a `<p>` or `<li>` closes the one before,
 * which would make siblings, not depth); a few levels come with the ordinary blocks.
 */
const deep = fc
  .tuple(
    fc.integer({ min: 257, max: 4_000 }),
    fc.constantFrom('div', 'span', 'b', 'section', 'blockquote'),
    text,
  )
  .map(([depth, t, body]) => `${`<${t}>`.repeat(depth)}${body}${`</${t}>`.repeat(depth)}`);

const shallow = fc
  .tuple(fc.integer({ min: 2, max: 40 }), tag, text)
  .map(([depth, t, body]) => `${`<${t}>`.repeat(depth)}${body}${`</${t}>`.repeat(depth)}`);

const many = fc
  .tuple(fc.integer({ min: 100, max: 1_500 }), tag, fc.constantFrom('x', 'word ', '词', ''))
  .map(([count, t, body]) => `<${t}>${body}</${t}>`.repeat(count));

/** A huge text node, from 10 kB to past the 2 MB capture limit, maybe with a lone surrogate. */
const huge = fc
  .tuple(
    fc.integer({ min: 13, max: 21 }).map((bits) => 2 ** bits + 5_000),
    fc.constantFrom('lorem ipsum ', '量子计算机', 'مرحبا ', '😀', 'x'),
    fc.boolean(),
  )
  .map(([size, unit, lone]) => {
    const body = unit.repeat(Math.ceil(size / unit.length));
    return `<p>${lone ? `${body.slice(0, size >> 1)}\ud800${body.slice(size >> 1)}` : body}</p>`;
  });

export interface HostilePage {
  html: string;
  /** Put a password field into an open shadow root of the body after parsing. */
  shadowPassword: boolean;
  url: string;
}

const block = fc.oneof(
  { arbitrary: paragraph, weight: 12 },
  { arbitrary: rtlOrCjk, weight: 4 },
  { arbitrary: hidden, weight: 3 },
  { arbitrary: soup, weight: 3 },
  { arbitrary: malformed, weight: 4 },
  { arbitrary: link, weight: 3 },
  { arbitrary: editable, weight: 2 },
  { arbitrary: passwordField, weight: 1 },
  { arbitrary: shallow, weight: 2 },
);

/**
 * At most one costly block a page, on one page in about fifteen: the unit tests' DOM (linkedom)
 * is far slower than a browser's, and the suite has a time budget.
 */
const heavy = fc.oneof(
  { arbitrary: fc.constant(''), weight: 14 },
  { arbitrary: fc.oneof(deep, many, huge), weight: 1 },
);

export const hostilePage: fc.Arbitrary<HostilePage> = fc
  .record({
    blocks: fc.array(block, { maxLength: 10 }),
    heavy,
    at: fc.nat(),
    title: text,
    lang: fc.constantFrom('en', 'zh-CN', 'ar', 'x'.repeat(50), '', 'he"><script>'),
    doctype: fc.boolean(),
    shadowPassword: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    url: fc.constantFrom(
      'https://news.example/a',
      'https://news.example/a',
      'https://news.example/a',
      'https://mail.google.com/mail/u/0/',
      'http://192.168.1.1/',
      'https://例子.测试/路径?q=1',
    ),
  })
  .map(({ blocks, heavy: costly, at, title, lang, doctype, shadowPassword, url }) => {
    // A copy: fast-check reuses generated values while shrinking.
    const all = [...blocks];
    if (costly) all.splice(at % (all.length + 1), 0, costly);
    return {
      html:
        `${doctype ? '<!doctype html>' : ''}<html lang="${lang}"><head><title>${title}</title>` +
        `</head><body>${all.join('')}</body></html>`,
      shadowPassword,
      url,
    };
  });
