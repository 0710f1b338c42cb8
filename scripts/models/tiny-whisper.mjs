// Builds `engram/tiny-whisper`: a model with Whisper's files and interface, in the Hugging Face hub
// layout transformers.js 4.x loads for `automatic-speech-recognition`, whose decoding is a rule
// instead of learnt weights (see tiny-whisper-graph.mjs): sound gives a fixed sentence in the
// language asked for, silence gives nothing.
//
// Files, as in onnx-community's Whisper exports: config.json, generation_config.json,
// preprocessor_config.json (80 mel bins, 16 kHz, 30 s; transformers.js computes the mel filters),
// tokenizer.json + tokenizer_config.json (byte-level, Whisper's special tokens), and
// onnx/encoder_model.onnx + onnx/decoder_model_merged.onnx (float32: dtype 'fp32').

import fs from 'node:fs';
import path from 'node:path';
import { byteTokenizerJson } from './tiny-gpt.mjs';
import {
  buildDecoderOnnx,
  buildEncoderOnnx,
  D,
  ENDOFTEXT_ID,
  H,
  LANGUAGE_IDS,
  MAX_TARGET_POSITIONS,
  N_MELS,
  N_POSITIONS,
  NO_TIMESTAMPS_ID,
  REPLY_TEXT,
  SOT_ID,
  TRANSCRIBE_ID,
  TRANSLATE_ID,
  VOCAB,
  VOICE_LOUDNESS,
} from './tiny-whisper-graph.mjs';

export const TINY_WHISPER_MODEL_ID = 'engram/tiny-whisper';

const SPECIALS = [
  [ENDOFTEXT_ID, '<|endoftext|>'],
  [SOT_ID, '<|startoftranscript|>'],
  [LANGUAGE_IDS.en, '<|en|>'],
  [LANGUAGE_IDS.zh, '<|zh|>'],
  [TRANSLATE_ID, '<|translate|>'],
  [TRANSCRIBE_ID, '<|transcribe|>'],
  [NO_TIMESTAMPS_ID, '<|notimestamps|>'],
];

function tokenizerConfigJson() {
  return {
    tokenizer_class: 'WhisperTokenizer',
    add_prefix_space: false,
    bos_token: '<|endoftext|>',
    eos_token: '<|endoftext|>',
    pad_token: '<|endoftext|>',
    unk_token: '<|endoftext|>',
    additional_special_tokens: SPECIALS.slice(1).map(([, content]) => content),
    clean_up_tokenization_spaces: true,
    model_max_length: MAX_TARGET_POSITIONS,
    errors: 'replace',
  };
}

function configJson() {
  return {
    architectures: ['WhisperForConditionalGeneration'],
    model_type: 'whisper',
    is_encoder_decoder: true,
    d_model: D,
    encoder_layers: 1,
    decoder_layers: 1,
    encoder_attention_heads: H,
    decoder_attention_heads: H,
    num_hidden_layers: 1,
    num_mel_bins: N_MELS,
    max_source_positions: N_POSITIONS,
    max_target_positions: MAX_TARGET_POSITIONS,
    vocab_size: VOCAB,
    bos_token_id: ENDOFTEXT_ID,
    eos_token_id: ENDOFTEXT_ID,
    pad_token_id: ENDOFTEXT_ID,
    decoder_start_token_id: SOT_ID,
    use_cache: true,
    'transformers.js_config': { dtype: 'fp32' },
    engram_fixture: {
      kind: 'Whisper interface, rule-based decoding (no trained weights)',
      speech: REPLY_TEXT,
      silence: '',
      voice_loudness: VOICE_LOUDNESS,
    },
  };
}

function generationConfigJson() {
  return {
    bos_token_id: ENDOFTEXT_ID,
    eos_token_id: ENDOFTEXT_ID,
    pad_token_id: ENDOFTEXT_ID,
    decoder_start_token_id: SOT_ID,
    max_length: MAX_TARGET_POSITIONS,
    is_multilingual: true,
    lang_to_id: { '<|en|>': LANGUAGE_IDS.en, '<|zh|>': LANGUAGE_IDS.zh },
    task_to_id: { transcribe: TRANSCRIBE_ID, translate: TRANSLATE_ID },
    no_timestamps_token_id: NO_TIMESTAMPS_ID,
    suppress_tokens: [],
    begin_suppress_tokens: [],
    do_sample: false,
  };
}

function preprocessorConfigJson() {
  return {
    chunk_length: 30,
    feature_extractor_type: 'WhisperFeatureExtractor',
    feature_size: N_MELS,
    hop_length: 160,
    n_fft: 400,
    n_samples: 480000,
    nb_max_frames: 3000,
    padding_side: 'right',
    padding_value: 0.0,
    processor_class: 'WhisperProcessor',
    return_attention_mask: false,
    sampling_rate: 16000,
  };
}

/** Writes the model folder; returns a summary for the log. */
export function buildTinyWhisper({ outDir }) {
  fs.mkdirSync(path.join(outDir, 'onnx'), { recursive: true });
  const writeJson = (name, value) =>
    fs.writeFileSync(path.join(outDir, name), `${JSON.stringify(value, null, 2)}\n`);
  writeJson('config.json', configJson());
  writeJson('generation_config.json', generationConfigJson());
  writeJson('preprocessor_config.json', preprocessorConfigJson());
  writeJson('tokenizer.json', byteTokenizerJson(SPECIALS));
  writeJson('tokenizer_config.json', tokenizerConfigJson());
  fs.writeFileSync(path.join(outDir, 'onnx', 'encoder_model.onnx'), buildEncoderOnnx());
  fs.writeFileSync(path.join(outDir, 'onnx', 'decoder_model_merged.onnx'), buildDecoderOnnx());
  return { sentences: REPLY_TEXT };
}
