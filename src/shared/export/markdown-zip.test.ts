import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EngramDb } from '../db';
import { NameBook, safeBaseName } from './file-names';
import { MARKDOWN_FOLDER, markdownZip } from './markdown-zip';
import { yamlString } from './markdown';
import { fillMemory } from '../../../tests/export/test-memory';
import { storeSaid } from '../store/said';

describe('file names', () => {
  const name = (title: string) => safeBaseName(title, 'src_x');

  test('no path traversal, separators or characters a file system or a wiki-link refuses', () => {
    expect(name('../../etc/passwd')).toBe('etc passwd');
    expect(name('..\\..\\Windows\\System32')).toBe('Windows System32');
    expect(name('a/b\\c:d*e?f"g<h>i|j')).toBe('a b c d e f g h i j');
    expect(name('[[Wiki]] #tag ^block')).toBe('Wiki tag block');
    expect(name('line\nbreak\ttab\u0000nul')).toBe('line break tab nul');
    expect(name('.hidden.')).toBe('hidden');
    expect(name('  ...  ')).toBe('src_x');
    expect(name('CON')).toBe('CON _');
    expect(name('com1')).toBe('com1 _');
  });

  test('every script kept, long titles cut by character', () => {
    expect(name('第三章：记忆与遗忘')).toBe('第三章：记忆与遗忘'); // a full-width colon is no separator
    expect(name('Привет, мир — こんにちは')).toBe('Привет, мир — こんにちは');
    const long = name('长'.repeat(300));
    expect([...long].length).toBe(80);
    expect(name('😀'.repeat(100))).toBe('😀'.repeat(80)); // no broken surrogate pair
  });

  test('collisions are numbered, without regard to case', () => {
    const book = new NameBook();
    expect(['Notes', 'notes', 'Notes', 'Notes 2'].map((n) => book.claim(n))).toEqual([
      'Notes',
      'notes 2',
      'Notes 3',
      'Notes 2 2',
    ]);
  });
});

describe('YAML values', () => {
  test('always one double-quoted scalar, whatever the title holds', () => {
    expect(yamlString('a: b # c')).toBe('"a: b # c"');
    expect(yamlString('say "hi"\n---\nx')).toBe('"say \\"hi\\"\\n---\\nx"');
    expect(yamlString('a\u2028b')).toBe('"a\\u2028b"');
  });
});

describe('the Markdown zip', () => {
  let db: EngramDb;
  beforeEach(() => {
    db = new EngramDb(`md-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  const zipOf = async (filter?: object) => {
    const parts: Uint8Array[] = [];
    for await (const part of markdownZip(db, filter ? { filter } : {})) parts.push(part);
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    return { bytes, files: unzipSync(bytes) };
  };

  test('one note per source with front matter, the text, and wiki-links to linked notes', async () => {
    const ids = await fillMemory(db, 3);
    await db.sources.update(ids[0]!, { title: 'Same title' });
    await db.sources.update(ids[1]!, { title: 'Same title' });
    const { files } = await zipOf();
    const names = Object.keys(files).sort();
    expect(names).toHaveLength(4);
    expect(names.every((n) => n.startsWith(`${MARKDOWN_FOLDER}/`) && n.endsWith('.md'))).toBe(true);
    expect(names).toContain(`${MARKDOWN_FOLDER}/Same title.md`);
    expect(names).toContain(`${MARKDOWN_FOLDER}/Same title 2.md`);
    const third = names.find((n) => n.includes('Article 2'))!;
    const note = strFromU8(files[third]!);
    expect(note).toMatch(/^---\ntitle: "Article 2 <b>about<\/b> “things” 第2篇"\n/);
    expect(note).toContain('\nurl: "https://site2.example.com/article/2"\n');
    expect(note).toContain('\nsite: "site2.example.com"\n');
    expect(note).toContain('\nsaved: "2023-11-14T22:13:22.000Z"\n');
    expect(note).toContain('\nkind: "page"\n');
    expect(note).toContain('Paragraph two: 中文内容 2.');
    // Page 2 links to page 1, whose file is "Same title" or "Same title 2" (id order decides).
    expect(note).toMatch(/- Links to: \[\[Same title( 2)?\]\]\n$/);
    const linked = /\[\[(.+)\]\]/.exec(note)![1];
    expect(strFromU8(files[`${MARKDOWN_FOLDER}/${linked}.md`]!)).toContain('article 1,');
  });

  test('what the user said in the chat is a note of kind said (issue 15)', async () => {
    await storeSaid(
      db,
      "My sister's birthday is 12 May",
      { conversationId: 'c', messageId: 'm' },
      Date.UTC(2026, 9, 14),
    );
    const { files } = await zipOf();
    const said = strFromU8(files[`${MARKDOWN_FOLDER}/My sister's birthday is 12 May.md`]!);
    expect(said).toContain('\nkind: "said"\n');
    expect(said).toContain("My sister's birthday is 12 May");
  });

  test('HTML in the text stays text; the same memory gives the same zip', async () => {
    const [first] = await fillMemory(db, 1);
    await db.sources.update(first!, { text: 'x <script>alert(1)</script> y' });
    const a = await zipOf();
    const b = await zipOf();
    expect(a.bytes).toEqual(b.bytes);
    const note = Object.entries(a.files).find(([n]) => n.includes('Article 0'))![1];
    expect(strFromU8(note)).toContain('x \\<script>alert(1)\\</script> y');
  });

  test('a filter exports only its sources, and links only between them', async () => {
    const ids = await fillMemory(db, 3);
    const { files } = await zipOf({ ids: [ids[2]] });
    const notes = Object.values(files).map((f) => strFromU8(f));
    expect(notes).toHaveLength(1);
    expect(notes[0]).not.toContain('[[');
  });
});
