/**
 * The user's graph edits (rename, merge, delete: store/entity-edits.ts) are made in the service
 * worker, while the engine's name matcher (engine/ingest/known-entities.ts) holds the names in
 * memory in the offscreen document. A broadcast between the extension's own contexts tells the
 * matcher to read them again; a context that is not running reads them fresh when it starts.
 */
const CHANNEL = 'engram-graph-edits';

/** Tells every other context of the extension that the graph's names changed. */
export function announceGraphEdit(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('edited');
  channel.close();
}

/** Calls `listener` at each edit announced elsewhere; returns the way to stop listening. */
export function onGraphEdit(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}
