import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './entity';
import { authorNames, cleanName, keywordNames, plainText, siteNameOf } from './entity-name';

describe('authorNames', () => {
  // Bylines as Firefox Reader View found them on the corpus pages (../shared/corpus).
  it.each([
    ['by Lucas Nolan22 Dec 2016651', ['Lucas Nolan']],
    ['By Steven Mufson', ['Steven Mufson']],
    ['Par Sébastien Farcis', ['Sébastien Farcis']],
    ['By GILLIAN MOHNEY\n                March 11, 2015 3:46 PM', ['Gillian Mohney']],
    ['By Brenda  Goodman, MA\n            WebMD Health News', ['Brenda Goodman']],
    ['Bradley M. Kuhn (http://ebb.org/bkuhn/)', ['Bradley M. Kuhn']],
    ['史蒂文的家_藍天 (stevenhgm)', ['史蒂文的家_藍天']],
    ['Stella Kim, Jennifer Jett', ['Stella Kim', 'Jennifer Jett']],
    ['Alexandre Hervaud, Jérémy Piette', ['Alexandre Hervaud', 'Jérémy Piette']],
    ['Last Updated: January 7, 2025', []],
    ['JOE HILDEBRAND', ['Joe Hildebrand']],
  ])('%j → %j', (byline, names) => {
    expect(authorNames(byline)).toEqual(names);
  });

  it('splits "and" and "&", keeps "Last, First" and "Jr." whole', () => {
    expect(authorNames('Jane Doe and John Roe & Ann Lee')).toEqual([
      'Jane Doe',
      'John Roe',
      'Ann Lee',
    ]);
    expect(authorNames('Doe, Jane')).toEqual(['Doe, Jane']);
    expect(authorNames('Martin Luther King, Jr.')).toEqual(['Martin Luther King, Jr.']);
  });

  it('drops e-mail addresses, URLs, and a site name after a dash or bar', () => {
    expect(authorNames('Jane Doe jane@example.com')).toEqual(['Jane Doe']);
    expect(authorNames('https://www.facebook.com/profile.php?id=cesarsalza')).toEqual([]);
    expect(authorNames('Jane Doe | The Daily')).toEqual(['Jane Doe']);
    expect(authorNames('Jane Doe - The Daily', 'The Daily')).toEqual(['Jane Doe']);
    expect(authorNames('Jean-Luc Picard - Starfleet', 'The Daily')).toEqual([
      'Jean-Luc Picard - Starfleet',
    ]);
  });

  it('reads Chinese bylines', () => {
    expect(authorNames('作者：王小明')).toEqual(['王小明']);
    expect(authorNames('文/李华、张伟')).toEqual(['李华', '张伟']);
    expect(authorNames('记者 陈明')).toEqual(['陈明']);
    // A given name that starts with 文 is not a prefix.
    expect(authorNames('文森特')).toEqual(['文森特']);
  });

  it('does not take "By" out of a name that starts with it', () => {
    expect(authorNames('Byron Smith')).toEqual(['Byron Smith']);
    expect(authorNames('Parker Posey')).toEqual(['Parker Posey']);
  });

  it('keeps a user name with digits whole, and rejects sentences', () => {
    expect(authorNames('CC7567')).toEqual(['CC7567']);
    expect(authorNames('This is a long sentence that is certainly not a name at all')).toEqual([]);
  });

  it('never throws and stays bounded on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2_000 }), fc.option(fc.string()), (s, site) => {
        const names = authorNames(s, site);
        expect(names.length).toBeLessThanOrEqual(LIMITS.listItems);
        for (const n of names) expect(n.length).toBeLessThanOrEqual(LIMITS.name);
      }),
    );
    expect(authorNames('A B, '.repeat(100_000)).length).toBeLessThanOrEqual(LIMITS.listItems);
  });
});

describe('plainText and cleanName', () => {
  it('removes markup, also when escaped, and decodes entities', () => {
    expect(plainText('<b>Jane</b> Doe')).toBe('Jane Doe');
    expect(plainText('&lt;script&gt;alert(1)&lt;/script&gt;Jane')).toBe('Jane');
    expect(plainText('Aleš V&#225;vra &amp; Co')).toBe('Aleš Vávra & Co');
    expect(plainText('&#xD800;x&#9999999;')).toBe('x');
  });

  it('removes control and invisible characters', () => {
    expect(cleanName('Jane\u202e Doe\u200b\u0000')).toBe('Jane Doe');
  });

  it('rejects what has no letter and what is too long', () => {
    expect(cleanName('https://example.com/')).toBeNull();
    expect(cleanName('—')).toBeNull();
    expect(cleanName('x'.repeat(LIMITS.name + 1))).toBeNull();
  });
});

describe('siteNameOf and keywordNames', () => {
  it('drops the tagline of a site name', () => {
    expect(siteNameOf('Mozilla Hacks – the Web developer blog')).toBe('Mozilla Hacks');
    expect(siteNameOf('Aktuálně.cz - Víte, co se právě děje')).toBe('Aktuálně.cz');
    expect(siteNameOf('http://www.tmz.com')).toBeNull();
  });

  it('splits keyword lists in both alphabets and caps them', () => {
    expect(keywordNames('Hotels, Hygiene,Business News')).toEqual([
      'Hotels',
      'Hygiene',
      'Business News',
    ]);
    expect(keywordNames('人工智能，机器学习、深度学习')).toEqual([
      '人工智能',
      '机器学习',
      '深度学习',
    ]);
    expect(keywordNames(Array.from({ length: 500 }, (_, i) => `tag${i}`).join(','))).toHaveLength(
      LIMITS.listItems,
    );
  });
});
