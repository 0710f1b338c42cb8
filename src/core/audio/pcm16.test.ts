import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePcm16, encodePcm16, MAX_PCM16_BASE64, MAX_SAMPLES } from './pcm16';

describe('PCM16 in base64', () => {
  it('keeps samples to within one step of 16 bits', () => {
    fc.assert(
      fc.property(fc.float32Array({ min: -1, max: 1, noNaN: true, maxLength: 2_000 }), (input) => {
        const output = decodePcm16(encodePcm16(input));
        expect(output.length).toBe(input.length);
        input.forEach((x, i) => expect(Math.abs((output[i] ?? 2) - x)).toBeLessThan(1 / 32767));
      }),
    );
  });

  it('clips what is beyond full scale and silences what is not a number', () => {
    const output = decodePcm16(encodePcm16(Float32Array.from([2, -3, NaN, Infinity])));
    expect([...output]).toEqual([1, -1, 0, 0]);
  });

  it('refuses an odd number of bytes, and text that is not base64', () => {
    expect(() => decodePcm16('AAAA')).toThrow(/even/); // 3 bytes
    expect(() => decodePcm16('not base64!')).toThrow();
  });

  it('fits the longest recording in the bound the protocol allows', () => {
    expect(encodePcm16(new Float32Array(MAX_SAMPLES)).length).toBe(MAX_PCM16_BASE64);
  });
});
