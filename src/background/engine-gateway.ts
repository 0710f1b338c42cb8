/**
 * The one way the service worker reaches the engine (issue 9). The engine lives in the offscreen
 * document (models need WASM threads and WebGPU, which the service worker lacks); this module owns
 * that document. Only one may exist: creation is guarded by `runtime.getContexts` and an in-flight
 * promise, so concurrent callers share one creation.
 *
 * The engine is ready for messages once its listener is registered, which its entry
 * (engine/main.ts) does first; its handlers then wait for the models and indexes themselves. So
 * the engine says it is ready by answering. Before that, Chrome rejects a message with "Receiving
 * end does not exist": right after creation, while the document still loads its modules (seen in
 * headless Chromium, commit 5e7f056), while it reloads (after re-embedding), or once it is gone
 * (closed, or crashed: Chrome does not restart it). Such a message reached nobody, so it is safe
 * to send again: `sendToEngine` tries again, creating the document again if it is gone, with waits
 * growing from 50 to 500 ms, for about 15 s, then gives up with `EngineUnavailableError`. Any
 * other error is the engine's own answer and is passed on at once.
 */
import { ENGINE_DOCUMENT } from '../shared/dispatch';
import { WORK_CHECK_ALARM } from '../shared/engine-lifeline';
import { errorMessage, send } from '../shared/messaging';
import type { MessageName, RequestOf, ResponseOf } from '../shared/protocol';

/** How many times one message is tried: about 15 s with the waits of `waitBefore`. */
export const ENGINE_TRIES = 35;
const waitBefore = (retry: number): number => Math.min(50 * retry, 500);

let creating: Promise<void> | undefined;

/** The engine did not come to listen within the bound (or could not be created). */
export class EngineUnavailableError extends Error {
  override name = 'EngineUnavailableError';
}

/** Whether the engine document exists now (it is not created for asking). */
export const engineRunning = (): Promise<boolean> => engineExists();

async function engineExists(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [chrome.runtime.getURL(ENGINE_DOCUMENT)],
  });
  return contexts.length > 0;
}

/** Close the engine (if it runs) and start it again: it rereads the settings on start. */
export async function restartEngine(): Promise<void> {
  await creating?.catch(() => undefined);
  if (await engineExists()) await chrome.offscreen.closeDocument();
  await ensureEngine();
}

/**
 * Make sure the engine document exists. It resumes queued work by itself when it starts; a
 * message for it goes through `sendToEngine`, which also waits for it to listen.
 */
export async function ensureEngine(): Promise<void> {
  if (await engineExists()) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: ENGINE_DOCUMENT,
      reasons: [chrome.offscreen.Reason.WORKERS],
      // i18n-exempt: for Chrome and the store's reviewers; Chrome does not show it to users
      justification: 'Runs the on-device models and the search index of your memory.',
    })
    .catch(async (error: unknown) => {
      // Another caller may have won the race between our check and the creation.
      if (!(await engineExists())) throw error;
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

/**
 * Send to the engine: create it if it is not running, wait for it to listen, and create it again
 * if it went away; within the bound above.
 */
export async function sendToEngine<N extends MessageName>(
  name: N,
  payload: RequestOf<N>,
): Promise<ResponseOf<N>> {
  if (name === 'engine/ingest' || name === 'engine/answer') {
    await armWorkCheck().catch((error: unknown) => console.warn('Engram: work check:', error));
  }
  let unanswered: unknown;
  for (let attempt = 0; attempt < ENGINE_TRIES; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, waitBefore(attempt)));
    await ensureEngine();
    try {
      return await send(name, payload);
    } catch (error) {
      if (!isNoReceiver(error)) throw error;
      unanswered = error;
    }
  }
  throw new EngineUnavailableError(
    `Engram's engine did not answer "${name}" (tried for about 15 s): ${errorMessage(unanswered)}`,
  );
}

/**
 * Make sure the engine runs and answers: for `engine/ensure`, after which an extension page may
 * message the engine directly (the settings page's `memory/forget`) without meeting a document
 * that exists but does not listen yet.
 */
export async function engineListening(): Promise<void> {
  await sendToEngine('engine/status', {});
}

/**
 * While work is queued, an alarm looks every 30 s for an engine that died with it (work-watch.ts):
 * armed where work (a job, an answer) is handed to the engine, cleared there once none is left.
 */
export async function armWorkCheck(): Promise<void> {
  if (await chrome.alarms.get(WORK_CHECK_ALARM)) return;
  await chrome.alarms.create(WORK_CHECK_ALARM, { periodInMinutes: 0.5 });
}

/** Tell the engine there is work to index; if it is just starting it finds the work by itself. */
export async function wakeEngine(): Promise<void> {
  try {
    await sendToEngine('engine/ingest', {});
  } catch (error) {
    console.warn('Engram: the engine will index the capture when it next starts:', error);
  }
}

const isNoReceiver = (error: unknown): boolean =>
  /Receiving end does not exist|No receiver answered/i.test(errorMessage(error));
