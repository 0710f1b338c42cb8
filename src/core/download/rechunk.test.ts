import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rechunk } from './rechunk';

async function* from(pieces: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const piece of pieces) yield await Promise.resolve(piece); // arriving one by one
}

async function groups(pieces: Uint8Array[], size: number): Promise<number[][]> {
  const out: number[][] = [];
  for await (const group of rechunk(from(pieces), size)) {
    out.push(group.flatMap((piece) => Array.from(piece)));
  }
  return out;
}

describe('rechunk', () => {
  it('cuts pieces into groups of exactly the size, the last one shorter', async () => {
    const bytes = (...values: number[]) => new Uint8Array(values);
    expect(await groups([bytes(1, 2, 3), bytes(4), bytes(5, 6, 7, 8, 9)], 4)).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9],
    ]);
    expect(await groups([bytes(1, 2, 3, 4)], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(await groups([], 2)).toEqual([]);
    expect(await groups([bytes()], 2)).toEqual([]);
  });

  it('keeps every byte in order, and every group but the last is full', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 50 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 40 }),
        async (pieces, size) => {
          const out = await groups(pieces, size);
          expect(out.flat()).toEqual(pieces.flatMap((piece) => Array.from(piece)));
          out.slice(0, -1).forEach((group) => expect(group).toHaveLength(size));
          expect(out.at(-1)?.length ?? 1).toBeGreaterThan(0);
          expect(out.at(-1)?.length ?? 0).toBeLessThanOrEqual(size);
        },
      ),
    );
  });
});
