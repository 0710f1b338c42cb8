import { describe, expect, it } from 'vitest';
import { ownWordsQuery } from './own-words';

describe('ownWordsQuery', () => {
  it.each([
    ['what did I tell you about my sister?', 'my sister'],
    ['What did I note', ''],
    ['what did I say about the second design?', 'the second design'],
    ['my notes on batteries', 'batteries'],
    ['我跟你说过什么关于出差的事？', '出差'],
    ['你上次说的上海', '上海'],
    ['the idea I had while reading about batteries', 'batteries'],
    ['我记了什么', ''],
  ])('%j searches the user’s own words for %j', (question, rest) => {
    expect(ownWordsQuery(question)).toEqual({ rest });
  });

  it.each(["When is my sister's birthday?", 'what did the article say about moss', '上海的天气'])(
    '%j is not about the user’s own words',
    (question) => {
      expect(ownWordsQuery(question)).toBeUndefined();
    },
  );
});
