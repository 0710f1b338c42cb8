/**
 * Whether a line typed in the chat tells Engram something ("my sister's birthday is 12 May",
 * "I prefer the second design", "我下周三去上海出差") rather than asks or orders it (issue 15):
 * a statement is kept as memory of kind `said`, a question or a request is answered. English and
 * Chinese rules, deliberately narrow: a line that is not clearly a statement is searched as a
 * question, because answering a statement costs a useless search, while keeping a question as
 * memory would fill memory with the user's questions.
 */

/** Words that open a question or a request to Engram (English). */
const ASKS_EN =
  /^\s*(?:what|what's|whats|when|who|whom|whose|where|why|how|which|is|are|am|was|were|do|does|did|can|could|would|should|will|shall|may|might|have|has|had|tell|show|find|list|search|look|give|explain|summari[sz]e|compare|remind|help|please|any|anything|and|or|so)\b/i;

/** Chinese question particles and words, and requests ("告诉我", "帮我"…), anywhere in the line. */
const ASKS_ZH =
  /[吗嘛呢么]\s*[。.!！]?\s*$|什么|怎么|怎样|如何|哪|谁|几[个天次号月]|多少|为什么|为何|是否|是不是|有没有|能不能|可不可以|告诉我|帮我|找一下|搜索|总结|列出|给我|请/;

/** The speaker in the line: first person (a statement about oneself). */
const FIRST_PERSON = /\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|i'll|i’ll|my|me|mine|we|our|us)\b|我/i;

/** A plain statement about the world without a first person: "the meeting is on Friday". */
const COPULA = /\b(?:is|are|was|were|will be|has|have)\b/i;

const MIN_WORDS = 3;
const MIN_CJK = 4;

/** True when `line` is a statement to keep rather than a question or a request to answer. */
export function isStatement(line: string): boolean {
  const text = line.trim();
  if (!text || /[?？]/.test(text)) return false;
  if (ASKS_EN.test(text) || ASKS_ZH.test(text)) return false;
  const cjk = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (cjk < MIN_CJK && words < MIN_WORDS) return false;
  return FIRST_PERSON.test(text) || COPULA.test(text);
}
