/**
 * Messages from the content script to the service worker (the page watcher's), in the protocol's
 * envelope. Replies are checked by hand here (no zod in this bundle); the background parses what
 * we send with the protocol's schemas and checks that we are a content script in a tab.
 */
export interface SendLike {
  sendMessage(message: unknown): Promise<unknown>;
}

/** Send `type` to the background; the reply's value, or an error for `{ok: false}` or nothing. */
export async function toBackground(
  runtime: SendLike,
  type: 'watch/config' | 'capture/auto',
  payload: object,
): Promise<unknown> {
  const reply = await runtime.sendMessage({ engram: 1, target: 'background', type, payload });
  if (typeof reply !== 'object' || reply === null) throw new Error(`No answer to "${type}"`);
  const result = reply as { ok?: unknown; value?: unknown; error?: unknown };
  if (result.ok === true) return result.value;
  throw new Error(typeof result.error === 'string' ? result.error : `"${type}" failed`);
}
