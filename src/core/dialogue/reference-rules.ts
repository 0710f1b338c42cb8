/**
 * The words by which a follow-up points back into its conversation, English and Chinese (issue
 * 15, "Follow-ups"). Each pattern is global, so one question can hold several references. Kept
 * as data, apart from how they are resolved (follow-up.ts), so a language is added here alone.
 */

/** Which earlier source an ordinal names: 1-based, or the last one cited. */
export type Ordinal = number | 'last';

const ENGLISH_ORDINALS: Record<string, Ordinal> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  last: 'last',
  final: 'last',
};

const CHINESE_ORDINALS: Record<string, Ordinal> = {
  一: 1,
  '1': 1,
  二: 2,
  '2': 2,
  三: 3,
  '3': 3,
  四: 4,
  '4': 4,
  五: 5,
  '5': 5,
};

/** The nouns that make an ordinal or a demonstrative point at a source rather than a thing. */
const EN_SOURCE_NOUN = '(?:one|article|page|source|result|link|post|story|piece|site|blog post)';
const ZH_SOURCE_NOUN = '(?:文章|网页|页面|结果|来源|链接|帖子|博客|报道|网站)';

/**
 * An ordinal source reference: "the second one", "the 3rd article", "source 2", "[2]",
 * "第二个", "第二篇文章", "最后一篇". Group `n` holds the ordinal word or digit; no group
 * (Chinese "最后") means the last.
 */
export const ORDINAL_PATTERNS: readonly RegExp[] = [
  new RegExp(
    `\\b(?:the\\s+)?(?<n>${Object.keys(ENGLISH_ORDINALS).join('|')})\\s+${EN_SOURCE_NOUN}s?\\b`,
    'giu',
  ),
  /\b(?:source|article|result|link)\s*(?:no\.?\s*|#\s*)?(?<n>[1-9])\b/giu,
  /\[(?<n>[1-9])\]/gu,
  new RegExp(`第\\s*(?<n>[一二三四五1-5])\\s*(?:个|篇|条|项|页|则|份)${ZH_SOURCE_NOUN}?`, 'gu'),
  new RegExp(`最后(?:一|那)?(?:个|篇|条)${ZH_SOURCE_NOUN}?`, 'gu'),
];

/** The position an ordinal match names (undefined: not one this table knows). */
export function ordinalOf(match: RegExpMatchArray): Ordinal | undefined {
  const n = match.groups?.n;
  if (n === undefined) return 'last';
  const word = n.toLowerCase();
  if (/^[1-9]$/.test(word)) return Number(word);
  return ENGLISH_ORDINALS[word] ?? CHINESE_ORDINALS[word];
}

/** "that article", "this page", "这篇文章", "那篇", "该文": the source the answer leaned on. */
export const DEMONSTRATIVE_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b(?:that|this|the same)\\s+${EN_SOURCE_NOUN}\\b`, 'giu'),
  new RegExp(`(?:这|那)(?:一)?(?:篇|个)${ZH_SOURCE_NOUN}|这篇|那篇|该文|此文`, 'gu'),
];

/** English personal pronouns: replaced by the person the last question named, if it named one. */
export const PERSON_PRONOUN = /\b(?:he|she|him|her|his|hers|himself|herself)\b/giu;
/** Possessive forms, which take the name with "'s". */
export const POSSESSIVE = /^(?:his|hers)$/iu;

/**
 * Pronouns whose referent the rules do not name: English "it", "they"…, Chinese 它, 他, 她 (a
 * Chinese name has no capital letter to find it by). They send the last question's topic along.
 * "其他" (other) and "吉他" (guitar) hold 他 but are no pronoun.
 */
export const OTHER_PRONOUNS: readonly RegExp[] = [
  /\b(?:it|its|itself|they|them|their|theirs|themselves)\b/giu,
  /(?<![其吉])[他她它](?:们)?/gu,
];

/**
 * Possessives: "their", "its", "his", "her", 他们的, 它的. With a name before them in the question
 * they point back into the question itself ("How do the Pellingham clockmakers cut their brass
 * wheels?"), not to the conversation (follow-up.ts, `ownsPronoun`).
 */
export const POSSESSIVE_DETERMINER = /^(?:its|their|his|her)$/iu;
export const CHINESE_POSSESSIVE = /^[他她它](?:们)?的/u;

/**
 * Ellipsis: a question that leans on the last one for its subject. "and what about …",
 * "how about …", a leading "and" or "also"; Chinese "那…呢？", "还有…", "…呢？".
 */
export const ELLIPSIS_PATTERNS: readonly RegExp[] = [
  /^\s*(?:(?:and|but|so|ok(?:ay)?|then)[\s,]+)?(?:what|how)\s+about\b/iu,
  /^\s*(?:and|also|plus)\b/iu,
  /^\s*(?:那么?|还有|另外|然后)(?![篇个])/u,
  /呢\s*[？?]?\s*$/u,
  // "What will they do next?" often drops its subject in Chinese: "接下来打算怎么做？"
  /接下来|后来|之后/u,
];

/**
 * Chinese question words and particles, longest first: what is left of a Chinese question
 * without them is its own content ("检测要花多少钱？" → "检测花钱"), counted in characters since
 * word segmentation of a short question varies between ICU versions.
 */
export const CHINESE_ASKING =
  /为什么|怎么样|是不是|有没有|怎么|怎样|如何|什么|哪里|哪儿|哪个|哪些|多少|请问|可以|[吗呢吧啊的了是要哪几会能]/gu;

/**
 * "What else did I read about this?": the user asks for more pages on what the last answer cited,
 * which the graph answers one hop from those pages (core/dialogue/what-else.ts). English "what
 * else / anything else … about this|that|it", "more on this"; Chinese 还读过哪些相关的, 关于这个还看过
 * 什么, 还有什么相关的.
 */
export const WHAT_ELSE_PATTERNS: readonly RegExp[] = [
  /\b(?:what|anything|something)\s+else\b[^?.!]*?\b(?:about|on|regarding|related\s+to|connected\s+to)\s+(?:this|that|it|these|those|them|the\s+same)\b/iu,
  /\b(?:what|anything)\s+else\s+(?:did|have|do)\s+i\s+(?:read|save|saved|see|seen|keep|kept)\b\s*[?.!]*\s*$/iu,
  /\b(?:more|other\s+(?:pages|articles|things))\s+(?:about|on|like)\s+(?:this|that|it)\b/iu,
  /还(?:读|看|保存|收藏)过(?:哪些|什么|别的|其他)/u,
  /(?:还有|其他|别的)(?:什么|哪些)?(?:相关|有关)的?/u,
  /(?:关于|有关)(?:这|那)(?:个|些|篇)?[^？?。]*还(?:有|读|看)/u,
];
