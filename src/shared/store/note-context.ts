/**
 * A note keeps the page that was open when it was noted (issue 15): "the idea I had while reading
 * about batteries" must find it, so the page's title and address are part of the note's indexed
 * text, on a last line of their own, and the row names the page (`notedOn`). Quoting the note
 * gives the user's words only, without that line.
 */
import { redactSecrets, redactUrl } from '../../core/privacy/redact';
import { canonicalUrl } from '../../core/capture/url';
import type { EngramDb, SourceRow } from '../db';
import { t } from '../i18n';

export interface NotePage {
  url: string;
  title: string;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The page as kept: secrets out of its address and title, each on one line. */
export function keptPage(page: NotePage): NotePage {
  const url = oneLine(redactUrl(page.url).url);
  return { url, title: oneLine(redactSecrets(page.title).text) || url };
}

/** The note's text with the page it was noted on as its last line. */
export const withPage = (note: string, page: NotePage): string =>
  `${note}\n\n${t('noteNotedOn', page.title, page.url)}`;

/** The user's own words of a note or a thing said, without the page line. */
export function noteQuote(source: Pick<SourceRow, 'text' | 'notedOn'>): string {
  if (!source.notedOn) return source.text;
  const end = source.text.lastIndexOf('\n\n');
  return end < 0 ? source.text : source.text.slice(0, end);
}

/**
 * Joins a note to the page it was noted on where that page is in memory (the newest page source
 * at its canonical address), with the `note` link the library's notes use (library-writes.ts).
 */
export async function linkNoteToPage(db: EngramDb, noteId: string, url: string): Promise<void> {
  const canonical = canonicalUrl(url);
  if (!canonical) return;
  const pages = await db.sources.where('canonicalUrl').equals(canonical).toArray();
  const page = pages
    .filter((s) => s.id !== noteId && s.kind === 'page')
    .sort((a, b) => b.lastSeenAt - a.lastSeenAt)[0];
  if (page) await db.links.put({ fromId: noteId, toId: page.id, kind: 'note' });
}
