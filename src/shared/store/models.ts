/**
 * The `models` table: the live state of each model the engine has loaded (loading with its bytes,
 * ready, failed and why), written by the engine (engine/models/model-state.ts) and followed live by
 * every page. Which models are chosen, and which embedding model is in use, are settings
 * (shared/settings.ts: `embeddingModel`, `generationModel`, `activeEmbeddingModel`).
 */
import type { EngramDb, ModelRow } from '../db';

export async function writeModelState(db: EngramDb, row: ModelRow): Promise<void> {
  await db.models.put(row);
}

/** Every model's last known state. */
export const modelStates = (db: EngramDb): Promise<ModelRow[]> => db.models.toArray();
