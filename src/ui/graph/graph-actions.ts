/**
 * The user's corrections to the graph: rename an entity, merge one into another, delete one.
 * The background handles them (issue 14, graph-core). They are sent in the protocol's envelope
 * by name because their schemas are declared with their handlers on that side; once both are
 * merged these become `send('graph/rename', …)` and the reply is parsed by the protocol.
 */
import browser from 'webextension-polyfill';

type GraphAction =
  | { type: 'graph/rename'; payload: { entityId: string; name: string } }
  | { type: 'graph/merge'; payload: { intoId: string; fromId: string } }
  | { type: 'graph/delete'; payload: { entityId: string } };

async function sendAction(action: GraphAction): Promise<void> {
  const reply: { ok?: unknown; error?: unknown } | undefined = await browser.runtime.sendMessage({
    engram: 1,
    target: 'background',
    ...action,
  });
  if (reply?.ok === true) return;
  throw new Error(typeof reply?.error === 'string' ? reply.error : `No answer to ${action.type}`);
}

export const renameEntity = (entityId: string, name: string) =>
  sendAction({ type: 'graph/rename', payload: { entityId, name } });

export const mergeEntity = (intoId: string, fromId: string) =>
  sendAction({ type: 'graph/merge', payload: { intoId, fromId } });

export const deleteEntity = (entityId: string) =>
  sendAction({ type: 'graph/delete', payload: { entityId } });
