import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, type SourceRow } from '../../shared/db';
import { keptFrom } from './kept-from-site';

const source = (id: string, url: string, site: string): SourceRow => ({
  id,
  kind: 'page',
  url,
  canonicalUrl: url,
  title: id,
  site,
  text: id,
  extractor: 'readability',
  origin: 'shortcut',
  status: 'indexed',
  savedAt: 1,
  lastSeenAt: 1,
  seenCount: 1,
  outLinks: [],
});

beforeAll(async () => {
  await db().sources.bulkPut([
    source('mail', 'https://mail.example.com/u/0', 'mail.example.com'),
    source('www', 'https://www.example.com/news', 'example.com'),
    source('path', 'https://example.com/docs/a', 'example.com'),
    source('other', 'https://example.org/', 'example.org'),
    source('port', 'http://127.0.0.1:4567/a.html', '127.0.0.1'),
    source('port2', 'http://127.0.0.1:9999/b.html', '127.0.0.1'),
    { ...source('note', '', ''), kind: 'note' },
  ]);
});

afterAll(async () => {
  db().close();
  await db().delete();
});

const sorted = async (pattern: string) => (await keptFrom(pattern)).sort();

describe('what is already kept from a site', () => {
  it('a domain covers its subdomains and www, and nothing else', async () => {
    expect(await sorted('example.com')).toEqual(['mail', 'path', 'www']);
    expect(await sorted('mail.example.com')).toEqual(['mail']);
  });

  it('a path or a port narrows it', async () => {
    expect(await sorted('example.com/docs')).toEqual(['path']);
    expect(await sorted('127.0.0.1:4567')).toEqual(['port']);
    expect(await sorted('127.0.0.0/8')).toEqual(['port', 'port2']);
  });

  it('nothing kept, nothing offered; notes are never a site', async () => {
    expect(await keptFrom('nothing.example')).toEqual([]);
  });
});
