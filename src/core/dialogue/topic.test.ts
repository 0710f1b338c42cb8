import { describe, expect, it } from 'vitest';
import { personIn, topicOf } from './topic';

describe('topicOf', () => {
  it('keeps the content words of an English question, as written', () => {
    expect(topicOf('What CPU does the Raspberry Pi 3 have?')).toBe('CPU Raspberry Pi 3');
    expect(topicOf('How do I add Blanket.js code coverage to Mocha?')).toBe(
      'add Blanket.js code coverage Mocha',
    );
  });

  it('joins Chinese words without spaces and drops question words', () => {
    expect(topicOf('树莓派3用的是什么处理器？')).toBe('树莓派3处理器');
  });

  it('keeps lone characters of an unknown word but drops particles and pronouns', () => {
    expect(topicOf('它是怎么收到样本的？（巴塞罗那检测暗网毒品）')).toBe(
      '收到样本巴塞罗那检测暗网毒品',
    );
  });

  it('drops the brackets a resolved question added', () => {
    expect(topicOf('How much does it cost? (CPU Raspberry Pi 3)')).toBe('cost CPU Raspberry Pi 3');
  });

  it('is short however long the question', () => {
    const long = Array.from({ length: 40 }, (_, i) => `topic${i}`).join(' ');
    expect(topicOf(long).split(' ')).toHaveLength(12);
  });

  it('is empty for a question of question words only', () => {
    expect(topicOf('Why? How?')).toBe('');
  });
});

describe('personIn', () => {
  it('finds the first name, not the sentence’s first word', () => {
    expect(personIn('Why did Bradley Kuhn stay silent when Stallman resigned?')).toBe(
      'Bradley Kuhn',
    );
    expect(personIn('What did Zuckerberg say?')).toBe('Zuckerberg');
  });

  it('drops a possessive and skips acronyms', () => {
    expect(personIn("How much was Lupita Nyong'o's dress worth?")).toBe("Lupita Nyong'o");
    expect(personIn('Why did the FSF stay quiet about RMS?')).toBeUndefined();
  });

  it('finds none in Chinese or in lower case', () => {
    expect(personIn('库恩为什么保持沉默？')).toBeUndefined();
    expect(personIn('how does it work?')).toBeUndefined();
  });
});
