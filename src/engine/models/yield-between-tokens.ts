/**
 * transformers.js writes an answer in a loop that awaits the model once per token; on the WASM
 * backend that await settles as a microtask, so the loop never gives the event loop a turn until
 * the answer ends. The offscreen document shares its main thread with the extension's pages, so
 * for the whole answer nothing else ran: not the runtime message that carries the chat's Stop
 * (issue 15), not the IndexedDB writes that stream the words so far, not the popup itself. Seen in
 * Chromium with the fixture model made to write 4,000 tokens: no word reached the popup, and a
 * side panel opened meanwhile did not load. So each step first yields a task to the event loop.
 */

interface Forwarding {
  forward(inputs: unknown): Promise<unknown>;
}

const patched = new WeakSet<object>();

/**
 * A task of its own, through a message channel: not `scheduler.yield()`, whose continuation is
 * queued ahead of other work and so may run before the message carrying Stop; not a 0 ms timer,
 * which Chromium clamps to 4 ms once timers nest.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

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
