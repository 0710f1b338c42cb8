/**
 * Messages from the content script to the service worker (the page watcher's), in the protocol's
 * envelope and with the request type of their message. Replies are checked by hand here (no zod in
 * this bundle); the background parses what we send with the protocol's schemas and checks that we
 * are a content script in a tab.
 */
import type { Envelope, MessageFor, MessageFrom, RequestOf } from '../shared/protocol';

/** What a content script may send: the background's messages whose senders include `content`. */
export type ToBackground = MessageFrom<'content'> & MessageFor<'background'>;

export interface SendLike {
  sendMessage(message: Envelope): Promise<unknown>;
}

/**
 * Send `type` to the background; the reply's value, or an error for `{ok: false}` or nothing. The
 * value is not checked: parse it before use (message.ts `parseWatchConfig`).
 */
export async function toBackground<N extends ToBackground>(
  runtime: SendLike,
  type: N,
  payload: RequestOf<N>,
): Promise<unknown> {
  const reply = await runtime.sendMessage({ engram: 1, target: 'background', type, payload });
  if (typeof reply !== 'object' || reply === null) throw new Error(`No answer to "${type}"`);
  const result = reply as { ok?: unknown; value?: unknown; error?: unknown };
  if (result.ok === true) return result.value;
  throw new Error(typeof result.error === 'string' ? result.error : `"${type}" failed`);
}
