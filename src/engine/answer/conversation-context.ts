/**
 * What a question's conversation says about it (issue 15): the turn before, against which a
 * follow-up is resolved (core/dialogue/follow-up.ts), and the recent turns its prompt carries
 * (core/dialogue/recent-turns.ts). The turn before is read as it was searched, so a third turn
 * still finds the first one's subject.
 */
import type { EarlierTurn } from '../../core/dialogue/follow-up';
import { MAX_TURNS, type PastTurn } from '../../core/dialogue/recent-turns';
import type { EngramDb, MessageRow } from '../../shared/db';
import { exchangesBefore } from '../../shared/store/conversations';

export interface ConversationContext {
  /** The turn before, with the ids of the sources it cited (in citation order). */
  earlier?: EarlierTurn & { sourceIds: string[] };
  /** Earlier answered turns, oldest first (the prompt keeps what fits its budget). */
  turns: PastTurn[];
}

export async function conversationContext(
  db: EngramDb,
  message: MessageRow,
): Promise<ConversationContext> {
  const exchanges = await exchangesBefore(db, message, MAX_TURNS);
  const turns = exchanges.flatMap(({ question, answer }) =>
    answer?.status === 'done' && answer.text
      ? [{ question: question.text, answer: answer.text }]
      : [],
  );
  const last = exchanges.at(-1);
  if (!last) return { turns };
  const cited = (last.answer?.citations ?? []).filter((c) => !c.forgotten);
  return {
    earlier: {
      question: last.answer?.searched?.query ?? last.question.text,
      cited: cited.map((c) => c.title),
      sourceIds: cited.map((c) => c.sourceId),
    },
    turns,
  };
}
