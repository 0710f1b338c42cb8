import { describe, expect, it } from 'vitest';
import { modelFileOf } from './model-url';

const HUB = 'https://huggingface.co/';

describe('modelFileOf', () => {
  it('reads model, revision and file from a hub URL as transformers.js builds it', () => {
    expect(
      modelFileOf(
        'https://huggingface.co/Xenova/multilingual-e5-small/resolve/main/onnx/model_quantized.onnx',
        HUB,
      ),
    ).toEqual({
      url: 'https://huggingface.co/Xenova/multilingual-e5-small/resolve/main/onnx/model_quantized.onnx',
      model: 'Xenova/multilingual-e5-small',
      revision: 'main',
      file: 'onnx/model_quantized.onnx',
    });
  });

  it('takes bare model ids and encoded revisions', () => {
    expect(modelFileOf(`${HUB}gpt2/resolve/refs%2Fpr%2F1/config.json`, HUB)).toMatchObject({
      model: 'gpt2',
      revision: 'refs/pr/1',
      file: 'config.json',
    });
  });

  it('works under a host with a path and without a trailing slash', () => {
    expect(
      modelFileOf(
        'http://127.0.0.1:8080/mirror/acme/m/resolve/main/a.json',
        'http://127.0.0.1:8080/mirror',
      ),
    ).toMatchObject({ model: 'acme/m', file: 'a.json' });
  });

  it('is undefined for other hosts, other layouts and what is not a URL', () => {
    expect(modelFileOf('https://example.com/acme/m/resolve/main/a.json', HUB)).toBeUndefined();
    expect(modelFileOf(`${HUB}api/models/acme/m`, HUB)).toBeUndefined();
    expect(modelFileOf('/models/acme/m/config.json', HUB)).toBeUndefined();
    expect(modelFileOf('chrome-extension://abc/ort-wasm-simd-threaded.wasm', HUB)).toBeUndefined();
  });
});
