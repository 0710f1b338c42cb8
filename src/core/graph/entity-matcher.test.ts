import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityId, entityKey } from './entity-key';
import { EntityMatcher, type KnownName } from './entity-matcher';

const named = (...names: string[]): KnownName[] =>
  names.map((name) => ({ id: entityId(entityKey(name)), name }));
const found = (m: EntityMatcher, text: string): string[] =>
  m.find(text).map((x) => text.slice(x.start, x.end));

describe('EntityMatcher', () => {
  it('finds names whatever their case, accents and punctuation', () => {
    const m = new EntityMatcher(
      named('José García', 'Dr. Jane Chen', "Conan O'Brien", 'Procter & Gamble'),
    );
    const text = 'Jose Garcia met JANE CHEN, Conan O’Brien and Procter and Gamble.';
    expect(found(m, text)).toEqual([
      'Jose Garcia',
      'JANE CHEN',
      'Conan O’Brien',
      'Procter and Gamble',
    ]);
  });

  it('matches Latin names at word boundaries only', () => {
    const m = new EntityMatcher(named('Jane', 'Rust', 'Web'));
    expect(found(m, 'Janet trusts Rusty webs, but Jane likes Rust (and the Web).')).toEqual([
      'Jane',
      'Rust',
      'Web',
    ]);
    expect(found(m, 'Web3 and Web-scale')).toEqual(['Web']);
  });

  it('matches CJK names with no boundaries, also next to Latin', () => {
    const m = new EntityMatcher(named('陈明', 'OpenAI', '量子计算'));
    expect(found(m, '昨天陈明在OpenAI谈量子计算机。')).toEqual(['陈明', 'OpenAI', '量子计算']);
  });

  it('prefers the longest name at a place and never overlaps', () => {
    const m = new EntityMatcher(named('Jane Doe', 'Jane Doe Smith', 'Doe Smith', 'Smith'));
    expect(found(m, 'Jane Doe Smith and Jane Doe and Smith')).toEqual([
      'Jane Doe Smith',
      'Jane Doe',
      'Smith',
    ]);
  });

  it('finds short upper-case names only as written ("US" is not "us")', () => {
    const m = new EntityMatcher(named('US', 'AI'));
    expect(found(m, 'Tell us about AI in the US, said ai fans.')).toEqual(['AI', 'US']);
  });

  it('gives an alias the id of its entity, and counts', () => {
    const id = entityId('bill gates');
    const m = new EntityMatcher([
      { id, name: 'Bill Gates' },
      { id, name: 'William H. Gates' },
    ]);
    expect(m.counts('William H Gates, known as Bill Gates; Bill Gates again.')).toEqual(
      new Map([[id, 3]]),
    );
  });

  it('reports offsets in the original text, beyond deleted punctuation and astral characters', () => {
    const m = new EntityMatcher(named('J.R.R. Tolkien'));
    const text = '𝒜 “J.R.R. Tolkien.”';
    const [match] = m.find(text);
    expect(match && text.slice(match.start, match.end)).toBe('J.R.R. Tolkien');
  });

  it('ignores one-letter names and works with none', () => {
    expect(found(new EntityMatcher(named('X', '中', '...')), 'X marks 中 spot')).toEqual([]);
    expect(new EntityMatcher([]).find('anything')).toEqual([]);
  });

  it('finds every name it holds in any text around it (property)', () => {
    const word = fc.stringMatching(/^[a-zé]{2,8}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.string(),
        fc.string(),
        (parts, before, after) => {
          const name = parts.join(' ');
          const m = new EntityMatcher(named(name));
          const text = `${before} ${name.toUpperCase()} ${after}`;
          const hits = m.find(text).map((x) => entityKey(text.slice(x.start, x.end)));
          expect(hits).toContain(entityKey(name));
        },
      ),
    );
  });

  it('builds from thousands of names in both alphabets', () => {
    const names = Array.from({ length: 5_000 }, (_, i) => ({
      id: `e${i}`,
      name: i % 2 ? `Person${i} Name` : `人名${i}号`,
    }));
    const m = new EntityMatcher(names);
    const text = 'Person4999 Name met 人名4998号 '.repeat(200);
    expect(m.counts(text)).toEqual(
      new Map([
        ['e4999', 200],
        ['e4998', 200],
      ]),
    );
    expect(m.find(text, 10)).toHaveLength(10);
  });
});
