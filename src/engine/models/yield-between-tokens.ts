/**
 * transformers.js writes an answer in a loop that awaits the model once per token; on the WASM
 * backend that await settles as a microtask, so the loop never gives the event loop a turn until
 * the answer ends. The offscreen document shares its main thread with the extension's pages, so
 * for the whole answer nothing else ran: not the runtime message that carries the chat's Stop
 * (issue 15), not the IndexedDB writes that stream the words so far, not the popup itself. Seen in
 * Chromium with the fixture model made to write 4,000 tokens: no word reached the popup, and a
 * side panel opened meanwhile did not load. So each step first yields a task to the event loop
 * (`scheduler.yield()` where the browser has it: it resumes ahead of other queued work).
 */

interface Forwarding {
  forward(inputs: unknown): Promise<unknown>;
}

const patched = new WeakSet<object>();

type Yield = () => Promise<void>;
const scheduler = (globalThis as { scheduler?: { yield?: Yield } }).scheduler;
const schedulerYield = scheduler?.yield?.bind(scheduler);

export const yieldToEventLoop: Yield =
  schedulerYield ?? (() => new Promise((resolve) => setTimeout(resolve, 0)));

/** Make `model` (a loaded pipeline's model) yield to the event loop before each step; once. */
export function yieldBetweenTokens(model: Forwarding): void {
  if (patched.has(model)) return;
  patched.add(model);
  const forward = model.forward.bind(model);
  model.forward = async (inputs: unknown) => {
    await yieldToEventLoop();
    return forward(inputs);
  };
}
