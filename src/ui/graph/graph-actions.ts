/**
 * The user's corrections to the graph: rename an entity, merge one into another, delete one. The
 * background does them (shared/store/entity-edits.ts) and says whether anything changed.
 */
import { send } from '../../shared/messaging';

const done = async (reply: Promise<{ changed: boolean }>): Promise<void> => {
  await reply;
};

export const renameEntity = (entityId: string, name: string) =>
  done(send('graph/rename', { entityId, name }));

export const mergeEntity = (intoId: string, fromId: string) =>
  done(send('graph/merge', { intoId, fromId }));

export const deleteEntity = (entityId: string) => done(send('graph/delete', { entityId }));
