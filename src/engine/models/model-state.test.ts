import { describe, expect, test } from 'vitest';
import { ModelState } from './model-state';

describe("ModelState.describe: the answer's progress line, in the question's language", () => {
  test('a model loading, with and without a percentage', () => {
    const state = new ModelState('test/model', 'generate');
    state.state = 'loading';
    expect(state.describe('generate', 'en')).toBe('Loading the language model…');
    expect(state.describe('embed', 'zh')).toBe('正在加载嵌入模型…');
  });

  test('a failed model, with why', () => {
    const state = new ModelState('test/model', 'generate');
    state.state = 'failed';
    state.failure = { code: 'unreachable', detail: 'Failed to fetch' };
    expect(state.describe('generate', 'en')).toBe(
      'The language model is unavailable: Could not download the model: the model host is unreachable (offline?).',
    );
    expect(state.describe('generate', 'zh')).toBe(
      '语言模型不可用：连不上模型服务器（是否已断网？），无法下载模型。',
    );
    expect(state.error).toMatch(/unreachable.*still work/);
  });
});
