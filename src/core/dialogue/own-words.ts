/**
 * Questions about the user's own words (issue 15): "what did I tell you about my sister?", "what
 * did I note three weeks ago", "你上次说…", "我跟你说过什么关于出差的事？". Such a question is
 * searched over notes and things said in the chat only, with the asking words taken out (they
 * are in no note: "tell", "note", "说过" would only match pages). With nothing left to search
 * ("what did I note three weeks ago"), it lists those memories in the time asked.
 */

export interface OwnWordsQuery {
  /** The question without the asking words: what the user's words should be about ('' if nothing). */
  rest: string;
}

/**
 * English: "what did I tell you/say/note/write (about)", "what have I told you", "my notes on",
 * "the idea I had while reading about".
 */
const EN =
  /\b(?:(?:what|anything|something)\s+(?:(?:did|have|had)\s+)?i\s+(?:ever\s+)?(?:tell|told|say|said|note|noted|write|wrote|mention|mentioned|jot|jotted)(?:\s+down)?(?:\s+(?:to\s+)?(?:you|me))?|(?:did|have)\s+i\s+(?:ever\s+)?(?:tell|told|say|said|note|noted|mention|mentioned)(?:\s+(?:to\s+)?you)?|i\s+(?:told|said\s+to)\s+you|my\s+notes?|i\s+noted|(?:the\s+|an?\s+|that\s+)?(?:idea|thought|note)s?\s+i\s+(?:had|noted|wrote|jotted)(?:\s+down)?(?:\s+(?:while|when)\s+(?:i\s+was\s+)?(?:reading|looking\s+at|on|at))?)(?:\s+(?:about|on|regarding|of))?/i;

/** Chinese: 我跟你说过 / 我告诉过你 / 你上次说 / 我说过 / 我记了 / 我的笔记 …, with 关于 after. */
const ZH =
  /(?:我(?:跟你|和你|对你)?(?:上次)?(?:说过|说了|讲过|提过|告诉过你|告诉你)|你上次说(?:过)?|我(?:上次)?(?:记了|记过|记下了?|写了|写过)|我的笔记)(?:的?(?:什么|啥))?(?:关于)?/;

/** The question as a search over the user's own words, or undefined when it is not one. */
export function ownWordsQuery(question: string): OwnWordsQuery | undefined {
  const match = EN.exec(question) ?? ZH.exec(question);
  if (!match) return undefined;
  const rest = `${question.slice(0, match.index)} ${question.slice(match.index + match[0].length)}`
    .replace(/^\s*(?:what|when|where|which|anything|something)\b/i, '')
    .replace(/什么|啥|的事情?|的内容|吗|呢|么/g, ' ')
    .replace(/^\s*的/, '')
    .replace(/[?？!！.。,，:：]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { rest };
}
