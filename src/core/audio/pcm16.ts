/**
 * Speech crosses from the popup (which records) to the engine (which transcribes) in a runtime
 * message, and runtime messages are JSON: a Float32Array would become an object of 480,000
 * numbered keys. So samples travel as 16-bit little-endian PCM in base64, 16 kHz mono, the format
 * Whisper takes: 30 s (Whisper's window, the longest a recording may be) is 960 kB, 1.28 MB as
 * base64, one message well inside Chrome's 64 MiB limit.
 */
export const SAMPLE_RATE = 16_000;
/** Whisper hears 30 s at a time; a recording stops there. */
export const MAX_SECONDS = 30;
export const MAX_SAMPLES = SAMPLE_RATE * MAX_SECONDS;
/** The longest base64 text a recording can be: 4 characters per 3 bytes, 2 bytes a sample. */
export const MAX_PCM16_BASE64 = Math.ceil((MAX_SAMPLES * 2) / 3) * 4;

/** Samples in [-1, 1] (clipped beyond) → 16-bit PCM, base64. */
export function encodePcm16(samples: Float32Array): string {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  samples.forEach((sample, i) => {
    const clipped = Math.max(-1, Math.min(1, Number.isFinite(sample) ? sample : 0));
    view.setInt16(i * 2, Math.round(clipped * 32767), true);
  });
  // btoa takes a "binary string"; build it in slices so no argument list grows too long.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** 16-bit PCM in base64 → samples in [-1, 1]. Throws on text that is not base64 of whole samples. */
export function decodePcm16(base64: string): Float32Array {
  const binary = atob(base64);
  if (binary.length % 2 !== 0) throw new Error('PCM16 audio must have an even number of bytes');
  const samples = new Float32Array(binary.length / 2);
  for (let i = 0; i < samples.length; i++) {
    const unsigned = binary.charCodeAt(2 * i) | (binary.charCodeAt(2 * i + 1) << 8);
    samples[i] = (unsigned >= 0x8000 ? unsigned - 0x10000 : unsigned) / 32767;
  }
  return samples;
}
