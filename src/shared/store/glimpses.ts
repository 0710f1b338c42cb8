/**
 * Glimpses ("Remember what I just saw", issue 5): what was on screen when the user pressed the
 * shortcut, kept as its own source and linked to the page it was seen on.
 *
 * A glimpse is held for review before it is indexed: stage 1 stores it as a pending source with
 * `heldUntil` and no ingest job. The popup shows it and lets the user keep it now, edit it, or
 * discard it. If the user never opens the popup nothing is lost: when the hold runs out the
 * glimpse is queued like any capture (the service worker's alarm, and a sweep whenever the worker
 * starts). Editing a held glimpse replaces it before anything was indexed; an edit that arrives
 * after the hold ran out is kept as a new version linked to the indexed one.
 */
import { glimpseText } from '../../core/capture/glimpse-text';
import { sourceIdFor } from '../../core/text/hash';
import { redactSecrets, redactUrl } from '../../core/privacy/redact';
import { normalizeText } from '../../core/text/text';
import { canonicalUrl, siteOf } from '../../core/capture/url';
import type { EngramDb, SourceRow } from '../db';
import { t } from '../i18n';
import type { CapturePayload, GlimpsePayload } from '../protocol';
import { linksFrom } from './graph';
import { heldGlimpses } from './source-reads';
import { enqueue, type StoredCapture } from './sources';

/** Long enough to open the popup and read it; short enough that a glimpse is soon searchable. */
export const GLIMPSE_HOLD_MS = 2 * 60_000;

export interface StoredGlimpse extends StoredCapture {
  /** How many blocks of text the glimpse holds. */
  blocks: number;
  heldUntil?: number;
}

/**
 * Stage 1 for a glimpse seen on the page `pageSourceId`: a new glimpse is held for review; the
 * same glimpse again (same text) is seen once more. Null when the glimpse holds no text.
 */
export async function storeGlimpse(
  db: EngramDb,
  page: Pick<CapturePayload, 'url' | 'title' | 'lang' | 'selection'>,
  glimpse: GlimpsePayload,
  pageSourceId: string,
  now = Date.now(),
  holdMs = GLIMPSE_HOLD_MS,
): Promise<StoredGlimpse | null> {
  const composed = glimpseText({ seen: glimpse.seen, now: glimpse.now, selection: page.selection });
  const text = normalizeText(redactSecrets(composed).text);
  if (!text) return null;
  const url = redactUrl(page.url).url;
  const row: SourceRow = {
    id: await sourceIdFor(text),
    kind: 'glimpse',
    url,
    canonicalUrl: canonicalUrl(url),
    title: redactSecrets(page.title).text.trim() || url,
    site: siteOf(url),
    ...(page.lang ? { lang: page.lang } : {}),
    text,
    extractor: glimpse.buffered ? 'glimpse-buffer' : 'glimpse-now',
    origin: 'shortcut',
    status: 'pending',
    savedAt: now,
    lastSeenAt: now,
    seenCount: 1,
    outLinks: [],
    heldUntil: now + holdMs,
  };
  const blocks = text.split('\n\n').length;
  return db.transaction('rw', db.sources, db.links, async () => {
    const existing = await db.sources.get(row.id);
    await db.links.put({ fromId: row.id, toId: pageSourceId, kind: 'glimpse' });
    if (existing) {
      await db.sources.update(row.id, {
        lastSeenAt: now,
        seenCount: existing.seenCount + 1,
      });
      return { sourceId: row.id, isNew: false, title: existing.title, blocks };
    }
    await db.sources.add(row);
    return { sourceId: row.id, isNew: true, title: row.title, blocks, heldUntil: row.heldUntil };
  });
}

/** Queue a held glimpse for indexing now. False when it is not held (gone, or already queued). */
export async function releaseGlimpse(
  db: EngramDb,
  sourceId: string,
  now = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', db.sources, db.jobs, async () => {
    const source = await db.sources.get(sourceId);
    if (source?.heldUntil === undefined) return false;
    await db.sources.update(sourceId, { heldUntil: undefined });
    await enqueue(db, sourceId, now);
    return true;
  });
}

/**
 * Queue every glimpse whose hold has run out. Returns how many were queued and when the next
 * hold runs out (undefined: none left), for the caller's alarm.
 */
export async function releaseExpired(
  db: EngramDb,
  now = Date.now(),
): Promise<{ released: number; next: number | undefined }> {
  let released = 0;
  let next: number | undefined;
  for (const source of await heldGlimpses(db)) {
    const until = source.heldUntil ?? 0;
    if (until <= now) {
      if (await releaseGlimpse(db, source.id, now)) released += 1;
    } else {
      next = next === undefined ? until : Math.min(next, until);
    }
  }
  return { released, next };
}

/**
 * The user's own text for a glimpse. A held glimpse is replaced (nothing of it was indexed) and
 * queued at once; one already released stays, and the edit becomes a new version linked to it.
 * Returns the id of the source that holds the edit.
 */
export async function editGlimpse(
  db: EngramDb,
  sourceId: string,
  edited: string,
  now = Date.now(),
): Promise<string> {
  const text = normalizeText(redactSecrets(edited).text);
  if (!text) throw new Error(t('noticeGlimpseEditEmpty'));
  const id = await sourceIdFor(text);
  return db.transaction('rw', db.sources, db.jobs, db.links, async () => {
    const old = await db.sources.get(sourceId);
    if (old?.kind !== 'glimpse') throw new Error(t('noticeGlimpseGone'));
    if (id === old.id) {
      if (old.heldUntil !== undefined) {
        await db.sources.update(id, { heldUntil: undefined });
        await enqueue(db, id, now);
      }
      return id;
    }
    const pages = (await linksFrom(db, old.id).toArray()).filter((l) => l.kind === 'glimpse');
    const held = old.heldUntil !== undefined;
    if (held) await forgetHeld(db, old.id);
    const edit: SourceRow = { ...old, id, text, status: 'pending', lastSeenAt: now, seenCount: 1 };
    delete edit.heldUntil;
    if (!(await db.sources.get(id))) {
      await db.sources.add(edit);
      await enqueue(db, id, now);
    }
    for (const link of pages) await db.links.put({ ...link, fromId: id });
    if (!held) await db.links.put({ fromId: id, toId: old.id, kind: 'version' });
    return id;
  });
}

/** Discard a held glimpse: nothing of it was indexed, so it simply goes. */
export async function discardGlimpse(db: EngramDb, sourceId: string): Promise<void> {
  await db.transaction('rw', db.sources, db.links, async () => {
    const source = await db.sources.get(sourceId);
    if (source?.kind !== 'glimpse') return;
    if (source.heldUntil === undefined) {
      throw new Error(t('noticeGlimpseAlreadyKept'));
    }
    await forgetHeld(db, sourceId);
  });
}

/** A held glimpse has no chunks, job or index entry yet: its row and its links are all of it. */
async function forgetHeld(db: EngramDb, sourceId: string): Promise<void> {
  await linksFrom(db, sourceId).delete();
  await db.sources.delete(sourceId);
}
