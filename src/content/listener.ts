/**
 * The `runtime.onMessage` listener of the content script, and its one-time installation.
 * Nothing throws out of it: every message we accept gets a `{ok, value} | {ok, error}` reply.
 * `runCommand` has a case for each message of the protocol's `content` target (message.ts
 * `ContentCommand`): a message added there without one here is a type error.
 */
import { t, type MessageKey } from '../shared/i18n';
import type { RequestOf, ResponseOf, Result } from '../shared/protocol';
import { CaptureError } from './capture';
import {
  parseContentMessage,
  type ContentCommand,
  type ContentMessage,
  type SenderInfo,
} from './message';

/** What the page does for each message, with the request and response types of the protocol. */
export interface Handlers {
  /** `content/capture` */
  capture(request: RequestOf<'content/capture'>): ResponseOf<'content/capture'>;
  /** `content/notice` */
  notice(request: RequestOf<'content/notice'>): void;
  /** `content/watch-stop`: stop watching the page (glimpse buffer, automatic capture), forget. */
  stopWatching(): void;
}

export type Reply = Result<ResponseOf<ContentMessage>>;
export type Listener = (
  message: unknown,
  sender: SenderInfo,
  sendResponse: (reply: Reply) => void,
) => boolean | undefined;

/** The slice of `chrome.runtime` this script uses. */
export interface RuntimeLike {
  id: string | undefined;
  getURL(path: string): string;
  onMessage: { addListener(listener: Listener): void; hasListener(listener: Listener): boolean };
}

/** A `CaptureError` as it is (its words are the user's); any other error after `what` failed. */
const describe = (error: unknown, what: MessageKey): string => {
  if (error instanceof CaptureError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return t(what, detail).slice(0, 500);
};

export function runCommand(command: ContentCommand, handlers: Handlers): Reply {
  switch (command.kind) {
    case 'invalid':
      return { ok: false, error: command.error };
    case 'content/capture':
      try {
        return { ok: true, value: handlers.capture(command.request) };
      } catch (error) {
        return { ok: false, error: describe(error, 'noticeReadFailed') };
      }
    case 'content/watch-stop':
      handlers.stopWatching();
      return { ok: true, value: {} };
    case 'content/notice':
      try {
        handlers.notice(command.request);
        return { ok: true, value: {} };
      } catch (error) {
        return { ok: false, error: describe(error, 'noticeShowFailed') };
      }
    default:
      // Each message of the `content` target has its case: a new one without one fails here.
      return command satisfies never;
  }
}

export function createListener(
  handlers: Handlers,
  self: { id: string; extensionOrigin: string },
): Listener {
  return (message, sender, sendResponse) => {
    let command: ContentCommand | null;
    try {
      command = parseContentMessage(message, sender, self);
    } catch {
      return undefined;
    }
    if (!command) return undefined; // not ours: another listener may answer
    const accepted = command;
    // Reply asynchronously (hence `return true`), after the listener has returned.
    void Promise.resolve().then(() => {
      try {
        sendResponse(runCommand(accepted, handlers));
      } catch {
        // The sender went away (tab navigated, worker restarted): nobody is left to tell.
      }
    });
    return true;
  };
}

/** Where the installed listener is remembered: one per isolated world, shared by re-injections. */
const INSTALLED = Symbol.for('engram.content-script.listener');

/**
 * Register the listener unless an earlier injection of this script already did. The service
 * worker injects on every capture; a listener left by a previous extension instance (reloaded or
 * updated) is dead, which `hasListener` on the current runtime reveals, and is replaced.
 */
export function install(scope: object, runtime: RuntimeLike, handlers: Handlers): boolean {
  const slot = scope as { [INSTALLED]?: Listener };
  const previous = slot[INSTALLED];
  try {
    if (previous && runtime.onMessage.hasListener(previous)) return false;
  } catch {
    // An orphaned runtime throws "Extension context invalidated": install a fresh listener.
  }
  if (!runtime.id) return false; // this script itself belongs to a dead extension instance
  const listener = createListener(handlers, {
    id: runtime.id,
    extensionOrigin: runtime.getURL(''),
  });
  runtime.onMessage.addListener(listener);
  slot[INSTALLED] = listener;
  return true;
}
