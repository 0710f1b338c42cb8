/**
 * The fixture models in tests/fixtures/models load and work through transformers.js in Node
 * (onnxruntime-node), the way the engine will use real hub models. See the README there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  env,
  pipeline,
  TextStreamer,
  type FeatureExtractionPipeline,
  type TextGenerationPipeline,
} from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MODELS_DIR = fileURLToPath(new URL('../fixtures/models/', import.meta.url));
const GLOVE_ID = 'engram/glove-100d-static';
const GPT_ID = 'engram/tiny-gpt';
const LOAD_TIMEOUT_MS = 60_000;

beforeAll(() => {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = MODELS_DIR;
});

function cosine(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
}

async function embed(extractor: FeatureExtractionPipeline, texts: string[]): Promise<number[][]> {
  const output = await extractor(texts, { pooling: 'mean', normalize: true });
  return output.tolist() as number[][];
}

/** A sentence, a paraphrase with mostly different words, and an unrelated sentence. */
const TRIPLES: [string, string, string][] = [
  [
    'The cat sat on the mat.',
    'A kitten was resting on the rug.',
    'The stock market fell sharply after the report.',
  ],
  [
    'How do I bake bread at home?',
    'A simple recipe for homemade bread.',
    'The president met foreign leaders at the summit.',
  ],
  [
    'Heavy rain caused flooding across the region.',
    'Storms brought floods to many towns in the area.',
    'She scored the winning goal in the final match.',
  ],
  [
    'Doctors recommend regular exercise to stay healthy.',
    'Physicians say frequent physical activity keeps you fit.',
    'Train tickets to Paris are cheaper if you book early.',
  ],
];

/** Pages' first lines and a question about each, worded differently. */
const SEARCH: [doc: string, query: string][] = [
  [
    'How to reset a forgotten email password',
    'Steps to recover access when you lose your mail login',
  ],
  [
    'The recipe calls for two eggs, butter and sugar.',
    'You will need butter, sugar and a couple of eggs.',
  ],
  [
    'The airline cancelled hundreds of flights because of the snowstorm.',
    'Many planes were grounded as heavy snow hit the airports.',
  ],
  [
    'Scientists discovered a new species of frog in the rainforest.',
    'Researchers found a previously unknown frog in the jungle.',
  ],
  [
    'The company reported record profits this quarter.',
    'The firm earned more money than ever in the last three months.',
  ],
  ['He is learning to play the guitar.', 'He takes lessons to become a guitarist.'],
  ['The library will be closed on Sunday.', 'On Sunday the library does not open.'],
  [
    'Vaccines protect children from serious diseases.',
    'Immunization keeps kids safe from dangerous illnesses.',
  ],
  [
    'The city plans to build a new bridge over the river.',
    'A new bridge across the river is planned by the town.',
  ],
  ['Electric cars are becoming more popular.', 'More people are buying electric vehicles.'],
  [
    'The court ruled that the law was unconstitutional.',
    'Judges struck down the law as violating the constitution.',
  ],
  [
    'I need a cheap hotel near the beach.',
    'Looking for affordable accommodation close to the sea.',
  ],
];

describe(GLOVE_ID, () => {
  let extractor: FeatureExtractionPipeline;

  beforeAll(async () => {
    extractor = await pipeline('feature-extraction', GLOVE_ID, { dtype: 'q8' });
  }, LOAD_TIMEOUT_MS);
  afterAll(() => extractor.dispose());

  it('embeds a batch as unit vectors of 100 dimensions', async () => {
    const output = await extractor(['one sentence', 'and another, longer sentence'], {
      pooling: 'mean',
      normalize: true,
    });
    expect(output.dims).toEqual([2, 100]);
    for (const vector of output.tolist() as number[][]) {
      expect(Math.sqrt(cosine(vector, vector))).toBeCloseTo(1, 5);
    }
  });

  it('gives the same vector alone and padded in a batch', async () => {
    const [alone] = await embed(extractor, ['Bread needs flour, water and yeast.']);
    const [padded] = await embed(extractor, [
      'Bread needs flour, water and yeast.',
      'A much longer sentence that forces the first one to be padded in this batch.',
    ]);
    expect(cosine(alone ?? [], padded ?? [])).toBeCloseTo(1, 5);
  });

  it('places paraphrases closer than unrelated sentences', async () => {
    for (const [sentence, paraphrase, unrelated] of TRIPLES) {
      const [a, p, u] = await embed(extractor, [sentence, paraphrase, unrelated]);
      const similar = cosine(a ?? [], p ?? []);
      const different = cosine(a ?? [], u ?? []);
      expect(similar, `${sentence} ~ ${paraphrase}`).toBeGreaterThan(0.5);
      expect(different, `${sentence} ~ ${unrelated}`).toBeLessThan(0.35);
      expect(similar - different).toBeGreaterThan(0.3);
    }
  });

  it('finds the right page for each reworded question', async () => {
    const docs = await embed(
      extractor,
      SEARCH.map(([doc]) => doc),
    );
    const queries = await embed(
      extractor,
      SEARCH.map(([, query]) => query),
    );
    const best = queries.map((q) => {
      const scores = docs.map((d) => cosine(q, d));
      return scores.indexOf(Math.max(...scores));
    });
    expect(best).toEqual(SEARCH.map((_, i) => i));
  });

  it('embeds text with no known word as a finite vector, not NaN', async () => {
    const [vector] = await embed(extractor, ['zzqxv qqwv']);
    expect(vector?.every(Number.isFinite)).toBe(true);
  });

  it('loads as q8 without an explicit dtype (config.json says so)', async () => {
    const implicit = await pipeline('feature-extraction', GLOVE_ID);
    const [a] = await embed(implicit, ['same model either way']);
    const [b] = await embed(extractor, ['same model either way']);
    expect(a).toEqual(b);
    await implicit.dispose();
  });
});

describe(GPT_ID, () => {
  const config = JSON.parse(readFileSync(path.join(MODELS_DIR, GPT_ID, 'config.json'), 'utf8')) as {
    engram_fixture: { reply: string };
  };
  const reply = config.engram_fixture.reply;
  const chat = [
    { role: 'system', content: 'Answer from the pages the user saved.' },
    { role: 'user', content: 'What did I read about sourdough bread last week?' },
  ];

  /** Generates with a TextStreamer and collects what it streamed. */
  async function stream(generator: TextGenerationPipeline, maxNewTokens: number) {
    const tokens: bigint[] = [];
    const pieces: string[] = [];
    const streamer = new TextStreamer(generator.tokenizer, {
      skip_prompt: true,
      callback_function: (text: string) => {
        if (text) pieces.push(text);
      },
      token_callback_function: (ids: bigint[]) => tokens.push(...ids),
    });
    const output = await generator(chat, { max_new_tokens: maxNewTokens, streamer });
    const messages = (output[0] as { generated_text: { role: string; content: string }[] })
      .generated_text;
    return { tokens, pieces, answer: messages.at(-1) };
  }

  // 'fp32' loads onnx/model.onnx (the Node default); 'q8' loads onnx/model_quantized.onnx (the
  // WASM default in the browser). Both must work.
  describe.each(['fp32', 'q8'] as const)('dtype %s', (dtype) => {
    let generator: TextGenerationPipeline;

    beforeAll(async () => {
      generator = await pipeline('text-generation', GPT_ID, { dtype });
    }, LOAD_TIMEOUT_MS);
    afterAll(() => generator.dispose());

    it('streams tokens for a chat prompt', async () => {
      const { tokens, pieces, answer } = await stream(generator, 32);
      expect(tokens.length).toBe(32);
      expect(pieces.length).toBeGreaterThanOrEqual(5); // word by word, not all at the end
      expect(answer?.role).toBe('assistant');
      expect(pieces.join('')).toBe(answer?.content);
      expect(reply.startsWith(answer?.content ?? '-')).toBe(true);
    });

    it('ends the fixed reply with <|im_end|> before max_new_tokens', async () => {
      const { tokens, answer } = await stream(generator, 256);
      expect(answer?.content).toBe(reply);
      expect(tokens.length).toBe(reply.length + 1); // one token per ASCII byte, then <|im_end|>
      expect(generator.tokenizer.decode([tokens.at(-1) ?? 0n])).toBe('<|im_end|>');
    });
  });
});
