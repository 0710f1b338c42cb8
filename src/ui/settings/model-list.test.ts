import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zhCN from '../../../public/_locales/zh_CN/messages.json';
import { setMessageSource, tableSource } from '../../shared/i18n';
import { MODELS } from '../../shared/model-registry';
import { describeLanguages, visibleModels } from './model-list';

const ids = (specs: readonly { id: string }[]) => specs.map((s) => s.id);

describe('visibleModels', () => {
  it('hides the test fixtures from the shipped build', () => {
    expect(ids(visibleModels(MODELS, false, new Set()))).toEqual([
      'Xenova/multilingual-e5-small',
      'onnx-community/Qwen3-0.6B-ONNX',
      'onnx-community/gemma-3-270m-it-ONNX',
      'onnx-community/whisper-base',
    ]);
  });

  it('lists every model in the fixture build', () => {
    expect(visibleModels(MODELS, true, new Set())).toHaveLength(MODELS.length);
  });

  it('still lists a fixture the settings name', () => {
    expect(ids(visibleModels(MODELS, false, new Set(['engram/tiny-gpt'])))).toContain(
      'engram/tiny-gpt',
    );
  });
});

describe('describeLanguages', () => {
  it('names languages in English', () => {
    expect(describeLanguages(['multilingual'])).toBe('Multilingual');
    expect(describeLanguages(['en', 'fr'])).toBe('English, French');
  });

  it('shows a malformed code as written', () => {
    expect(describeLanguages(['not a code'])).toBe('not a code');
  });
});

describe('describeLanguages in Chinese', () => {
  afterEach(() => setMessageSource(tableSource(en)));

  it('names and lists languages as Chinese does', () => {
    setMessageSource(tableSource(zhCN));
    expect(describeLanguages(['multilingual'], 'zh-CN')).toBe('多语言');
    expect(describeLanguages(['en', 'fr'], 'zh-CN')).toBe('英语、法语');
  });
});
