import { describe, expect, test } from 'vitest';
import { cleanTitle, TITLE_MAX_CHARS } from './conversation-title';
import { foldText, searchConversations, type SearchableConversation } from './conversation-search';

const conversations: SearchableConversation[] = [
  {
    id: 'rust',
    title: 'What did I read about Rust async?',
    texts: ['What did I read about Rust async?', 'Tokio schedules tasks on a pool [1].'],
  },
  {
    id: 'battery',
    title: '电池的那篇文章',
    texts: ['电池的那篇文章', '固态电池的能量密度更高 [1]。'],
  },
  { id: 'empty', title: 'Hello', texts: ['Hello'] },
];

describe('searchConversations', () => {
  test('an empty query keeps every conversation, in the order given', () => {
    expect(searchConversations(conversations, '  ')).toEqual([
      { id: 'rust' },
      { id: 'battery' },
      { id: 'empty' },
    ]);
  });

  test('a word of the title matches without a snippet, whatever its case', () => {
    expect(searchConversations(conversations, 'RUST')).toEqual([{ id: 'rust' }]);
  });

  test('a word only in an answer matches, with a snippet around it', () => {
    expect(searchConversations(conversations, 'tokio')).toEqual([
      { id: 'rust', snippet: 'Tokio schedules tasks on a pool [1].' },
    ]);
  });

  test('every word must be found, in the title or a message', () => {
    expect(searchConversations(conversations, 'rust pool').map((m) => m.id)).toEqual(['rust']);
    expect(searchConversations(conversations, 'rust battery')).toEqual([]);
  });

  test('Chinese is found by substring, with no segmenter', () => {
    expect(searchConversations(conversations, '能量密度')).toEqual([
      { id: 'battery', snippet: '固态电池的能量密度更高 [1]。' },
    ]);
  });

  test('full-width letters find their ASCII forms', () => {
    expect(foldText('ＲＵＳＴ')).toBe('rust');
    expect(searchConversations(conversations, 'ＲＵＳＴ').map((m) => m.id)).toEqual(['rust']);
  });

  test('a long message is cut around the word, on whole characters', () => {
    const long = `${'前'.repeat(100)}关键词${'后'.repeat(200)}`;
    const [match] = searchConversations([{ id: 'x', title: 't', texts: [long] }], '关键词');
    expect(match?.snippet?.startsWith('…')).toBe(true);
    expect(match?.snippet?.endsWith('…')).toBe(true);
    expect(match?.snippet).toContain('关键词');
    expect([...(match?.snippet ?? '')].length).toBeLessThanOrEqual(92);
  });
});

describe('cleanTitle', () => {
  test('one line, spaces collapsed, trimmed', () => {
    expect(cleanTitle('  Trip\n plans \t 2027 ')).toBe('Trip plans 2027');
    expect(cleanTitle(' \n ')).toBe('');
  });

  test('cut on whole characters', () => {
    const title = cleanTitle('😀'.repeat(TITLE_MAX_CHARS + 5));
    expect([...title]).toHaveLength(TITLE_MAX_CHARS);
    expect(title.endsWith('😀')).toBe(true);
  });
});
