import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['我昨天读了一篇关于量子计算的文章', 'zh'],
    ['Rust async 是什么？', 'zh'],
    ['我的の笔记本电脑坏了', 'zh'],
    ['量子計算とは何ですか', 'ja'],
    ['ラーメンが好きです', 'ja'],
    ['양자 컴퓨팅이란 무엇인가요?', 'ko'],
    ['What was that article about Rust async?', 'en'],
    ['Qu’est-ce que la mémoire ?', 'en'],
    ['Что такое квантовые вычисления?', 'other'],
    ['12345 !!!', 'other'],
    ['', 'other'],
  ] as const)('%s → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});
