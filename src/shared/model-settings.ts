/**
 * The models' own settings, in the `settings` table beside the others and validated with zod on
 * read like them (settings.ts), kept here so the model runtime's knobs live with it.
 */
import { z } from 'zod';
import type { EngramDb } from './db';

/**
 * Minutes a model may sit unused before it is unloaded to free memory (it reloads from the cache
 * when next needed); 0 keeps models loaded. Ten minutes: a chat session keeps its models, an
 * afternoon of browsing does not hold hundreds of MB for nothing.
 */
export const modelIdleMinutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60)
  .default(10);
export const MODEL_IDLE_KEY = 'modelIdleMinutes';

export async function readModelIdleMinutes(db: EngramDb): Promise<number> {
  const row = await db.settings.get(MODEL_IDLE_KEY);
  const parsed = modelIdleMinutes.safeParse(row?.value);
  if (parsed.success) return parsed.data;
  console.warn(`Engram: setting "${MODEL_IDLE_KEY}" is invalid; using the default`);
  return modelIdleMinutes.parse(undefined);
}

export async function writeModelIdleMinutes(db: EngramDb, minutes: number): Promise<void> {
  await db.settings.put({ key: MODEL_IDLE_KEY, value: modelIdleMinutes.parse(minutes) });
}
