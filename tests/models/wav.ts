/**
 * Reads the 16-bit mono PCM WAV files espeak-ng writes (tests/fixtures/audio) as 16 kHz samples,
 * what Whisper's feature extractor takes. Linear resampling is enough for a loudness rule.
 */
import { readFileSync } from 'node:fs';

export const SAMPLE_RATE = 16_000;

export function readWav16k(path: string): Float32Array {
  const bytes = readFileSync(path);
  if (bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.readUInt16LE(22) !== 1) {
    throw new Error(`${path}: not a mono RIFF WAV`);
  }
  const rate = bytes.readUInt32LE(24);
  // espeak-ng writes the canonical 44-byte header: the samples follow the "data" chunk header.
  const dataAt = bytes.indexOf('data', 12, 'latin1') + 8;
  const input = new Float32Array((bytes.length - dataAt) >> 1);
  for (let i = 0; i < input.length; i++) input[i] = bytes.readInt16LE(dataAt + i * 2) / 32768;
  const output = new Float32Array(Math.floor((input.length * SAMPLE_RATE) / rate));
  for (let i = 0; i < output.length; i++) {
    const x = (i * rate) / SAMPLE_RATE;
    const j = Math.floor(x);
    const a = input[j] ?? 0;
    const b = input[Math.min(j + 1, input.length - 1)] ?? a;
    output[i] = a + (b - a) * (x - j);
  }
  return output;
}
