import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityId, entityKey } from './entity-key';

describe('entityKey', () => {
  it('folds case, accents, compatibility forms and spacing', () => {
    expect(entityKey('José  GARCÍA')).toBe('jose garcia');
    expect(entityKey('Ｊａｎｅ　Ｄｏｅ')).toBe('jane doe');
    expect(entityKey('Aleš Vávra')).toBe(entityKey('Ales Vavra'));
    expect(entityKey('Straße Øresund Łódź')).toBe('strasse oresund lodz');
    expect(entityKey(' Gina Roberts-Grey ')).toBe('gina roberts grey');
  });

  it('drops the punctuation inside names: initials, apostrophes, transliteration dots', () => {
    expect(entityKey("Conan O'Brien")).toBe(entityKey('Conan O’Brien'));
    expect(entityKey('J.R.R. Tolkien')).toBe('jrr tolkien');
    expect(entityKey('唐纳德·特朗普')).toBe('唐纳德特朗普');
    expect(entityKey('Procter & Gamble')).toBe(entityKey('Procter and Gamble'));
  });

  it('drops titles only when a full name remains', () => {
    expect(entityKey('Dr. Jane Chen')).toBe('jane chen');
    expect(entityKey('Prof Dr Jane Chen')).toBe('jane chen');
    expect(entityKey('Dr. Chen')).toBe('dr chen');
    expect(entityKey('Mr. Robot')).toBe('mr robot');
    expect(entityKey('陈明博士')).toBe('陈明');
    expect(entityKey('陈博士')).toBe('陈博士');
    expect(entityKey('Jack Ma')).toBe('jack ma');
  });

  it('keeps middle names and initials: "Jane Q. Doe" and "Jane Doe" may be two people', () => {
    expect(entityKey('Jane Q. Doe')).not.toBe(entityKey('Jane Doe'));
  });

  it('joins CJK characters split by spaces, keeps Latin words apart', () => {
    expect(entityKey('崔 宁宁')).toBe('崔宁宁');
    expect(entityKey('OpenAI 公司')).toBe('openai 公司');
  });

  it('is empty for a name with no letter or digit', () => {
    expect(entityKey(' … — ')).toBe('');
    expect(entityKey('🙂')).toBe('');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(entityKey(entityKey(s))).toBe(entityKey(s));
      }),
    );
  });
});

describe('entityId', () => {
  it('is stable: the same key gives the same id in every version (ids are stored)', () => {
    expect(entityId('jane doe')).toBe(entityId(entityKey('Jane DOE')));
    expect(entityId('jane doe')).toMatch(/^ent_[0-9a-f]{16}$/);
    expect(entityId('jane doe')).toMatchInlineSnapshot(`"ent_cfa8de2bc8b83eea"`);
  });

  it('has no collisions among many similar keys', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20_000; i++) ids.add(entityId(`person ${i}`));
    expect(ids.size).toBe(20_000);
  });
});
