import { describe, expect, test } from 'vitest';
import {
  checkedRewrite,
  expectedRewriteMs,
  fastEnough,
  REWRITE_MAX_MS,
  rewritePrompt,
} from './model-rewrite';

const earlier = {
  question: 'What processor does the Raspberry Pi 3 use?',
  cited: ['Raspberry Pi 3 review'],
};

describe('rewritePrompt', () => {
  test('holds the instruction, the turn before with its titles, and the follow-up', () => {
    const [system, user] = rewritePrompt('How much does it cost?', earlier);
    expect(system?.content).toMatch(/question that stands alone/);
    expect(user?.content).toBe(
      'Earlier question: What processor does the Raspberry Pi 3 use?\nCited: [1] Raspberry Pi 3 review\nFollow-up: How much does it cost?',
    );
  });
});

describe('fastEnough', () => {
  const prompt = rewritePrompt('How much does it cost?', earlier);
  test('a model measured fast enough for ~32 tokens within the bound', () => {
    const speed = { prefillMsPerToken: 2, msPerToken: 30 };
    expect(expectedRewriteMs(speed, prompt)).toBeLessThan(REWRITE_MAX_MS);
    expect(fastEnough(speed, prompt)).toBe(true);
  });
  test('a slow one, or one not measured yet, is not asked', () => {
    expect(fastEnough({ prefillMsPerToken: 2, msPerToken: 60 }, prompt)).toBe(false);
    expect(fastEnough({ prefillMsPerToken: 40, msPerToken: 5 }, prompt)).toBe(false);
    expect(fastEnough(undefined, prompt)).toBe(false);
  });
});

describe('checkedRewrite', () => {
  const asked = 'How much does it cost?';
  test('keeps a one-line question in the same language, without its quotes', () => {
    expect(checkedRewrite(' "How much does the Raspberry Pi 3 cost?"\n', asked)).toBe(
      'How much does the Raspberry Pi 3 cost?',
    );
    expect(checkedRewrite('树莓派3卖多少钱？', '它卖多少钱？')).toBe('树莓派3卖多少钱？');
  });
  test.each([
    ['empty', '  '],
    ['two lines', 'How much does the Pi cost?\nThe Pi is a computer.'],
    ['far longer than the question', `How much does ${'the very small computer '.repeat(8)}cost?`],
    ['another language', '树莓派3卖多少钱？'],
    ['the instruction', 'Rewrite: How much does the Raspberry Pi 3 cost?'],
    ['a label', 'Question: How much does the Raspberry Pi 3 cost?'],
    ['the prompt echoed', 'Follow-up: How much does it cost?'],
    ['an answer instead of the question', 'The Raspberry Pi 3 sells for 35 dollars.'],
    ["a test model's fixed reply", "This is a fixed reply from Engram's tiny test model."],
  ])('drops %s', (_why, output) => {
    expect(checkedRewrite(output, asked)).toBeUndefined();
  });
});
