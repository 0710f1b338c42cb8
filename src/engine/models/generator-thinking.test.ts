/**
 * A thinking-capable model must never think aloud in an answer (issue 13): the Generator turns
 * Qwen3's `enable_thinking` switch off through the model's own chat template, not only with the
 * `/no_think` hint in the user's turn. Runs the real Generator and transformers.js pipeline in Node
 * on the tiny fixture decoder, given a chat template with Qwen3's switch (its last lines, verbatim
 * in meaning: with `enable_thinking` false the prompt ends in an empty think block, which is what
 * makes Qwen3 answer at once). The prompt the pipeline renders is read back from the tokenizer.
 */
import 'fake-indexeddb/auto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, PreTrainedTokenizer } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { generationModel, type GenerationModelSpec } from '../../shared/model-registry';
import { Generator, generationOptions } from './generator';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/models/', import.meta.url));
const ID = 'engram/thinking-gpt';

/** ChatML with Qwen3's generation-prompt ending (its `enable_thinking` switch). */
const QWEN3_STYLE_TEMPLATE = [
  "{%- for message in messages %}{{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>\\n' }}{%- endfor %}",
  "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}",
  "{%- if enable_thinking is defined and enable_thinking is false %}{{- '<think>\\n\\n</think>\\n\\n' }}{%- endif %}",
  '{%- endif %}',
].join('');
const EMPTY_THINK = '<|im_start|>assistant\n<think>\n\n</think>\n\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'engram-thinking-'));
  cpSync(path.join(FIXTURES, 'engram/tiny-gpt'), path.join(dir, ID), { recursive: true });
  const configFile = path.join(dir, ID, 'tokenizer_config.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(configFile, JSON.stringify({ ...config, chat_template: QWEN3_STYLE_TEMPLATE }));
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = dir;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The prompts the pipeline renders while `run` runs. */
async function renderedPrompts(run: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(PreTrainedTokenizer.prototype, 'apply_chat_template');
  try {
    await run();
    return spy.mock.results.map((r) => r.value as string);
  } finally {
    spy.mockRestore();
  }
}

const qwen3 = generationModel('onnx-community/Qwen3-0.6B-ONNX');
const standIn = (options: Partial<GenerationModelSpec>): GenerationModelSpec => ({
  ...qwen3,
  id: ID,
  dtype: { webgpu: 'fp32', wasm: 'fp32' },
  maxNewTokens: 4,
  ...options,
});

describe("the generator and a thinking model's chat template", () => {
  test('Qwen3 is registered with its thinking switch off', () => {
    expect(qwen3.chatTemplateOptions).toEqual({ enable_thinking: false });
    expect(generationOptions(qwen3)).toMatchObject({
      tokenizer_encode_kwargs: { enable_thinking: false },
    });
  });

  test(
    'the prompt ends in an empty think block, so the model answers without thinking',
    { timeout: 60_000 },
    async () => {
      const generator = new Generator(standIn({}), { device: 'cpu' });
      const prompts = await renderedPrompts(() =>
        generator.generate([{ role: 'user', content: 'What did I read?' }], () => undefined),
      );
      expect(prompts).toHaveLength(1);
      expect(prompts[0]).toContain('What did I read? /no_think<|im_end|>');
      expect(prompts[0]!.endsWith(EMPTY_THINK)).toBe(true);
    },
  );

  test(
    'without the switch the same template leaves the model free to think (the control)',
    { timeout: 60_000 },
    async () => {
      const generator = new Generator(standIn({ chatTemplateOptions: undefined }), {
        device: 'cpu',
      });
      const prompts = await renderedPrompts(() =>
        generator.generate([{ role: 'user', content: 'What did I read?' }], () => undefined),
      );
      expect(prompts[0]!.endsWith('<|im_start|>assistant\n')).toBe(true);
      expect(prompts[0]).not.toContain('<think>');
    },
  );
});
