/** Protocol messages to the engine, sent from the service worker as the worker sends them. */
import type { Worker } from 'playwright-core';

export async function askEngine<T>(sw: Worker, type: string, payload: object = {}): Promise<T> {
  const reply = await sw.evaluate(
    ({ type, payload }) =>
      chrome.runtime.sendMessage<object, { ok: boolean; value?: unknown; error?: string }>({
        engram: 1,
        target: 'engine',
        type,
        payload,
      }),
    { type, payload },
  );
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no reply'}`);
  return reply.value as T;
}
