/**
 * What an earlier question was about, in its own words: the subject a follow-up's "it", "他" or
 * "…呢？" leaves out, and the person an English "he" or "she" stands for.
 */
import { foldForSearch } from '../text/text';
import { wordSegmenter } from '../text/segment';
import { STOP_WORDS } from '../text/stop-words';

/** A topic longer than this stops helping search and starts steering it. */
const MAX_TOPIC_WORDS = 12;

/** Words that ask rather than name (folded), beyond the stop words. */
// prettier-ignore
const ASKING_WORDS: ReadonlySet<string> = new Set([
  'how', 'why', 'who', 'whom', 'whose', 'much', 'many', 'can', 'could', 'should', 'would',
  'about', 'tell', 'say', 'said', 'know', 'any', 'some', 'also', 'please', 'again',
  'article', 'page', 'one', 'source',
  '怎么', '怎样', '怎么样', '如何', '为什么', '为何', '哪里', '哪儿', '哪个', '哪些', '哪', '多少',
  '几', '吗', '呢', '请问', '的是', '就是', '还是', '是不是', '有没有', '还有', '那么', '文章', '网页', '页面', '篇', '用', '说', '讲',
]);

const CJK = /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}]/u;
/** Characters that never name a topic, alone. */
const PARTICLES = /^[的了吗呢吧啊是要把被和与在有也都就他她它我你么个]$/u;
/** A pronoun the segmenter joined to its verb ("它是"). */
const PRONOUN_WORD = /^[他她它我你](?:们)?(?:是|的)?$/u;
/** Parentheses a resolved question added its topic in (follow-up.ts), which a topic drops. */
const BRACKETS = /[()（）“”"]/gu;

/**
 * The content words of `question`, in order and as written, without question words: "What CPU
 * does the Raspberry Pi 3 have?" → "CPU Raspberry Pi 3"; "树莓派3用的是什么处理器？" →
 * "树莓派3处理器". Time words stay, so "last week" carries into the follow-up.
 */
export function topicOf(question: string): string {
  const text = question.replace(BRACKETS, ' ');
  const words: string[] = [];
  for (const seg of wordSegmenter.segment(text)) {
    if (!seg.isWordLike) continue;
    const folded = foldForSearch(seg.segment);
    // A lone Han character is often part of a word the dictionary did not know (树|莓|派,
    // 巴塞罗|那): only particles go, and every one stays, repeated or not.
    const single = seg.segment.length === 1 && CJK.test(seg.segment);
    const dropped = single
      ? PARTICLES.test(folded) || ASKING_WORDS.has(folded)
      : STOP_WORDS.has(folded) || ASKING_WORDS.has(folded) || PRONOUN_WORD.test(folded);
    if (dropped) continue;
    if (single || !words.includes(seg.segment)) words.push(seg.segment);
    if (words.length === MAX_TOPIC_WORDS) break;
  }
  // Chinese has no spaces between words; English keeps them.
  return words.reduce((out, w) => {
    if (!out) return w;
    const joinTight = CJK.test(out.slice(-1)) || CJK.test(w.charAt(0));
    return `${out}${joinTight ? '' : ' '}${w}`;
  }, '');
}

/** Words capitalised for the sentence, not for a name. */
// prettier-ignore
const SENTENCE_WORDS: ReadonlySet<string> = new Set([
  'what', 'who', 'whom', 'whose', 'why', 'how', 'when', 'where', 'which', 'did', 'does', 'do',
  'is', 'are', 'was', 'were', 'can', 'could', 'will', 'would', 'should', 'has', 'have', 'had',
  'i', 'and', 'the', 'a', 'an', 'tell', 'show', 'find', 'in', 'on', 'at', 'after', 'before',
]);

/** Runs of capitalised words: "Bradley Kuhn", "Lupita Nyong'o's", "Rider-Waite". */
const CAPITALISED_RUN = /\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu;

/**
 * The first name-like run of capitalised words in an English question, without a possessive
 * "'s" or the sentence's capitalised first word: "Why did Bradley Kuhn stay silent…" → "Bradley
 * Kuhn". Acronyms (FSF, CPU) are skipped: they name organisations and things, not people.
 */
export function personIn(question: string): string | undefined {
  for (const match of question.matchAll(CAPITALISED_RUN)) {
    const words = match[0].split(/\s+/).filter((w) => !SENTENCE_WORDS.has(w.toLowerCase()));
    const name = words
      .join(' ')
      .replace(/['’]s$/u, '')
      .replace(/[.-]+$/u, '');
    if (name.length < 2 || /^[\p{Lu}\d]+$/u.test(name)) continue;
    return name;
  }
  return undefined;
}
