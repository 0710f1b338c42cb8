import { describe, expect, it } from 'vitest';
import { isStatement } from './statement';

describe('isStatement', () => {
  it.each([
    "My sister's birthday is 12 May",
    'I prefer the second design',
    'The dentist appointment is on Friday at 3pm',
    '我下周三去上海出差',
    '我妹妹的生日是5月12日',
  ])('keeps the statement %j', (line) => {
    expect(isStatement(line)).toBe(true);
  });

  it.each([
    "When is my sister's birthday?",
    'what did I tell you about my sister',
    'Tell me about moss',
    'summarise the battery article',
    'moss batteries',
    '我跟你说过什么关于出差的事？',
    '我妹妹的生日是哪天',
    '你上次说的那篇文章呢',
    '上海',
    'Is the meeting on Friday',
  ])('answers the question or request %j', (line) => {
    expect(isStatement(line)).toBe(false);
  });
});
