import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zhCN from '../../../public/_locales/zh_CN/messages.json';
import type { MessageRow } from '../../shared/db';
import { setMessageSource, tableSource } from '../../shared/i18n';
import { answerLanguage } from './answer-language';

type Row = Pick<MessageRow, 'id' | 'role' | 'text' | 'replyTo'>;
const question = (id: string, text: string): Row => ({ id, role: 'user', text });
const answer = (id: string, replyTo?: string): Row => ({
  id,
  role: 'assistant',
  text: '',
  replyTo,
});

const chineseInterface = () => setMessageSource(tableSource(zhCN));

afterEach(() => setMessageSource(tableSource(en)));

describe('answerLanguage', () => {
  const conversation = [
    question('q1', '我上周读了什么关于潮汐的内容？'),
    answer('a1', 'q1'),
    question('q2', 'When is the spring low tide?'),
    answer('a2', 'q2'),
  ];

  it('labels an answer to a Chinese question in Chinese in an English interface', () => {
    expect(answerLanguage(conversation[1]!, conversation)).toBe('zh');
  });

  it('labels an answer to an English question in English in a Chinese interface', () => {
    chineseInterface();
    expect(answerLanguage(conversation[3]!, conversation)).toBe('en');
  });

  it('takes the question before the answer when the row does not name it', () => {
    const old = [conversation[0]!, answer('a1'), conversation[2]!, answer('a2')];
    expect(answerLanguage(old[1]!, old)).toBe('zh');
    expect(answerLanguage(old[3]!, old)).toBe('en');
  });

  it('falls back on the interface’s language with no question at hand', () => {
    expect(answerLanguage(answer('a9'), [answer('a9')])).toBe('en');
    chineseInterface();
    expect(answerLanguage(answer('a9'), [answer('a9')])).toBe('zh');
  });
});
