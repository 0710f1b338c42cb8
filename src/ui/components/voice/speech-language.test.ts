import { expect, test } from 'vitest';
import { speechLanguage } from './speech-language';

test('Chinese in the question box is transcribed as Chinese, whatever the interface', () => {
  expect(speechLanguage(['树莓派3用的是什么处理器', undefined], 'en-US')).toBe('zh');
  expect(speechLanguage(['What did he say', undefined], 'zh-CN')).toBe('en');
});

test('with an empty box, the last question asked decides', () => {
  expect(speechLanguage(['', '那篇文章是谁写的？'], 'en-US')).toBe('zh');
  expect(speechLanguage(['  ', 'Who wrote it?'], 'zh-CN')).toBe('en');
});

test('with no words of the user, the interface language', () => {
  expect(speechLanguage(['', undefined], 'zh-CN')).toBe('zh');
  expect(speechLanguage(['42?', undefined], 'en')).toBe('en');
  expect(speechLanguage([], 'fr')).toBe('en');
});
