/**
 * The Markdown export: a zip (fflate's streaming `Zip`) with one `.md` note per source in an
 * `Engram/` folder, ready to drop into an Obsidian vault. Streamed like the JSON Lines export: the
 * sources are read a page at a time and each note is compressed and yielded as it is written.
 *
 * Two passes over the sources: the first gives every source its file name (a wiki-link names the
 * file it points to, which may come later in the zip), the second writes the notes. Only the names
 * and the links are held for the whole export, never the texts.
 */
import { Zip, ZipDeflate } from 'fflate';
import type { EngramDb, LinkRow, SourceRow } from '../db';
import { sourcesMatching } from './export-selection';
import { NameBook, safeBaseName } from './file-names';
import { sourceMarkdown, type NoteLink } from './markdown';
import type { ExportFilter } from './records';

const PAGE = 250;
export const MARKDOWN_FOLDER = 'Engram';

export interface MarkdownOptions {
  filter?: ExportFilter;
  onProgress?: (done: number, total: number) => void;
}

/** Yields the zip's bytes as they are made. */
export async function* markdownZip(
  db: EngramDb,
  options: MarkdownOptions = {},
): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const ids = options.filter
    ? await sourcesMatching(db, options.filter)
    : await db.sources.toCollection().primaryKeys();
  // Pass 1: names, in id order, so the same memory always gives the same names.
  const names = new Map<string, string>();
  const book = new NameBook();
  await eachPage(db, ids, (source) => {
    names.set(source.id, book.claim(safeBaseName(source.title, source.id)));
  });
  const linksFrom = await linksBetween(db, names);

  // fflate makes its chunks on plain ArrayBuffers.
  let out: Array<Uint8Array<ArrayBuffer>> = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const flush = function* () {
    if (failure) throw failure;
    yield* out;
    out = [];
  };
  let done = 0;
  for (let at = 0; at < ids.length; at += PAGE) {
    const rows = await db.sources.bulkGet(ids.slice(at, at + PAGE));
    for (const source of rows) {
      const name = source && names.get(source.id);
      if (!source || !name) continue;
      const links: NoteLink[] = (linksFrom.get(source.id) ?? []).map((link) => ({
        kind: link.kind,
        name: names.get(link.toId)!,
      }));
      const file = new ZipDeflate(`${MARKDOWN_FOLDER}/${name}.md`, { level: 6 });
      // A fixed date: the same memory gives the same zip.
      file.mtime = source.savedAt;
      zip.add(file);
      file.push(new TextEncoder().encode(sourceMarkdown(source, links)), true);
      done++;
    }
    options.onProgress?.(done, ids.length);
    yield* flush();
  }
  zip.end();
  yield* flush();
}

async function eachPage(db: EngramDb, ids: readonly string[], visit: (row: SourceRow) => void) {
  for (let at = 0; at < ids.length; at += PAGE) {
    for (const row of await db.sources.bulkGet(ids.slice(at, at + PAGE))) if (row) visit(row);
  }
}

/** The links between exported sources, by the source they start from. */
async function linksBetween(db: EngramDb, names: Map<string, string>) {
  const from = new Map<string, LinkRow[]>();
  await db.links.each((link) => {
    if (!names.has(link.fromId) || !names.has(link.toId)) return;
    const list = from.get(link.fromId) ?? [];
    list.push(link);
    from.set(link.fromId, list);
  });
  return from;
}
