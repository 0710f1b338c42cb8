// The two ONNX graphs of `engram/tiny-whisper` (see tiny-whisper.mjs for the files around them).
//
// They have exactly the inputs and outputs of a Whisper export by Optimum, the files
// transformers.js loads for `automatic-speech-recognition` (encoder_model.onnx,
// decoder_model_merged.onnx with its KV cache and `use_cache_branch`), but no trained weights:
// inside they are a few rules, so that what they decode can be predicted and tested.
//
// - The encoder turns the log-mel features into one "loudness" value per 20 ms (the mean over the
//   mel bins, pooled in pairs as Whisper's strided convolution does: 3000 frames → 1500), spread
//   over the hidden size.
// - The decoder keeps every token it has seen in its self-attention cache (head 0, component 0
//   of the key), so each step can read the whole history: the language token and how many text
//   tokens it has already written. If the loudest 20 ms of the window reaches VOICE_LOUDNESS
//   (speech at a microphone), it writes the fixed sentence of the language asked for, one
//   byte-token per step, then <|endoftext|>; if not (silence, faint noise), it writes
//   <|endoftext|> at once: an empty transcript.
//
// So the fixture proves the plumbing, from the microphone to the composer: audio reaches the
// model as features, the language reaches it as a token, tokens come back as text. It does not
// recognise words: any speech gives the same sentence.

import { DT, GraphBuilder } from './onnx-graph.mjs';

/** What the decoder writes for speech, per language token (ASCII and UTF-8 bytes). */
export const REPLY_TEXT = {
  en: ' Remember, the spare key is under the blue flowerpot.',
  zh: '记住：备用钥匙在蓝色花盆下面。',
};

export const D = 8; // hidden size
export const H = 2; // attention heads
const DH = D / H;
export const N_MELS = 80;
export const N_FRAMES = 3000; // 30 s of 10 ms frames
export const N_POSITIONS = N_FRAMES / 2;
export const MAX_TARGET_POSITIONS = 448;
/**
 * The loudness (the per-20 ms mean over mel bins of Whisper's log-mel, (log10 power + 4) / 4,
 * which keeps the absolute level) that the loudest moment must reach to count as speech.
 * Measured with transformers.js's WhisperFeatureExtractor: silence −1.50, white noise of
 * amplitude ±0.001 −0.49 and ±0.01 0.02, the espeak-ng test sentences 0.42–0.44.
 */
export const VOICE_LOUDNESS = 0.2;
const REPLY_LOGIT = 20;

// Vocabulary: ids 0-255 are the bytes (GPT-2's byte-to-character spelling), then Whisper's
// special tokens in Whisper's order (the language tokens of the two languages Engram serves).
export const ENDOFTEXT_ID = 256;
export const SOT_ID = 257;
export const LANGUAGE_IDS = { en: 258, zh: 259 };
export const TRANSLATE_ID = 260;
export const TRANSCRIBE_ID = 261;
export const NO_TIMESTAMPS_ID = 262;
export const VOCAB = 263;

/** The encoder: input_features [B, 80, 3000] → last_hidden_state [B, 1500, D]. */
export function buildEncoderOnnx() {
  const g = new GraphBuilder('tiny_whisper_encoder');
  const features = g.input('input_features', DT.float, ['batch_size', N_MELS, N_FRAMES]);
  const loudness = g.node('ReduceMean', [features], { axes: [1], keepdims: 1 }); // [B, 1, 3000]
  const pooled = g.node('AveragePool', [loudness], { kernel_shape: [2], strides: [2] }); // [B,1,1500]
  const perPosition = g.node('Transpose', [pooled], { perm: [0, 2, 1] }); // [B, 1500, 1]
  // Component 0 carries the loudness as is; the others a scaled copy, so the state is not
  // degenerate when inspected (nothing reads them).
  const spread = Float32Array.from({ length: D }, (_, i) => 1 / (i + 1));
  g.node('MatMul', [perPosition, g.initializer('encoder.spread', spread, [1, D])], {}, [
    'last_hidden_state',
  ]);
  g.output('last_hidden_state', DT.float, ['batch_size', N_POSITIONS, D]);
  return g.toBytes({
    producer: 'engram scripts/models/make-fixture-models.mjs',
    docString: 'Tiny Whisper-interface encoder: per-20 ms loudness of the log-mel features.',
  });
}

/** The merged decoder, with Optimum's input and output names for a one-layer Whisper. */
export function buildDecoderOnnx() {
  const g = new GraphBuilder('tiny_whisper_decoder_merged');
  const f32 = (v) => g.constFloat(v);
  const i64 = (v) => g.constInt64(v);

  const cacheShape = (length) => ['batch_size', H, length, DH];
  const inputIds = g.input('input_ids', DT.int64, ['batch_size', 'decoder_sequence_length']);
  const hidden = g.input('encoder_hidden_states', DT.float, [
    'batch_size',
    'encoder_sequence_length / 2',
    D,
  ]);
  const pastKey = g.input(
    'past_key_values.0.decoder.key',
    DT.float,
    cacheShape('past_decoder_sequence_length'),
  );
  const pastValue = g.input(
    'past_key_values.0.decoder.value',
    DT.float,
    cacheShape('past_decoder_sequence_length'),
  );
  // Optimum's merged decoder reads these only on the cached branch; here the encoder state is
  // always given, so they are accepted and not needed.
  for (const kind of ['key', 'value']) {
    g.input(
      `past_key_values.0.encoder.${kind}`,
      DT.float,
      cacheShape('encoder_sequence_length_out'),
    );
  }
  g.input('use_cache_branch', DT.bool, [1]);

  // The token history: this call's tokens in head 0, component 0 of the key, after the past.
  const ids = g.node('Cast', [inputIds], { to: DT.float }); // [B, S]
  const slot = new Float32Array(H * DH);
  slot[0] = 1;
  const newKeys = g.node('Mul', [
    g.node('Unsqueeze', [ids, i64([1, 3])]), // [B, 1, S, 1]
    g.initializer('history.slot', slot, [1, H, 1, DH]),
  ]);
  const keys = g.node('Concat', [pastKey, newKeys], { axis: 2 }, 'present.0.decoder.key');
  g.node('Concat', [pastValue, newKeys], { axis: 2 }, 'present.0.decoder.value');
  const history = g.node('Squeeze', [
    g.node('Slice', [keys, i64([0, 0]), i64([1, 1]), i64([1, 3])]),
    i64([1, 3]),
  ]); // [B, T]

  // How many text tokens (bytes) each position has seen, itself included: [B, S].
  const isText = g.node('Cast', [g.node('Less', [history, f32(ENDOFTEXT_ID - 0.5)])], {
    to: DT.float,
  });
  const seen = g.node('CumSum', [isText, i64(1)]);
  const seqLen = g.node('Gather', [g.node('Shape', [inputIds]), i64([1])], { axis: 0 }); // [1]
  const mine = g.node('Slice', [seen, g.node('Neg', [seqLen]), i64([1 << 30]), i64([1])]);

  // The language asked for: Chinese if <|zh|> is in the history, else English.
  const isChinese = g.node(
    'ReduceMax',
    [g.node('Cast', [g.node('Equal', [history, f32(LANGUAGE_IDS.zh)])], { to: DT.float })],
    {
      axes: [1],
      keepdims: 1,
    },
  ); // [B, 1]

  // Speech or silence: the loudest moment of the window.
  const loudness = g.node('Slice', [hidden, i64([0]), i64([1]), i64([2])]); // [B, P, 1]
  const peak = g.node('ReduceMax', [loudness], { axes: [1, 2], keepdims: 0 }); // [B]
  const voiced = g.node('Unsqueeze', [g.node('Greater', [peak, f32(VOICE_LOUDNESS)]), i64([1])]);

  // The next token: row (language) × column (text tokens written so far) of the reply table.
  const rows = [REPLY_TEXT.en, REPLY_TEXT.zh].map((text) => [...Buffer.from(text, 'utf8')]);
  const width = Math.max(...rows.map((r) => r.length)) + 1;
  const table = BigInt64Array.from(
    rows.flatMap((r) => [...r, ...Array(width - r.length).fill(ENDOFTEXT_ID)]),
    BigInt,
  );
  const column = g.node('Clip', [mine, f32(0), f32(width - 1)]);
  const index = g.node('Cast', [g.node('Add', [g.node('Mul', [isChinese, f32(width)]), column])], {
    to: DT.int64,
  });
  const replyToken = g.node('Gather', [g.initializer('reply.token_ids', table), index], {
    axis: 0,
  });
  const token = g.node('Where', [voiced, replyToken, i64(ENDOFTEXT_ID)]);
  g.node('OneHot', [token, i64(VOCAB), f32([0, REPLY_LOGIT])], { axis: -1 }, 'logits');

  // The cross-attention cache Optimum's decoder returns: the encoder state split into heads.
  const encoderHeads = g.node('Transpose', [g.node('Reshape', [hidden, i64([0, 0, H, DH])])], {
    perm: [0, 2, 1, 3],
  });
  g.node('Identity', [encoderHeads], {}, 'present.0.encoder.key');
  g.node('Identity', [encoderHeads], {}, 'present.0.encoder.value');

  g.output('logits', DT.float, ['batch_size', 'decoder_sequence_length', VOCAB]);
  for (const kind of ['key', 'value']) {
    g.output(
      `present.0.decoder.${kind}`,
      DT.float,
      cacheShape('past_decoder_sequence_length + decoder_sequence_length'),
    );
  }
  for (const kind of ['key', 'value']) {
    g.output(`present.0.encoder.${kind}`, DT.float, cacheShape('encoder_sequence_length_out'));
  }
  return g.toBytes({
    producer: 'engram scripts/models/make-fixture-models.mjs',
    docString: 'Tiny Whisper-interface merged decoder: a fixed sentence per language for sound.',
  });
}
