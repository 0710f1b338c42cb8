/**
 * A follow-up rewritten by the language model (issue 15: "a rewrite by the language model only
 * where it is fast enough on the device"). The rules (follow-up.ts) know pronouns, ordinals and
 * ellipsis; a model also knows "and the cheaper one?" or "what about in winter?". But a small
 * model on a laptop's CPU can take seconds for a prompt, and the question waits on it, so the
 * rewrite is asked for only when the model's measured speed says it ends within a bound, with a
 * tiny prompt, and its output is checked before it is searched: anything odd and the rules' query
 * is searched instead.
 */
import { questionTerms } from '../rank/relevance';
import { detectLanguage } from '../text/language';
import { estimateTokens } from '../text/tokenize';
import { truncateSafely } from '../text/text';
import type { EarlierTurn } from './follow-up';

/** How fast the language model ran last time (measured by the engine's generator). */
export interface GenerationSpeed {
  /** Milliseconds per prompt token before the first new token (prefill). */
  prefillMsPerToken: number;
  /** Milliseconds per generated token after the first. */
  msPerToken: number;
}

/** The longest the question may wait for a rewrite. */
export const REWRITE_MAX_MS = 1_500;
/** New tokens a rewrite may take: a question, not an answer. */
export const REWRITE_MAX_TOKENS = 32;
/** A rewrite longer than this many times the question is not the question any more. */
export const REWRITE_MAX_GROWTH = 4;
/** Room for a title the rewrite names ("that article" → its title), whatever the question's size. */
const TITLE_ROOM_CHARS = 80;
const MAX_EARLIER_CHARS = 200;

export interface ChatTurnText {
  role: 'system' | 'user';
  content: string;
}

/** For the model, never the user: small models follow English instructions best. */
const INSTRUCTION =
  // i18n-exempt: read by the model only.
  'Rewrite the follow-up as a question that stands alone, in the language of the follow-up. Reply with the question only, on one line.';

/** The prompt: the instruction, the turn before (its question and cited titles), the follow-up. */
export function rewritePrompt(question: string, earlier: EarlierTurn): ChatTurnText[] {
  const cited = earlier.cited
    .slice(0, 3)
    .map((title, i) => `[${i + 1}] ${truncateSafely(title, TITLE_ROOM_CHARS)}`);
  return [
    { role: 'system', content: INSTRUCTION },
    {
      role: 'user',
      content: [
        // i18n-exempt: for the model, as above.
        `Earlier question: ${truncateSafely(earlier.question, MAX_EARLIER_CHARS)}`,
        ...(cited.length > 0 ? [`Cited: ${cited.join('; ')}`] : []),
        // i18n-exempt: for the model, as above.
        `Follow-up: ${question.trim()}`,
      ].join('\n'),
    },
  ];
}

/** The time a rewrite of `prompt` would take at `speed`, at most REWRITE_MAX_TOKENS long. */
export function expectedRewriteMs(speed: GenerationSpeed, prompt: readonly ChatTurnText[]): number {
  const promptTokens = prompt.reduce((sum, m) => sum + estimateTokens(m.content), 0);
  return promptTokens * speed.prefillMsPerToken + REWRITE_MAX_TOKENS * speed.msPerToken;
}

/** Whether a model measured at `speed` rewrites `prompt` within REWRITE_MAX_MS. */
export const fastEnough = (speed: GenerationSpeed | undefined, prompt: readonly ChatTurnText[]) =>
  speed !== undefined && expectedRewriteMs(speed, prompt) <= REWRITE_MAX_MS;

/** Of the question's own content words, the share a rewrite keeps: it fills in, never replaces. */
const KEPT_TERMS = 0.5;

/** Words of the prompt that a question the user asked would not hold. */
const INSTRUCTION_TEXT =
  /\b(rewrite|stands? alone|follow-up|earlier question|reply with|cited:)|^(question|follow-up|answer)\s*:|问题[:：]|改写/iu;

/**
 * The model's output as a query, or undefined when it is not a plain rewrite of `question`:
 * empty, more than one line, much longer than the question, in another language, holding the
 * prompt's own instruction words, or dropping most of the question's own content words (a
 * model that answers, or writes anything at all, instead of rewriting).
 */
export function checkedRewrite(output: string, question: string): string | undefined {
  const text = output
    .trim()
    .replace(/^["“「](.*)["”」]$/su, '$1')
    .trim();
  if (!text || /[\r\n]/u.test(text)) return undefined;
  const asked = question.trim();
  if (text.length > Math.max(asked.length * REWRITE_MAX_GROWTH, asked.length + TITLE_ROOM_CHARS)) {
    return undefined;
  }
  if (detectLanguage(text) !== detectLanguage(asked)) return undefined;
  if (INSTRUCTION_TEXT.test(text)) return undefined;
  const own = questionTerms(asked);
  const kept = new Set(questionTerms(text));
  if (own.filter((term) => kept.has(term)).length < own.length * KEPT_TERMS) return undefined;
  return text;
}
