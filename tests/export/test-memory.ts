/**
 * Test support for the export tests: a memory with rows in every exported table, written through
 * the stores, and a file's text as the stream `File.stream()` gives.
 */
import type { EngramDb } from '../../src/shared/db';
import { writeSetting } from '../../src/shared/settings';
import { startExchange, updateMessage } from '../../src/shared/store/conversations';
import { storeCapture, storeNote } from '../../src/shared/store/sources';
import { exportLines } from '../../src/shared/export/export-jsonl';
import type { ExportOptions } from '../../src/shared/export/export-jsonl';

export const streamOf = (text: string): ReadableStream<Uint8Array> => new Blob([text]).stream();

export async function exportText(db: EngramDb, options: ExportOptions = {}): Promise<string> {
  let text = '';
  for await (const chunk of exportLines(db, options)) text += chunk;
  return text;
}

/** The export without its header line: what must be identical across a round trip. */
export const body = (text: string): string => text.slice(text.indexOf('\n') + 1);

/**
 * `pages` pages on a few sites (each linking to the one before), a note, a conversation citing
 * the first page, and two settings. Times count up from `t0` so the order of saves is known.
 */
export async function fillMemory(db: EngramDb, pages: number, t0 = 1_700_000_000_000) {
  const ids: string[] = [];
  for (let i = 0; i < pages; i++) {
    const url = `https://site${i % 7}.example.com/article/${i}`;
    const previous = i > 0 ? [`https://site${(i - 1) % 7}.example.com/article/${i - 1}`] : [];
    const { sourceId } = await storeCapture(
      db,
      {
        mode: 'page',
        url,
        title: `Article ${i} <b>about</b> “things” 第${i}篇`,
        text: `Paragraph one of article ${i}, about topic ${i % 13}.\n\nParagraph two: 中文内容 ${i}.`,
        links: previous,
        extractor: 'readability',
        lang: 'en',
      },
      'shortcut',
      t0 + i * 1_000,
    );
    ids.push(sourceId);
    if (i > 0) {
      await db.links.put({ fromId: sourceId, toId: ids[i - 1]!, kind: 'hyperlink' });
    }
  }
  await storeNote(db, 'remember: buy a lamp for the desk', 'chat', t0 + pages * 1_000);
  const exchange = await startExchange(db, 'what was article 0 about?', undefined, t0);
  await updateMessage(
    db,
    exchange.messageId,
    {
      text: 'It was about topic 0 [1].',
      status: 'done',
      mode: 'extractive',
      citations: [
        {
          n: 1,
          sourceId: ids[0]!,
          chunkId: `${ids[0]}#0`,
          title: 'Article 0',
          site: 'site0.example.com',
          url: 'https://site0.example.com/article/0',
          savedAt: t0,
          quote: 'Paragraph one of article 0, about topic 0.',
          href: 'https://site0.example.com/article/0#:~:text=Paragraph',
        },
      ],
    },
    t0 + 5,
  );
  await writeSetting(db, 'glimpseMinutes', 5);
  await writeSetting(db, 'siteRules', [{ pattern: 'news.example.org', policy: 'url-only' }]);
  return ids;
}
