import { describe, expect, it } from 'vitest';
import type { PageMetadata } from './entity';
import { pageEntities, sameAuthorOnPage } from './page-entities';

const ld = (o: unknown): string => JSON.stringify(o);
const short = (page: PageMetadata) =>
  pageEntities(page).mentions.map((m) => `${m.role}:${m.kind}:${m.source}:${m.name}`);

describe('pageEntities', () => {
  it('keeps one author in its most precise form: JSON-LD over meta over the byline', () => {
    const page: PageMetadata = {
      jsonLd: [ld({ '@type': 'Article', author: { '@type': 'Person', name: 'Jane Q. Doe' } })],
      meta: [{ name: 'author', content: 'Jane Doe' }],
      byline: 'By JANE DOE',
      siteName: 'The Daily',
    };
    expect(short(page)).toEqual([
      'author:person:jsonld:Jane Q. Doe',
      'publisher:organisation:byline:The Daily',
    ]);
  });

  it('uses meta authors, then the byline, when the more precise sources name none', () => {
    expect(
      short({ jsonLd: [], meta: [{ name: 'author', content: 'Ann Lee' }], byline: 'Bob Roe' }),
    ).toEqual(['author:person:meta:Ann Lee']);
    expect(short({ jsonLd: ['{broken'], meta: [], byline: 'Par Sébastien Farcis' })).toEqual([
      'author:person:byline:Sébastien Farcis',
    ]);
  });

  it("adds the byline's people when JSON-LD credits only an organisation", () => {
    const page: PageMetadata = {
      jsonLd: [
        ld({ '@type': 'NewsArticle', author: { '@type': 'Organization', name: 'Reuters' } }),
      ],
      meta: [],
      byline: 'By Ann Lee',
    };
    expect(short(page)).toEqual([
      'author:organisation:jsonld:Reuters',
      'author:person:byline:Ann Lee',
    ]);
  });

  it('gives a name one kind on the page, the typed one', () => {
    const page: PageMetadata = {
      jsonLd: [
        ld({ '@type': 'Article', mentions: { '@type': 'Organization', name: 'Haki Benita' } }),
      ],
      meta: [{ property: 'article:tag', content: 'Haki Benita' }],
      byline: 'Haki Benita',
    };
    const kinds = new Set(pageEntities(page).mentions.map((m) => m.kind));
    expect(kinds).toEqual(new Set(['organisation']));
  });

  it('drops repeated mentions, keeps a name in several roles', () => {
    const page: PageMetadata = {
      jsonLd: [ld({ '@type': 'Article', keywords: ['Rust', 'rust', 'RUST'], about: 'Rust' })],
      meta: [{ name: 'keywords', content: 'Rust, Async' }],
    };
    expect(short(page)).toEqual([
      'about:idea:jsonld:Rust',
      'keyword:idea:jsonld:Rust',
      'keyword:idea:meta:Async',
    ]);
  });

  it('passes on the publication date and survives fields of the wrong type', () => {
    const page = {
      jsonLd: [ld({ '@type': 'Article', datePublished: '2024-03-05' })],
      meta: 'nope',
      byline: 42,
      siteName: { evil: true },
    } as unknown as PageMetadata;
    expect(pageEntities(page)).toEqual({ mentions: [], published: '2024-03-05T00:00:00.000Z' });
  });

  it('reads Chinese pages', () => {
    const page: PageMetadata = {
      jsonLd: [],
      meta: [
        { name: 'author', content: '作者：王小明' },
        { name: 'keywords', content: '两会，留学生，知识产权' },
      ],
      siteName: '中国青年网',
    };
    expect(short(page)).toEqual([
      'author:person:meta:王小明',
      'keyword:idea:meta:两会',
      'keyword:idea:meta:留学生',
      'keyword:idea:meta:知识产权',
      'publisher:organisation:byline:中国青年网',
    ]);
  });
});

describe('sameAuthorOnPage', () => {
  it('joins a name with and without middle names, nothing else', () => {
    expect(sameAuthorOnPage('jane doe', 'jane q doe')).toBe(true);
    expect(sameAuthorOnPage('bruno henrique zecchin rodrigues', 'bruno rodrigues')).toBe(true);
    expect(sameAuthorOnPage('jane doe', 'john doe')).toBe(false);
    expect(sameAuthorOnPage('jane doe', 'jane doe smith')).toBe(false);
    expect(sameAuthorOnPage('doe', 'jane doe')).toBe(false);
  });
});
