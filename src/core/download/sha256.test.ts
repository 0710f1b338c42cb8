import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sha256, type Sha256State } from './sha256';

async function reference(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return Buffer.from(digest).toString('hex');
}

/** Cuts bytes at the given points (sorted, clamped), giving every piece including empty ones. */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [0, ...cuts.map((c) => Math.min(c, bytes.length)).sort((a, b) => a - b)];
  return points.map((start, i) => bytes.subarray(start, points[i + 1] ?? bytes.length));
}

describe('Sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(new Sha256().hex()).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(new Sha256().update(text('abc')).hex()).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(
      new Sha256().update(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).hex(),
    ).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with crypto.subtle at every length around the block and padding edges', async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(200));
    for (let length = 0; length <= 200; length++) {
      const data = bytes.subarray(0, length);
      expect(new Sha256().update(data).hex(), `length ${length}`).toBe(await reference(data));
    }
  });

  it('gives the same digest however the input is split, saved and restored', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 1000 }),
        fc.array(fc.nat(1000), { maxLength: 6 }),
        async (bytes, cuts) => {
          let hash = new Sha256();
          for (const piece of split(bytes, cuts)) {
            // Through JSON, as the download record stores it.
            hash = Sha256.restore(JSON.parse(JSON.stringify(hash.save())) as Sha256State);
            hash.update(piece);
          }
          expect(hash.hex()).toBe(await reference(bytes));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves the hash usable after reading the digest', async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(300));
    const hash = new Sha256().update(bytes.subarray(0, 100));
    expect(hash.hex()).toBe(await reference(bytes.subarray(0, 100)));
    hash.update(bytes.subarray(100));
    expect(hash.hex()).toBe(await reference(bytes));
  });

  it('hashes a few megabytes in pieces like crypto.subtle does in one go', async () => {
    const bytes = new Uint8Array(5 * 1024 * 1024 + 17);
    for (let i = 0; i < bytes.length; i += 65536)
      crypto.getRandomValues(bytes.subarray(i, i + 65536));
    const hash = new Sha256();
    for (let i = 0; i < bytes.length; i += 1_000_003) hash.update(bytes.subarray(i, i + 1_000_003));
    expect(hash.hex()).toBe(await reference(bytes));
  });
});
