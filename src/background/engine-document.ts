/**
 * The engine lives in the offscreen document (models need WASM threads and WebGPU, which the
 * service worker lacks). Only one offscreen document may exist; creation is guarded by
 * `runtime.getContexts` and an in-flight promise so concurrent callers share one creation.
 */
import { errorMessage, send } from '../shared/messaging';
import type { MessageName, RequestOf, ResponseOf } from '../shared/protocol';

const ENGINE_PATH = 'offscreen.html';
let creating: Promise<void> | undefined;

/** Whether the engine document exists now (it is not created for asking). */
export const engineRunning = (): Promise<boolean> => engineExists();

async function engineExists(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [chrome.runtime.getURL(ENGINE_PATH)],
  });
  return contexts.length > 0;
}

/** Close the engine (if it runs) and start it again: it rereads the settings on start. */
export async function restartEngine(): Promise<void> {
  await creating?.catch(() => undefined);
  if (await engineExists()) await chrome.offscreen.closeDocument();
  await ensureEngine();
}

/** Make sure the engine runs. It resumes queued work by itself when it starts. */
export async function ensureEngine(): Promise<void> {
  if (await engineExists()) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: ENGINE_PATH,
      reasons: [chrome.offscreen.Reason.WORKERS],
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
 * Send to the engine, creating it first if it is not running, and once more if it went away
 * between the check and the message (closed, or crashed: Chrome does not restart it).
 */
export async function sendToEngine<N extends MessageName>(
  name: N,
  payload: RequestOf<N>,
): Promise<ResponseOf<N>> {
  await ensureEngine();
  try {
    return await send(name, payload);
  } catch (error) {
    if (!isNoReceiver(error) || (await engineExists())) throw error;
    await ensureEngine();
    return send(name, payload);
  }
}

const isNoReceiver = (error: unknown): boolean =>
  /Receiving end does not exist|No receiver answered/i.test(errorMessage(error));
