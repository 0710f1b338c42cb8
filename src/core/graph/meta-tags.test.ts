import { describe, expect, it } from 'vitest';
import { LIMITS, type MetaTag } from './entity';
import { metaEntities } from './meta-tags';

const short = (tags: MetaTag[]) => metaEntities(tags).map((m) => `${m.role}:${m.kind}:${m.name}`);

describe('metaEntities', () => {
  it('reads authors, tags, keywords and the site name (bug-1255978, cnet in the corpus)', () => {
    expect(
      short([
        { property: 'og:site_name', content: 'The Independent' },
        { name: 'article:author_name', content: 'Hazel Sheffield' },
        { name: 'keywords', content: 'Hotels, Hygiene, Business News' },
        { property: 'article:tag', content: 'Hotels' },
        { name: 'news_keywords', content: 'twitter, google' },
        { itemprop: 'keywords', content: 'Tech Industry' },
      ]),
    ).toEqual([
      'author:person:Hazel Sheffield',
      'publisher:organisation:The Independent',
      'keyword:idea:Hotels',
      'keyword:idea:Hygiene',
      'keyword:idea:Business News',
      'keyword:idea:Hotels',
      'keyword:idea:twitter',
      'keyword:idea:google',
      'keyword:idea:Tech Industry',
    ]);
  });

  it('takes authors from the most trusted key only (003-metadata-preferred)', () => {
    const tags = [
      { name: 'author', content: 'Meta name author' },
      { name: 'DC.creator', content: 'Dublin Core name author' },
      { property: 'dc:creator', content: 'Dublin Core property author' },
    ];
    expect(short(tags)).toEqual(['author:person:Dublin Core property author']);
  });

  it('reads space-separated properties (004-metadata-space-separated-properties)', () => {
    expect(short([{ property: 'dc:creator twitter:site_name', content: 'Creator Name' }])).toEqual([
      'author:person:Creator Name',
    ]);
  });

  it('skips profile URLs, handles and empty content', () => {
    expect(
      short([
        {
          property: 'article:author',
          content: 'https://www.facebook.com/profile.php?id=cesarsalza',
        },
        { name: 'author', content: '@someone' },
        { name: 'author', content: '' },
        { name: 'keywords', content: ' , ,' },
      ]),
    ).toEqual([]);
  });

  it('falls back to a later author key when the trusted one names no one', () => {
    expect(
      short([
        { name: 'author', content: 'https://example.com/me' },
        { property: 'article:author', content: 'Laura June Topolsky' },
      ]),
    ).toEqual(['author:person:Laura June Topolsky']);
  });

  it('is bounded and safe on hostile tags', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      property: 'article:tag',
      content: `tag ${i}`,
    }));
    expect(metaEntities(many).length).toBeLessThanOrEqual(LIMITS.mentions);
    const odd = [
      { name: '__proto__', content: 'x' },
      { name: 'constructor', content: 'y' },
      { content: 'no name' },
      { name: 'author', content: 5 as unknown as string },
      { name: 'author', content: '<script>alert(1)</script><b>Ann</b> Lee' },
    ];
    expect(short(odd)).toEqual(['author:person:Ann Lee']);
  });
});
