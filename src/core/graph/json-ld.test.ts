import { describe, expect, it } from 'vitest';
import { LIMITS } from './entity';
import { jsonLdEntities } from './json-ld';

const short = (scripts: string[]) =>
  jsonLdEntities(scripts).mentions.map((m) => `${m.role}:${m.kind}:${m.name}`);

describe('jsonLdEntities', () => {
  it('reads a news article: typed authors, publisher, date (wikipedia-3, videos-2 in the corpus)', () => {
    const page = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      author: [
        { '@type': 'Person', name: 'Alexandre Hervaud', url: 'https://example.fr/a' },
        { '@type': 'Person', name: 'Jérémy Piette' },
      ],
      publisher: { '@type': 'Organization', name: 'Libération' },
      datePublished: '2003-02-28T21:51:08Z',
    });
    const { mentions, published } = jsonLdEntities([page]);
    expect(mentions.map((m) => `${m.role}:${m.kind}:${m.name}`)).toEqual([
      'author:person:Alexandre Hervaud',
      'author:person:Jérémy Piette',
      'publisher:organisation:Libération',
    ]);
    expect(mentions.every((m) => m.source === 'jsonld')).toBe(true);
    expect(published).toBe('2003-02-28T21:51:08.000Z');
  });

  it('follows @graph and @id references (Yoast SEO writes authors so)', () => {
    const page = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': 'https://x.org/#website', name: 'X' },
        {
          '@type': ['Article', 'BlogPosting'],
          author: { '@id': 'https://x.org/#/person/1' },
          publisher: { '@id': 'https://x.org/#org' },
        },
        { '@type': 'Person', '@id': 'https://x.org/#/person/1', name: 'Dr. Jane Chen' },
        { '@type': 'schema:NewsMediaOrganization', '@id': 'https://x.org/#org', name: 'X Media' },
      ],
    });
    expect(short([page])).toEqual([
      'author:person:Dr. Jane Chen',
      'publisher:organisation:X Media',
    ]);
  });

  it('reads strings and objects, about, mentions, places, events and keywords', () => {
    const page = JSON.stringify({
      '@type': 'Article',
      author: 'Jane Doe and John Roe',
      about: [{ '@type': 'Thing', name: 'Quantum computing' }, 'Qubits'],
      mentions: [
        { '@type': 'City', name: 'Zürich' },
        { '@type': 'MusicEvent', name: 'Montreux Jazz Festival' },
        { '@type': 'Corporation', name: 'IBM' },
        { '@type': 'Person', givenName: 'Ada', familyName: 'Lovelace' },
      ],
      contentLocation: { name: 'Geneva' },
      keywords: 'physics, 量子计算',
    });
    expect(short([page])).toEqual([
      'author:person:Jane Doe',
      'author:person:John Roe',
      'about:idea:Quantum computing',
      'about:idea:Qubits',
      'about:place:Geneva',
      'mention:place:Zürich',
      'mention:event:Montreux Jazz Festival',
      'mention:organisation:IBM',
      'mention:person:Ada Lovelace',
      'keyword:idea:physics',
      'keyword:idea:量子计算',
    ]);
  });

  it('reads the article inside a WebPage mainEntity, and skips comments and reviews', () => {
    const page = JSON.stringify([
      {
        '@type': 'WebPage',
        mainEntity: { '@type': 'Article', author: { '@type': 'Person', name: 'Ann Lee' } },
      },
      { '@type': 'Comment', author: { '@type': 'Person', name: 'A Commenter' } },
      { '@type': 'Review', author: 'A Reviewer' },
    ]);
    expect(short([page])).toEqual(['author:person:Ann Lee']);
  });

  it('survives broken, wrapped and hostile scripts', () => {
    const good = '<![CDATA[ {"@type":"Article","author":{"@type":"Person","name":"Ann Lee"}} ]]>';
    const hostile = JSON.stringify({
      '@type': 'Article',
      __proto__: { polluted: true },
      constructor: { prototype: { polluted: true } },
      author: { '@type': 'Person', name: '<img src=x onerror=alert(1)>Bob <b>Smith</b>' },
    });
    const self = JSON.stringify({ '@type': 'Article', '@id': '#a', author: { '@id': '#a' } });
    const mentions = short([
      '{"@type": "Article", "author": ',
      good,
      'null',
      '42',
      '"text"',
      hostile,
      self,
    ]);
    expect(mentions).toEqual(['author:person:Ann Lee', 'author:person:Bob Smith']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('caps huge arrays, deep nesting and oversized scripts', () => {
    const many = JSON.stringify({
      '@type': 'Article',
      author: Array.from({ length: 100_000 }, (_, i) => ({
        '@type': 'Person',
        name: `Person Number${i} X`,
      })),
    });
    expect(jsonLdEntities([many]).mentions.length).toBeLessThanOrEqual(LIMITS.listItems);
    const n = 100_000;
    const deep = `${'{"@type":"Article","mainEntity":'.repeat(n)}{"@type":"Person","name":"Deep"}${'}'.repeat(n)}`;
    expect(() => jsonLdEntities([deep])).not.toThrow();
    const big = JSON.stringify({
      '@type': 'Article',
      author: 'Ann Lee',
      pad: 'x'.repeat(LIMITS.scriptChars),
    });
    expect(jsonLdEntities([big]).mentions).toEqual([]);
    const scripts = Array.from({ length: 1_000 }, () =>
      JSON.stringify({ '@type': 'Article', keywords: 'a1, b2, c3' }),
    );
    expect(jsonLdEntities(scripts).mentions.length).toBeLessThanOrEqual(LIMITS.mentions);
  });

  it('ignores placeholder dates', () => {
    expect(
      jsonLdEntities([JSON.stringify({ '@type': 'Article', datePublished: '0001-01-01' })])
        .published,
    ).toBeUndefined();
    expect(
      jsonLdEntities([JSON.stringify({ '@type': 'Article', datePublished: 'soon' })]).published,
    ).toBeUndefined();
  });
});
