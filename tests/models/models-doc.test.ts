/**
 * docs/MODELS.md's wait table is computed from the registry's speeds and the budget's thread
 * rule: when either changes, the decision's figures must be computed again, not left standing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMsPerToken, prefillMsPerToken } from '../../src/core/answer/prompt-budget';
import { generationModel } from '../../src/shared/model-registry';

const doc = readFileSync(new URL('../../docs/MODELS.md', import.meta.url), 'utf8');
const rows: Record<string, string> = {
  'Qwen3 q4, WASM 1 thread': 'onnx-community/Qwen3-0.6B-ONNX:1',
  'Qwen3 q4, WASM 2 threads': 'onnx-community/Qwen3-0.6B-ONNX:2',
  'Qwen3 q4, WASM 3 threads': 'onnx-community/Qwen3-0.6B-ONNX:3',
  'Qwen3 q4, WASM 4 threads': 'onnx-community/Qwen3-0.6B-ONNX:4',
  'Gemma 3 270M, WASM 3 th.': 'onnx-community/gemma-3-270m-it-ONNX:3',
};
const PROMPTS = [256, 512, 1_000, 2_000];

describe('docs/MODELS.md', () => {
  it.each(Object.entries(rows))('states the waits computed for %s', (label, key) => {
    const line = doc.split('\n').find((l) => l.startsWith(`| ${label} `));
    expect(line, label).toBeDefined();
    const cells = line!
      .split('|')
      .slice(2, 7)
      .map((c) => c.trim());
    const [id, threads] = key.split(':');
    const speed = generationModel(id!).wasmSpeed!;
    const device = { device: 'wasm' as const, threads: Number(threads) };
    PROMPTS.forEach((tokens, i) => {
      const seconds = (tokens * prefillMsPerToken(device, speed)) / 1_000;
      const stated = Number.parseFloat(cells[i]!);
      expect(Math.abs(stated - seconds) / seconds, `${label}, ${tokens} tokens`).toBeLessThan(0.05);
    });
    const rate = 1_000 / decodeMsPerToken(device, speed);
    const statedRate = Number.parseFloat(cells[4]!);
    expect(Math.abs(statedRate - rate) / rate, `${label}, tokens/s`).toBeLessThan(0.05);
  });

  it('names what is still unmeasured', () => {
    for (const what of ['real weights', 'WebGPU', '2, 3, 4+ threads', 'Gemma 3 270M']) {
      expect(doc).toContain(`| ${what}`);
    }
  });
});
