/**
 * Retrieval for questions about the user's own words (issue 15, core/dialogue/own-words.ts):
 * "what did I tell you about my sister?" is searched for "my sister" over notes and things said
 * in the chat only; "what did I note three weeks ago" (nothing left to search once the time and
 * the asking words are out) lists the notes and things said in that time, newest first.
 */
import { ownWordsQuery } from '../../core/dialogue/own-words';
import { questionTerms } from '../../core/rank/relevance';
import type { TimeRange } from '../../core/time/civil-time';
import type { EngramDb, SourceKind, SourceRow } from '../../shared/db';
import { chunkId, chunksById } from '../../shared/store/chunks';
import type { RetrievedSource } from './retrieve';

const OWN_KINDS: readonly SourceKind[] = ['note', 'said'];

/**
 * A listed memory was asked for by its kind and time, not judged against words: it is cited as
 * sure (well above any model's "unsure" line, core/answer/confidence.ts).
 */
const LISTED_RELEVANCE = 10;

export interface OwnWordsScope {
  /** What to search for among the user's own words; '' when the question only lists them. */
  query: string;
  /** The ids of the notes and things said: the only sources such a question may cite. */
  ids: ReadonlySet<string>;
}

/** The scope of a question about the user's own words, or undefined for any other question. */
export async function ownWordsScope(
  db: EngramDb,
  question: string,
): Promise<OwnWordsScope | undefined> {
  const own = ownWordsQuery(question);
  if (!own) return undefined;
  const ids = await db.sources.where('kind').anyOf(OWN_KINDS).primaryKeys();
  return { query: questionTerms(own.rest).length > 0 ? own.rest : '', ids: new Set(ids) };
}

const within = (source: SourceRow, time: TimeRange | undefined): boolean =>
  !time || [source.savedAt, source.lastSeenAt].some((at) => at >= time.from && at < time.to);

/** The user's indexed notes and things said in `time` (all time if none), newest first. */
export async function listedOwnWords(
  db: EngramDb,
  scope: OwnWordsScope,
  time: TimeRange | undefined,
  max: number,
): Promise<RetrievedSource[]> {
  const rows = await db.sources.bulkGet([...scope.ids]);
  const sources = rows
    .filter((s): s is SourceRow => s?.status === 'indexed' && within(s, time))
    .sort((a, b) => b.savedAt - a.savedAt)
    .slice(0, max);
  const chunks = await chunksById(
    db,
    sources.map((s) => chunkId(s.id, 0)),
  );
  const first = new Map(chunks.map((c) => [c.sourceId, c]));
  return sources.flatMap((source) => {
    const chunk = first.get(source.id);
    return chunk ? [{ source, chunks: [chunk], score: 1, relevance: LISTED_RELEVANCE }] : [];
  });
}
