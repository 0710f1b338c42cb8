/**
 * The engine's lifeline to the service worker (issue 12): a `runtime.connect` port the engine
 * holds while it has work. Chrome gives the service worker no event when the offscreen document
 * dies (a crash, out of memory, closed), but a port's other end disconnects: the worker then
 * starts the engine again if work is left (background/work-watch.ts).
 */
export const ENGINE_LIFELINE = 'engram-engine-lifeline';

/** The alarm that looks for work left without an engine, while there is work. */
export const WORK_CHECK_ALARM = 'engram-work-check';
