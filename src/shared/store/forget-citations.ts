/**
 * The conversations' side of forgetting (issue 12): an answer that cited a forgotten source keeps
 * the citation's number, so the answer still reads "[2]", but the citation becomes "a forgotten
 * source" (quote, title, site, addresses, source and chunk ids and date emptied), and the
 * sentences the answer took from the source are taken out (core/answer/scrub-answer.ts). Run
 * inside the transaction that deletes the sources (delete-sources.ts), before their rows go,
 * since scrubbing needs their text.
 */
import { scrubAnswer, wordsOf } from '../../core/answer/scrub-answer';
import type { Citation, EngramDb, MessageRow } from '../db';

/** A citation with nothing left of its source but its number. */
export const forgottenCitation = (n: number): Citation => ({
  n,
  sourceId: '',
  chunkId: '',
  title: '',
  site: '',
  url: '',
  savedAt: 0,
  quote: '',
  href: '',
  forgotten: true,
});

/** Whether what was searched for the answer names (by title) one of the sources `gone`. */
const searchNames = (m: MessageRow, gone: ReadonlySet<string>): boolean =>
  m.searched?.named?.some((id) => gone.has(id)) ?? false;

/**
 * The messages whose citations, or whose searched follow-up (issue 15: "the second one" became
 * that source's title), name any of these sources (a scan: rare work, no index).
 */
const citing = (db: EngramDb, gone: ReadonlySet<string>): Promise<MessageRow[]> =>
  db.messages
    .filter((m) => m.citations.some((c) => gone.has(c.sourceId)) || searchNames(m, gone))
    .toArray();

/** What of an answer forgetting changes. */
export type AnswerParts = Pick<MessageRow, 'text' | 'citations' | 'forgottenSentences'>;

/**
 * The answer without the sources `gone`: their citations forgotten, their sentences scrubbed.
 * `wordsOfSource` gives a cited source's words (its text where still readable).
 */
function scrubbed(
  answer: AnswerParts,
  gone: ReadonlySet<string>,
  wordsOfSource: (c: Citation) => Set<string>,
  question: string,
): AnswerParts {
  const forgotten = answer.citations.filter((c) => gone.has(c.sourceId));
  const staying = answer.citations.filter((c) => !gone.has(c.sourceId));
  const scrub = scrubAnswer({
    text: answer.text,
    forgotten: new Set(forgotten.map((c) => c.n)),
    // The quote too: a page changed since the answer may no longer hold it.
    forgottenWords: forgotten.flatMap((c) => [wordsOfSource(c), wordsOf(c.quote)]),
    keptWords: [wordsOf(question), ...staying.map(wordsOfSource)],
  });
  return {
    citations: answer.citations.map((c) => (gone.has(c.sourceId) ? forgottenCitation(c.n) : c)),
    text: scrub.text,
    ...(scrub.removed > 0
      ? { forgottenSentences: (answer.forgottenSentences ?? 0) + scrub.removed }
      : {}),
  };
}

/** A reader of cited sources' words, each source read into words once (pages can be long). */
async function sourceWords(db: EngramDb, cited: readonly string[]) {
  const rows = await db.sources.bulkGet([...new Set(cited)]);
  const textOf = new Map(rows.flatMap((row) => (row ? [[row.id, row.text] as const] : [])));
  const words = new Map<string, Set<string>>();
  return (c: Citation): Set<string> => {
    let known = words.get(c.sourceId);
    if (!known) {
      known = wordsOf(`${c.title}\n${textOf.get(c.sourceId) ?? c.quote}`);
      words.set(c.sourceId, known);
    }
    return known;
  };
}

/**
 * Turns every citation of the sources `gone` into a forgotten one and scrubs the answers' text.
 * Needs `db.messages` and `db.sources` in the caller's transaction, and the sources still
 * present. Returns how many messages changed.
 */
export async function forgetCitations(db: EngramDb, gone: ReadonlySet<string>): Promise<number> {
  const messages = await citing(db, gone);
  if (messages.length === 0) return 0;
  // Only the sources these messages cite are read, never every forgotten page.
  const wordsOfSource = await sourceWords(
    db,
    messages.flatMap((m) => m.citations.map((c) => c.sourceId)),
  );
  const questions = await db.messages.bulkGet(messages.map((m) => m.replyTo ?? ''));
  for (const [i, message] of messages.entries()) {
    const question = questions[i]?.text ?? '';
    const searched = searchNames(message, gone) ? { searched: undefined } : {};
    await db.messages.update(message.id, {
      ...scrubbed(message, gone, wordsOfSource, question),
      ...searched,
    });
  }
  return messages.length;
}

/**
 * An answer written after a forget it raced with (its sources were read, then forgotten, then
 * its next step is stored): what it may store instead, with the citations of sources that no
 * longer exist forgotten and their sentences scrubbed (from the quotes: their text is gone).
 * Undefined when every source it cites still exists, the usual case, found from keys alone.
 * Needs `db.sources` and `db.messages` in the caller's transaction.
 */
export async function withoutVanishedSources(
  db: EngramDb,
  answer: AnswerParts & Pick<MessageRow, 'replyTo'>,
): Promise<AnswerParts | undefined> {
  const cited = [...new Set(answer.citations.filter((c) => !c.forgotten).map((c) => c.sourceId))];
  if (cited.length === 0) return undefined;
  const present = new Set(await db.sources.where('id').anyOf(cited).primaryKeys());
  const gone = new Set(cited.filter((id) => !present.has(id)));
  if (gone.size === 0) return undefined;
  const question = answer.replyTo ? ((await db.messages.get(answer.replyTo))?.text ?? '') : '';
  return scrubbed(answer, gone, await sourceWords(db, cited), question);
}
