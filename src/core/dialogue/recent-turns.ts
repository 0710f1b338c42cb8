/**
 * The recent turns a prompt carries so the model reads a follow-up in its conversation: newest
 * first until the budget is spent, then oldest first for reading. Small models have small context
 * windows and slow prefill (prompt.ts bounds the sources the same way), so the budget is a few
 * hundred tokens and each earlier answer is cut short: the sources, not old answers, hold the facts.
 */
import { estimateTokens } from '../text/tokenize';
import { truncateSafely } from '../text/text';

export interface PastTurn {
  question: string;
  answer: string;
}

/** Tokens of earlier turns a prompt may hold. */
export const TURNS_TOKEN_BUDGET = 320;
export const MAX_TURNS = 3;
const MAX_ANSWER_CHARS = 360;
const MAX_QUESTION_CHARS = 240;

function cut(text: string, max: number): string {
  const trimmed = text.trim();
  const kept = truncateSafely(trimmed, max);
  return kept.length < trimmed.length ? `${kept.trimEnd()}…` : kept;
}

/**
 * The last turns of `turns` (oldest first, as the conversation ran) that fit `budget` tokens,
 * each cut to a few sentences' length; at most `maxTurns`. A turn that does not fit ends the
 * list: a gap in the middle would read as a different conversation.
 */
export function recentTurns(
  turns: readonly PastTurn[],
  budget = TURNS_TOKEN_BUDGET,
  maxTurns = MAX_TURNS,
): PastTurn[] {
  const kept: PastTurn[] = [];
  let spent = 0;
  for (let i = turns.length - 1; i >= 0 && kept.length < maxTurns; i--) {
    const turn = turns[i];
    if (!turn) continue;
    const short = {
      question: cut(turn.question, MAX_QUESTION_CHARS),
      answer: cut(turn.answer, MAX_ANSWER_CHARS),
    };
    const cost = estimateTokens(short.question) + estimateTokens(short.answer);
    if (spent + cost > budget) break;
    spent += cost;
    kept.unshift(short);
  }
  return kept;
}
