/**
 * Stage 1 of the durable capture pipeline (DESIGN.md): store what was captured as a pending
 * source plus an ingest job, in one transaction, before any slow work. The engine does the rest.
 * Keys are derived from the normalised text, so saving the same content again is one source seen
 * again, never a duplicate.
 */
import { sourceIdFor } from '../../core/text/hash';
import { redactSecrets, redactUrl } from '../../core/privacy/redact';
import { noteTitle } from '../../core/capture/note-command';
import { readRanges } from '../../core/capture/read-ranges';
import { normalizeText } from '../../core/text/text';
import { canonicalUrl, siteOf } from '../../core/capture/url';
import type { EngramDb, SourceRow } from '../db';
import { t } from '../i18n';
import type { CaptureOrigin, CapturePayload } from '../protocol';

type CapturedMetadata = NonNullable<CapturePayload['metadata']>;
import { ingestJob } from './jobs';
import { keptPage, withPage, type NotePage } from './note-context';

export interface StoredCapture {
  sourceId: string;
  /** False when the same content was already in memory (it is now seen once more). */
  isNew: boolean;
  title: string;
}

export async function storeCapture(
  db: EngramDb,
  capture: CapturePayload,
  origin: CaptureOrigin,
  now = Date.now(),
  /** Automatic capture: the blocks the user read, marked as ranges of the stored text. */
  extra: { read?: readonly string[] } = {},
): Promise<StoredCapture> {
  // The second line of privacy, before anything is stored: card numbers, IBANs, keys, tokens.
  capture = redactCapture(capture);
  const text = normalizeText(capture.text);
  if (!text) throw new Error(t('noticeNothingToRemember'));
  const id = await sourceIdFor(text);
  const selection = capture.selection ? normalizeText(capture.selection) : undefined;
  const outLinks = [...new Set(capture.links.map(canonicalUrl))];
  const read = extra.read
    ? readRanges(
        text,
        extra.read.map((part) => redactSecrets(part).text),
      )
    : [];
  return keep(db, {
    id,
    kind: capture.mode,
    url: capture.url,
    canonicalUrl: canonicalUrl(capture.url),
    ...(capture.targetUrl ? { targetUrl: capture.targetUrl } : {}),
    title: capture.title.trim() || capture.url,
    site: siteOf(capture.url),
    ...(capture.lang ? { lang: capture.lang } : {}),
    text,
    ...(selection ? { selection } : {}),
    extractor: capture.extractor,
    origin,
    status: 'pending',
    savedAt: now,
    lastSeenAt: now,
    seenCount: 1,
    outLinks,
    ...(read.length > 0 ? { read } : {}),
    ...(capture.metadata ? { metadata: capture.metadata } : {}),
  });
}

/**
 * A note the user typed ("remember …" in the chat, or `m …` in the address bar); `page`: the page
 * open when it was noted, where the capture policy allows keeping it (issue 15, note-context.ts).
 */
export async function storeNote(
  db: EngramDb,
  note: string,
  origin: CaptureOrigin,
  now = Date.now(),
  page?: NotePage,
): Promise<StoredCapture> {
  const words = normalizeText(redactSecrets(note).text);
  if (!words) throw new Error(t('chatNoteEmpty'));
  const notedOn = page && keptPage(page);
  const text = notedOn ? withPage(words, notedOn) : words;
  return keep(db, {
    id: await sourceIdFor(text),
    kind: 'note',
    url: '',
    canonicalUrl: '',
    title: noteTitle(words),
    site: '',
    text,
    extractor: 'note',
    origin,
    status: 'pending',
    savedAt: now,
    lastSeenAt: now,
    seenCount: 1,
    outLinks: [],
    ...(notedOn ? { notedOn } : {}),
  });
}

/**
 * Stage 1 in one transaction: a new source is stored pending with its ingest job; one already in
 * memory is seen once more (and, if its indexing had failed, queued again).
 */
export async function keep(db: EngramDb, row: SourceRow): Promise<StoredCapture> {
  return db.transaction('rw', db.sources, db.jobs, db.links, async () => {
    const existing = await db.sources.get(row.id);
    if (existing) {
      await db.sources.update(row.id, {
        lastSeenAt: row.lastSeenAt,
        seenCount: existing.seenCount + 1,
        ...(row.selection ? { selection: row.selection } : {}),
      });
      if (existing.status === 'failed') await enqueue(db, row.id, row.lastSeenAt, 'pending');
      return { sourceId: row.id, isNew: false, title: existing.title };
    }
    await linkToPreviousVersion(db, row);
    await db.sources.add(row);
    await enqueue(db, row.id, row.savedAt);
    return { sourceId: row.id, isNew: true, title: row.title };
  });
}

/**
 * New content at the address of a page already in memory is a new version of it: linked to the
 * version seen last (`version` edge, new → old), which stays in memory as it was.
 */
async function linkToPreviousVersion(db: EngramDb, row: SourceRow): Promise<void> {
  if (row.kind !== 'page' || !row.canonicalUrl || row.extractor === 'url-only') return;
  let previous: SourceRow | undefined;
  await db.sources
    .where('canonicalUrl')
    .equals(row.canonicalUrl)
    .each((source) => {
      if (source.kind !== 'page' || source.extractor === 'url-only') return;
      if (!previous || source.lastSeenAt > previous.lastSeenAt) previous = source;
    });
  if (previous) await db.links.put({ fromId: row.id, toId: previous.id, kind: 'version' });
}

export async function enqueue(db: EngramDb, sourceId: string, now: number, reset?: 'pending') {
  await db.jobs.put(ingestJob(sourceId, now));
  if (reset)
    await db.sources.update(sourceId, { status: reset, error: undefined, errorCode: undefined });
}

/** The capture with secrets replaced in its text, title, selection and every URL. */
export function redactCapture(capture: CapturePayload): CapturePayload {
  const text = (value: string) => redactSecrets(value).text;
  const url = (value: string) => redactUrl(value).url;
  return {
    ...capture,
    url: url(capture.url),
    title: text(capture.title),
    text: text(capture.text),
    links: capture.links.map(url),
    ...(capture.selection === undefined ? {} : { selection: text(capture.selection) }),
    ...(capture.targetUrl === undefined ? {} : { targetUrl: url(capture.targetUrl) }),
    ...(capture.metadata === undefined ? {} : { metadata: redactMetadata(capture.metadata) }),
  };
}

/** The page's metadata with secrets replaced in every string it carries (JSON-LD included). */
function redactMetadata(metadata: CapturedMetadata): CapturedMetadata {
  const text = (value: string) => redactSecrets(value).text;
  const maybe = (value: string | null | undefined) =>
    typeof value === 'string' ? { value: text(value) } : undefined;
  const byline = maybe(metadata.byline);
  const siteName = maybe(metadata.siteName);
  return {
    jsonLd: metadata.jsonLd.map(text),
    meta: metadata.meta.map((tag) => ({ ...tag, content: text(tag.content) })),
    ...(byline ? { byline: byline.value } : {}),
    ...(siteName ? { siteName: siteName.value } : {}),
  };
}
