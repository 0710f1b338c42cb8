import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportLineJsonSchema, exportRecord, sourceRecord } from './records';

const source = {
  type: 'source',
  id: 'src_1',
  kind: 'page',
  url: 'https://example.com/a',
  canonicalUrl: 'https://example.com/a',
  title: '<b>Bold</b> title',
  site: 'example.com',
  text: 'Some text.',
  extractor: 'readability',
  origin: 'shortcut',
  savedAt: 1,
  lastSeenAt: 2,
  seenCount: 1,
  outLinks: [],
};

describe('the record schema', () => {
  test('accepts a source as the writer makes it, HTML in its title included', () => {
    expect(sourceRecord.parse(source).title).toBe('<b>Bold</b> title');
    expect(exportRecord.parse({ ...source, kind: 'note' }).type).toBe('source');
  });

  test('carries what the user said in the chat (issue 15), without its conversation', () => {
    const said = { ...source, kind: 'said', url: '', canonicalUrl: '', site: '', origin: 'chat' };
    expect(exportRecord.parse(said)).toMatchObject({ kind: 'said' });
    expect(exportRecord.safeParse({ ...said, said: { conversationId: 'c' } }).success).toBe(false);
  });

  test('refuses wrong types, unknown fields, unknown kinds and local state', () => {
    const refused = (value: object) => !exportRecord.safeParse(value).success;
    expect(refused({ ...source, savedAt: '1' })).toBe(true);
    expect(refused({ ...source, seenCount: 0 })).toBe(true);
    expect(refused({ ...source, kind: 'video' })).toBe(true);
    expect(refused({ ...source, status: 'indexed' })).toBe(true);
    expect(refused({ ...source, type: 'chunk' })).toBe(true);
    expect(refused({ type: 'link', fromId: 'a', toId: 'b', kind: 'friend' })).toBe(true);
  });

  test('docs/EXPORT.md prints the schema the code uses', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/EXPORT.md'), 'utf8');
    const block = /<!-- schema:start -->\s*```json\n([\s\S]*?)\n```\s*<!-- schema:end -->/.exec(
      doc,
    );
    expect(block, 'docs/EXPORT.md has a schema block').not.toBeNull();
    // To update it: print JSON.stringify(exportLineJsonSchema(), null, 2) into the block.
    expect(JSON.parse(block![1]!)).toEqual(exportLineJsonSchema());
  });
});
