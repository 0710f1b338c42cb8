/**
 * Forgetting from the library goes through the engine's `memory/forget` (which runs
 * store/delete-sources.ts and brings the search indexes in line), by id: the library knows the
 * exact sources the user sees and confirms. Large sets go in batches, so one message stays small.
 */
import { send } from '../../shared/messaging';

const BATCH = 5_000;

export async function forgetIds(ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  await send('engine/ensure', {});
  let deleted = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const reply = await send('memory/forget', { sourceIds: ids.slice(i, i + BATCH) });
    deleted += reply.deleted;
  }
  return deleted;
}
