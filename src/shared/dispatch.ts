/**
 * The receiving half of the protocol, free of browser APIs so it is tested in Node: who sent a
 * message, whether they may, whether it parses, and a Result whatever the handler does.
 */
import type { Runtime } from 'webextension-polyfill';
import type { z } from 'zod';
import { payloadProblem } from '../core/plain-data';
import { errorMessage } from './error-message';
import {
  isMessageName,
  protocol,
  type MessageFor,
  type MessageName,
  type RequestOf,
  type ResponseOf,
  type Result,
  type SenderKind,
  type Target,
} from './protocol';

export type Handler<N extends MessageName> = (
  request: RequestOf<N>,
  sender: Runtime.MessageSender,
) => Promise<ResponseOf<N>>;

/** A handler for each of the messages `N`: a part of a table (engine/models/model-handlers.ts). */
export type HandlerTable<N extends MessageName> = { [K in N]: Handler<K> };

/**
 * The handler table of one context: a handler for every message that `target` handles (a missing
 * one is a type error) and none for another context's messages.
 */
export type HandlersFor<T extends Target> = HandlerTable<MessageFor<T>> & {
  [N in Exclude<MessageName, MessageFor<T>>]?: never;
};

/** Handlers as `dispatch` looks them up at run time, where a missing one is still an error reply. */
export type Handlers = { [N in MessageName]?: Handler<N> };

/** The engine's document (vite.config.ts builds src/engine/offscreen.html to the top of dist). */
export const ENGINE_DOCUMENT = 'offscreen.html';

/** Who sent a message, or null for anything foreign (another extension, a web page). */
export function classifySender(
  sender: Runtime.MessageSender,
  self: { id: string; origin: string },
): SenderKind | null {
  if (sender.id !== self.id) return null;
  const url = sender.url ?? '';
  if (url.startsWith(self.origin)) {
    // The service worker has no document and no tab; its URL is the worker script.
    if (/\/sw\.js(?:$|\?)/.test(url) && !sender.tab) return 'background';
    // The engine is the offscreen document, which has no tab: the same page opened in a tab runs
    // no engine the background started, and is a plain extension page.
    const path = url.slice(self.origin.length).replace(/[?#].*$/s, '');
    return path === ENGINE_DOCUMENT && !sender.tab ? 'engine' : 'extension';
  }
  if (sender.tab && /^https?:/i.test(url) && typeof sender.frameId === 'number') return 'content';
  return null;
}

export { errorMessage };

/** A message refused before any handler ran: a bug or a stray sender, worded for developers. */
const protocolError = (error: string): Result<never> => ({ ok: false, error: error.slice(0, 500) });

/** Who was refused, in the words of the error reply (for developers, like every protocol error). */
const SENDER_NAMES: Record<SenderKind | 'foreign', string> = {
  extension: 'An extension page', // i18n-exempt: a protocol error, for developers
  engine: 'The engine', // i18n-exempt: a protocol error, for developers
  background: 'The service worker', // i18n-exempt: a protocol error, for developers
  content: 'A content script', // i18n-exempt: a protocol error, for developers
  foreign:
    // i18n-exempt: a protocol error, for developers
    'A sender outside this extension (another extension, a web page or a frame without a tab)',
};

/** The first problem zod found, with where: `question: Too big: …`. */
function describeIssue(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  if (!issue) return 'bad input';
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the request';
  return `${where.slice(0, 100)}: ${issue.message}`;
}

export async function dispatch(
  type: string,
  payload: unknown,
  sender: Runtime.MessageSender,
  from: SenderKind | null,
  handlers: Handlers,
): Promise<Result<unknown>> {
  if (!isMessageName(type)) return protocolError(`Unknown message "${type.slice(0, 100)}"`);
  const definition = protocol[type];
  const handler = handlers[type];
  if (!handler) return protocolError(`No handler for "${type}" here`);
  if (!from || !(definition.from as readonly SenderKind[]).includes(from)) {
    return protocolError(`${SENDER_NAMES[from ?? 'foreign']} may not send "${type}"`);
  }
  const problem = payloadProblem(payload);
  if (problem) return protocolError(`Invalid "${type}": ${problem}`);
  const request = definition.request.safeParse(payload);
  if (!request.success) {
    return protocolError(`Invalid "${type}": ${describeIssue(request.error.issues)}`);
  }
  try {
    // The cast is sound: `request.data` was parsed by this message's own schema.
    const value = await (handler as (r: unknown, s: Runtime.MessageSender) => Promise<unknown>)(
      request.data,
      sender,
    );
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
