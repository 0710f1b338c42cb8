import { describe, expect, it } from 'vitest';
import { sha256Hex, sourceIdFor } from './hash';

describe('hashes', () => {
  it('computes SHA-256 as hex', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('gives the same source id to text that normalises the same', async () => {
    const id = await sourceIdFor('Hello  world\r\n');
    expect(id).toMatch(/^src_[0-9a-f]{32}$/);
    expect(await sourceIdFor(' Hello world')).toBe(id);
    expect(await sourceIdFor('Hello world!')).not.toBe(id);
    expect(await sourceIdFor('我读了 文章')).toBe(await sourceIdFor('我读了\t文章  '));
  });
});
