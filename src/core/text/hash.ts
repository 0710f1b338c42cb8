/**
 * Content hashes for deterministic keys: a retried capture of the same text gets the same id, so
 * it never duplicates (DESIGN.md, "Data"). Web Crypto exists in Node 20, workers and pages.
 */
import { normalizeText } from './text';

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** 'src_' + 128 bits of the hash of the normalised text: collisions are not a practical concern. */
export async function sourceIdFor(text: string): Promise<string> {
  return `src_${(await sha256Hex(normalizeText(text))).slice(0, 32)}`;
}
