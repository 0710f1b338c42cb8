/**
 * Whether a message payload is plain data, the first check of every receiver (shared/dispatch.ts,
 * content/message.ts). Schemas drop or refuse fields they do not name, but a prototype key anywhere
 * is refused outright (it only ever comes from an attack: merged or assigned, it reaches
 * `Object.prototype`), and so is a nesting deeper than any message has (issue 11).
 */

/** Keys that reach a prototype when an object is merged or assigned: never a field of a message. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any message of the protocol nests (a capture's glimpse is 4 levels). */
export const MAX_PAYLOAD_DEPTH = 16;

/**
 * Why `payload` is not plain message data, or null. Keys only, with an explicit stack: no
 * recursion for a hostile depth to exhaust, and the strings themselves are never read.
 */
export function payloadProblem(payload: unknown): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: payload, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, depth } = next;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_PAYLOAD_DEPTH) return `nested more than ${MAX_PAYLOAD_DEPTH} levels deep`;
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) return `the key "${key}" is not allowed`;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}
