/**
 * Go (RE2) regular expressions, as gitleaks writes its rules, rewritten as JavaScript ones.
 *
 * The two dialects agree on most syntax and on leftmost-first matching; what differs is handled
 * here, and anything else throws, so a rule-set update with new syntax fails its tests instead of
 * matching something else:
 * - inline flags: `(?i)` (to the end of the enclosing group), `(?i:…)`, `(?-i:…)`, `(?s:…)`. Node
 *   20 has no regex modifiers, so case-insensitivity is spelled out (`k` → `[kK]`, `[a-f]` →
 *   `[a-fA-F]`) and `.` under `s` becomes `[\s\S]`;
 * - Go's `.` excludes only `\n` (JavaScript's also `\r` and U+2028/9): `[^\n]`;
 * - `\z` and `\A` (end and start of text): `$` and `^`, which mean the same without the `m` flag;
 * - `(?P<name>…)`: a plain capturing group (names are not used, and the numbering is the same);
 * - POSIX classes `[[:alnum:]]` and the like.
 * `\s` stays JavaScript's (it also matches Unicode spaces such as U+3000, which only widens
 * what a rule accepts between a label and its value).
 */

const POSIX: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  digit: '0-9',
  lower: 'a-z',
  upper: 'A-Z',
  space: '\\t\\n\\v\\f\\r ',
  word: '\\w',
  xdigit: '0-9A-Fa-f',
  punct: '!-\\/:-@\\[-`{-~',
};

interface Flags {
  i: boolean;
  s: boolean;
}

const isLetter = (c: string): boolean => /^[A-Za-z]$/.test(c);
const swapCase = (c: string): string => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());

/** The letters of `lo-hi` seen in the other case, as extra class ranges. */
function foldedRange(lo: number, hi: number): string {
  let extra = '';
  for (const [from, to, shift] of [
    [97, 122, -32],
    [65, 90, 32],
  ] as const) {
    const a = Math.max(lo, from);
    const b = Math.min(hi, to);
    if (a <= b) extra += `${String.fromCharCode(a + shift)}-${String.fromCharCode(b + shift)}`;
  }
  return extra;
}

/** Reads one escape at `source[at]` (the backslash); returns its text and the next index. */
function readEscape(source: string, at: number): [string, number] {
  const c = source.charAt(at + 1);
  if (c === '') throw new Error('trailing backslash');
  if (c === 'x') {
    const braced = /^\{([0-9a-fA-F]{1,4})\}/.exec(source.slice(at + 2));
    if (braced) return [`\\u${(braced[1] ?? '').padStart(4, '0')}`, at + 2 + braced[0].length];
    return [source.slice(at, at + 4), at + 4];
  }
  if ('pPQECK'.includes(c)) throw new Error(`unsupported escape \\${c}`);
  return [`\\${c}`, at + 2];
}

/** A character class starting at `source[at]` (`[`); returns JavaScript text and next index. */
function readClass(source: string, at: number, flags: Flags): [string, number] {
  let i = at + 1;
  let negated = '';
  if (source.charAt(i) === '^') {
    negated = '^';
    i++;
  }
  let out = '';
  let extra = '';
  let first = true;
  while (i < source.length) {
    const c = source.charAt(i);
    if (c === ']' && !first) {
      // The other case's letters go first: after the body they could follow a literal `-`.
      return [`[${negated}${extra}${out}]`, i + 1];
    }
    first = false;
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(source.slice(i));
    if (posix) {
      const body = POSIX[posix[2] ?? ''];
      if (!body || posix[1]) throw new Error(`unsupported class ${posix[0]}`);
      out += body;
      i += posix[0].length;
      continue;
    }
    let lo: string;
    let loCode: number;
    if (c === '\\') {
      const [esc, next] = readEscape(source, i);
      out += esc;
      i = next;
      loCode = esc.length === 2 && !/[a-zA-Z]/.test(esc.charAt(1)) ? esc.charCodeAt(1) : -1;
      lo = loCode >= 0 ? String.fromCharCode(loCode) : '';
    } else {
      // Go reads `]` first in a class, and `[` anywhere, as literals; JavaScript wants them escaped.
      out += c === '[' || c === ']' ? `\\${c}` : c;
      lo = c;
      loCode = c.charCodeAt(0);
      i++;
    }
    // A range `lo-hi` (a `-` before `]` is a literal dash).
    if (loCode >= 0 && source.charAt(i) === '-' && source.charAt(i + 1) !== ']') {
      let hiCode: number;
      if (source.charAt(i + 1) === '\\') {
        const [esc, next] = readEscape(source, i + 1);
        if (esc.length !== 2) throw new Error(`unsupported range end ${esc}`);
        out += `-${esc}`;
        hiCode = esc.charCodeAt(1);
        i = next;
      } else {
        hiCode = source.charCodeAt(i + 1);
        out += `-${source.charAt(i + 1)}`;
        i += 2;
      }
      if (flags.i) extra += foldedRange(loCode, hiCode);
    } else if (flags.i && isLetter(lo)) {
      extra += swapCase(lo);
    }
  }
  throw new Error('unclosed class');
}

/** Flags after `(?` up to `)` or `:`: e.g. `i`, `-i`, `is`. */
function applyFlags(spec: string, base: Flags): Flags {
  const flags = { ...base };
  let on = true;
  for (const f of spec) {
    if (f === '-') on = false;
    else if (f === 'i' || f === 's') flags[f] = on;
    else throw new Error(`unsupported flag ${f}`);
  }
  return flags;
}

/** JavaScript source (for `new RegExp(source, 'g')`) matching what `source` matches in Go. */
export function goRegexToJs(source: string): string {
  let out = '';
  // The flags in force, and those to restore when each open group closes.
  let flags: Flags = { i: false, s: false };
  const stack: Flags[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    if (c === '\\') {
      const [esc, next] = readEscape(source, i);
      const letter = esc.charAt(1);
      if (esc === '\\z') out += '$';
      else if (esc === '\\A') out += '^';
      else if (flags.i && esc.length === 2 && isLetter(letter) && !/[dDwWsSbBnrtfv]/.test(letter)) {
        throw new Error(`unsupported escape ${esc}`);
      } else out += esc;
      i = next;
    } else if (c === '[') {
      const [cls, next] = readClass(source, i, flags);
      out += cls;
      i = next;
    } else if (c === '(') {
      const group = /^\((?:\?(?:P?<([A-Za-z_]\w*)>|([-a-z]*)([):])))?/.exec(source.slice(i));
      if (!group) throw new Error(`unsupported group at ${i}`);
      if (group[3] === ')') {
        // `(?i)`: to the end of the enclosing group, which restores its own flags on closing.
        flags = applyFlags(group[2] ?? '', flags);
      } else {
        stack.push(flags);
        if (group[3] === ':') {
          flags = applyFlags(group[2] ?? '', flags);
          out += '(?:';
        } else out += '(';
      }
      i += group[0].length;
    } else if (c === ')') {
      const outer = stack.pop();
      if (!outer) throw new Error('unbalanced )');
      flags = outer;
      out += ')';
      i++;
    } else if (c === '.') {
      out += flags.s ? '[\\s\\S]' : '[^\\n]';
      i++;
    } else if (c === '{' && !/^\{\d+(?:,\d*)?\}/.test(source.slice(i))) {
      // Go reads a `{` that starts no repetition as a literal; JavaScript would too, but only
      // outside unicode mode: say it plainly.
      out += '\\{';
      i++;
    } else {
      out += flags.i && isLetter(c) ? `[${c}${swapCase(c)}]` : c;
      i++;
    }
  }
  if (stack.length > 0) throw new Error('unclosed group');
  return out;
}
