/**
 * Protocol messages to the engine, sent from the service worker as the worker sends them, and
 * messages from an extension page.
 */
import type { Page, Worker } from 'playwright-core';

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

/** A protocol message from an extension page, as the settings and library pages send it. */
export async function sendFromPage<T>(
  page: Page,
  target: string,
  type: string,
  payload: unknown,
): Promise<T> {
  const reply = await page.evaluate<
    { ok: boolean; value?: unknown; error?: string },
    readonly [string, string, unknown]
  >(
    ([target, type, payload]) => chrome.runtime.sendMessage({ engram: 1, target, type, payload }),
    [target, type, payload],
  );
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value as T;
}
