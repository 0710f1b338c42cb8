/**
 * A follow-up question made searchable on its own (issue 15, "Follow-ups"). "What did he say
 * about cost?" after a question about Zuckerberg searches "What did Zuckerberg say about cost?";
 * "the second one" and "那篇文章" become the title of the source the last answer cited there;
 * "it", "它" and "…呢？" take the last question's topic along. Rules only, English and Chinese
 * (reference-rules.ts), so a follow-up works with no language model and in a millisecond.
 *
 * A question with none of these marks is left as it was: a new subject is a new search.
 */
import { questionTerms } from '../rank/relevance';
import { detectLanguage } from '../text/language';
import { truncateSafely } from '../text/text';
import {
  CHINESE_ASKING,
  CHINESE_POSSESSIVE,
  DEMONSTRATIVE_PATTERNS,
  ELLIPSIS_PATTERNS,
  ORDINAL_PATTERNS,
  OTHER_PRONOUNS,
  PERSON_PRONOUN,
  POSSESSIVE,
  POSSESSIVE_DETERMINER,
  ordinalOf,
} from './reference-rules';
import { ownWordsQuery } from './own-words';
import { personIn, topicOf } from './topic';

/** The turn a follow-up follows. */
export interface EarlierTurn {
  /** That question as it was searched (itself resolved), or as asked. */
  question: string;
  /** Titles of the sources its answer cited, in citation order ([1] first). */
  cited: readonly string[];
}

/** 'model': rewritten by the language model (model-rewrite.ts), not by these rules. */
export type FollowUpRule =
  'ordinal' | 'demonstrative' | 'person' | 'pronoun' | 'ellipsis' | 'model';

export interface ResolvedQuestion {
  /** What retrieval searches: the question with its references filled in. */
  query: string;
  /** The rules that changed it, in the order they applied; empty when it stands alone. */
  rules: FollowUpRule[];
  /**
   * The cited sources whose titles the query holds (0-based places in `EarlierTurn.cited`), so
   * that forgetting one of them can forget the query too.
   */
  named: number[];
}

/** A title stands in for a reference; a long one would drown the question's own words. */
const MAX_TITLE_CHARS = 80;
/** At most this many content words and no other mark: "Why?", "价格？" lean on the last turn. */
const SHORT_QUESTION_WORDS = 1;
/**
 * Chinese drops a subject the conversation already holds ("检测要花多少钱？" after a question
 * about a lab), so a Chinese question with this few Han characters of content leans too.
 */
const SHORT_CHINESE_CHARS = 4;
const HAN = /\p{sc=Han}/gu;
const LATIN = /\p{sc=Latin}/u;

/** Too little of its own to search alone. */
function isShort(question: string): boolean {
  // "What did I tell you about my sister?": the asking words are no subject, the rest is one.
  const own = ownWordsQuery(question);
  if (own && questionTerms(own.rest).length > 0) return false;
  const terms = questionTerms(question);
  if (terms.length <= SHORT_QUESTION_WORDS) return true;
  if (LATIN.test(question)) return false;
  const han = question.replace(CHINESE_ASKING, '').match(HAN)?.length ?? 0;
  return han > 0 && han <= SHORT_CHINESE_CHARS;
}

function quoted(title: string, zh: boolean): string {
  const cut = truncateSafely(title.trim(), MAX_TITLE_CHARS).trim();
  return zh ? `“${cut}”` : `"${cut}"`;
}

/** `text` with every match of `patterns` replaced; whether any matched. */
function replaceAll(
  text: string,
  patterns: readonly RegExp[],
  by: (match: RegExpMatchArray) => string | undefined,
): { text: string; hit: boolean } {
  let hit = false;
  let out = text;
  for (const re of patterns) {
    out = out.replace(re, (...args: unknown[]) => {
      const groups = args.at(-1);
      const named = typeof groups === 'object';
      const match = Object.assign([args[0] as string], {
        groups: named ? (groups as Record<string, string>) : undefined,
        index: args.at(named ? -3 : -2) as number,
      }) as RegExpMatchArray;
      const replacement = by(match);
      if (replacement === undefined) return match[0];
      hit = true;
      return replacement;
    });
  }
  return { text: out, hit };
}

const matchesAny = (text: string, patterns: readonly RegExp[]): boolean =>
  patterns.some((re) => {
    re.lastIndex = 0;
    const found = re.test(text);
    re.lastIndex = 0;
    return found;
  });

/** Han characters of content (question words left out) a Chinese possessive needs before it. */
const CHINESE_ANTECEDENT_CHARS = 2;

/**
 * Whether the pronoun at `at` in `question` finds what it points to in the question itself: a
 * possessive after a name ("How do the Pellingham clockmakers cut their wheels?", a capitalised
 * word past the first) or, in Chinese, after a subject of its own ("青石镇的茶农怎么照顾他们的
 * 茶树？"). Such a question has its own subject and is searched as asked.
 */
function ownsPronoun(question: string, at: number, pronoun: string): boolean {
  const before = question.slice(0, at);
  if (POSSESSIVE_DETERMINER.test(pronoun)) {
    const words = before.split(/\s+/u).filter(Boolean).slice(1);
    return words.some((w) => /^["“'(]?\p{Lu}/u.test(w) && w !== 'I');
  }
  if (CHINESE_POSSESSIVE.test(question.slice(at))) {
    const own = before.replace(CHINESE_ASKING, '').match(HAN)?.length ?? 0;
    return own >= CHINESE_ANTECEDENT_CHARS;
  }
  return false;
}

/** Whether `text` holds a pronoun of `patterns` that points outside the question. */
function leaningPronoun(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((re) =>
    [...text.matchAll(new RegExp(re.source, re.flags))].some(
      (m) => !ownsPronoun(text, m.index ?? 0, m[0]),
    ),
  );
}

/**
 * `question` resolved against the turn before it. Ordinals and demonstratives name a cited
 * source (left alone when there is no such source); English "he"/"she" becomes the person the
 * last question named; other pronouns, ellipsis and one-word questions append the last
 * question's topic in parentheses, which is what the user sees as "what was searched".
 */
export function resolveFollowUp(question: string, earlier?: EarlierTurn): ResolvedQuestion {
  const asked = question.trim();
  if (!earlier || !asked) return { query: asked, rules: [], named: [] };
  const zh = detectLanguage(asked) === 'zh';
  const rules: FollowUpRule[] = [];
  const named = new Set<number>();
  let text = asked;

  const ordinals = replaceAll(text, ORDINAL_PATTERNS, (m) => {
    const n = ordinalOf(m);
    const place = n === 'last' ? earlier.cited.length - 1 : n === undefined ? -1 : n - 1;
    const title = earlier.cited[place];
    if (!title) return undefined;
    named.add(place);
    return quoted(title, zh);
  });
  if (ordinals.hit) rules.push('ordinal');
  text = ordinals.text;

  const first = earlier.cited[0];
  const shown = replaceAll(text, DEMONSTRATIVE_PATTERNS, () => first && quoted(first, zh));
  if (shown.hit) {
    rules.push('demonstrative');
    named.add(0);
  }
  text = shown.text;
  const sourceNamed = rules.length > 0;

  // With a source named, "it" and "he" most likely point to it: the title is enough.
  const person = sourceNamed ? undefined : personIn(earlier.question);
  const people = replaceAll(text, [PERSON_PRONOUN], (m) =>
    person && !ownsPronoun(text, m.index ?? 0, m[0])
      ? POSSESSIVE.test(m[0])
        ? `${person}'s`
        : person
      : undefined,
  );
  if (people.hit) rules.push('person');
  text = people.text;

  // "That article" with no source cited to name still points back: the topic goes along.
  const unnamed =
    !sourceNamed && matchesAny(text, [...ORDINAL_PATTERNS, ...DEMONSTRATIVE_PATTERNS]);
  const leans =
    !sourceNamed &&
    (unnamed ||
      leaningPronoun(text, OTHER_PRONOUNS) ||
      leaningPronoun(text, [PERSON_PRONOUN]) ||
      matchesAny(asked, ELLIPSIS_PATTERNS) ||
      isShort(asked));
  if (leans) {
    const ownTopic = topicOf(earlier.question);
    const topic = ownTopic || (first ? truncateSafely(first, MAX_TITLE_CHARS) : '');
    if (topic && !text.includes(topic)) {
      if (!ownTopic) named.add(0);
      rules.push(matchesAny(asked, ELLIPSIS_PATTERNS) ? 'ellipsis' : 'pronoun');
      text = zh ? `${text}（${topic}）` : `${text} (${topic})`;
    }
  }
  return { query: text, rules, named: [...named].sort((a, b) => a - b) };
}
