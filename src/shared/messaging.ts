/**
 * Sending and receiving protocol messages in the extension. Receivers check who sent a message,
 * parse it with the protocol's schema, run the handler, and reply with a Result (see dispatch.ts);
 * senders parse the reply and turn `{ok: false}` into a local error.
 */
import browser from 'webextension-polyfill';
import { classifySender, dispatch, type HandlersFor } from './dispatch';
import {
  envelope,
  protocol,
  resultSchema,
  type MessageFor,
  type MessageName,
  type RequestOf,
  type ResponseOf,
  type Result,
  type Target,
} from './protocol';
import type { Runtime } from 'webextension-polyfill';

export { errorMessage, type HandlersFor, type HandlerTable } from './dispatch';

/**
 * Build the `runtime.onMessage` listener of one context, from its handler table: one handler for
 * each message `target` handles, checked by the compiler. Messages for other targets are ignored
 * (return undefined) so that the context that owns them can answer.
 */
export function createReceiver<T extends Target>(target: T, handlers: NoInfer<HandlersFor<T>>) {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
  return (
    message: unknown,
    sender: Runtime.MessageSender,
  ): Promise<Result<unknown>> | undefined => {
    const parsed = envelope.safeParse(message);
    if (!parsed.success || parsed.data.target !== target) return undefined;
    return dispatch(
      parsed.data.type,
      parsed.data.payload,
      sender,
      classifySender(sender, self),
      handlers,
    );
  };
}

/** Parse a reply with the message's response schema; throw locally on `{ok: false}`. */
function unwrap<N extends MessageName>(name: N, reply: unknown): ResponseOf<N> {
  if (reply === undefined) throw new Error(`No receiver answered "${name}"`);
  const parsed = resultSchema(protocol[name].response).safeParse(reply);
  if (!parsed.success) throw new Error(`Malformed reply to "${name}"`);
  if (!parsed.data.ok) throw new Error(parsed.data.error);
  return parsed.data.value as ResponseOf<N>;
}

/** Send to the background or the engine. */
export async function send<N extends MessageName>(
  name: N,
  payload: RequestOf<N>,
): Promise<ResponseOf<N>> {
  const reply: unknown = await browser.runtime.sendMessage({
    engram: 1,
    target: protocol[name].target,
    type: name,
    payload,
  });
  return unwrap(name, reply);
}

/** Send to the content script of a tab (its top frame unless `frameId` names another). */
export async function sendToTab<N extends MessageFor<'content'>>(
  tabId: number,
  name: N,
  payload: RequestOf<N>,
  frameId = 0,
): Promise<ResponseOf<N>> {
  const reply: unknown = await browser.tabs.sendMessage(
    tabId,
    { engram: 1, target: 'content', type: name, payload },
    { frameId },
  );
  return unwrap(name, reply);
}
