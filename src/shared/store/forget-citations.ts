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

/** The messages whose citations name any of these sources (a scan: rare work, no index). */
const citing = (db: EngramDb, gone: ReadonlySet<string>): Promise<MessageRow[]> =>
  db.messages.filter((m) => m.citations.some((c) => gone.has(c.sourceId))).toArray();

/**
 * Turns every citation of the sources `gone` into a forgotten one and scrubs the answers' text.
 * Needs `db.messages` and `db.sources` in the caller's transaction, and the sources still
 * present. Returns how many messages changed.
 */
export async function forgetCitations(db: EngramDb, gone: ReadonlySet<string>): Promise<number> {
  const messages = await citing(db, gone);
  if (messages.length === 0) return 0;
  // Only the sources these messages cite are read, never every forgotten page.
  const cited = [...new Set(messages.flatMap((m) => m.citations.map((c) => c.sourceId)))];
  const rows = await db.sources.bulkGet(cited);
  const textOf = new Map(rows.flatMap((row) => (row ? [[row.id, row.text] as const] : [])));
  // A page cited by many answers is read into words once (pages can be long).
  const words = new Map<string, Set<string>>();
  const wordsOfSource = (c: Citation): Set<string> => {
    let known = words.get(c.sourceId);
    if (!known) {
      known = wordsOf(`${c.title}\n${textOf.get(c.sourceId) ?? c.quote}`);
      words.set(c.sourceId, known);
    }
    return known;
  };
  const questions = await db.messages.bulkGet(messages.map((m) => m.replyTo ?? ''));
  for (const [i, message] of messages.entries()) {
    const forgotten = message.citations.filter((c) => gone.has(c.sourceId));
    const staying = message.citations.filter((c) => !gone.has(c.sourceId));
    const scrubbed = scrubAnswer({
      text: message.text,
      forgotten: new Set(forgotten.map((c) => c.n)),
      // The quote too: a page changed since the answer may no longer hold it.
      forgottenWords: forgotten.flatMap((c) => [wordsOfSource(c), wordsOf(c.quote)]),
      keptWords: [wordsOf(questions[i]?.text ?? ''), ...staying.map(wordsOfSource)],
    });
    await db.messages.update(message.id, {
      citations: message.citations.map((c) => (gone.has(c.sourceId) ? forgottenCitation(c.n) : c)),
      text: scrubbed.text,
      ...(scrubbed.removed > 0
        ? { forgottenSentences: (message.forgottenSentences ?? 0) + scrubbed.removed }
        : {}),
    });
  }
  return messages.length;
}
