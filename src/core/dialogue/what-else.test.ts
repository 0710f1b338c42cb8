import { expect, test } from 'vitest';
import { asksWhatElse } from './what-else';

test('"what else did I read about this" is asked many ways, in English and Chinese', () => {
  for (const q of [
    'What else did I read about this?',
    'what else have I saved on that',
    'Anything else on this?',
    'Is there anything else about it?',
    'What else did I read?',
    'more on this please',
    '还读过哪些相关的？',
    '关于这个还看过什么？',
    '还有什么相关的吗',
    '我还看过别的吗？',
  ])
    expect(asksWhatElse(q), q).toBe(true);
});

test('questions that only hold the words are not asking for more', () => {
  for (const q of [
    'What did I read about Mira Okonkwo?',
    'What else is in a moss terrarium besides moss?',
    'Who wrote this article?',
    'How does it work?',
    '这篇文章讲了什么？',
    '相关性分析怎么做？',
  ])
    expect(asksWhatElse(q), q).toBe(false);
});
