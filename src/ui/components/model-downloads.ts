/**
 * The user's go-ahead for model downloads (issue 10), shared by the welcome page, the popup and
 * Settings: which models would be downloaded and how big they are, and the one way to allow it.
 */
import { db } from '../../shared/db';
import { send } from '../../shared/messaging';
import { downloadSize, modelSpec, type ModelSpec } from '../../shared/model-registry';
import { readSettings, writeSetting } from '../../shared/settings';

export interface PlannedModel {
  spec: ModelSpec;
  /** The download without WebGPU (what every device can run); undefined where unknown. */
  bytes: number | undefined;
}

/** The models the settings name, embedding model first, with their download sizes. */
export async function configuredModels(): Promise<PlannedModel[]> {
  const settings = await readSettings(db(), ['embeddingModel', 'generationModel']);
  return [settings.embeddingModel, settings.generationModel].flatMap((id) => {
    const spec = modelSpec(id);
    return spec ? [{ spec, bytes: downloadSize(spec, 'wasm') }] : [];
  });
}

/** The bytes of `ids` together, or undefined if any size is unknown. */
export function totalBytes(ids: readonly string[]): number | undefined {
  let total = 0;
  for (const id of ids) {
    const spec = modelSpec(id);
    const bytes = spec && downloadSize(spec, 'wasm');
    if (bytes === undefined) return undefined;
    total += bytes;
  }
  return total;
}

/**
 * "Download now": remember the go-ahead, then wake the engine. A running engine starts loading as
 * soon as it sees the setting change (engine/models/model-handlers.ts); one that is not running
 * starts and loads with downloads allowed.
 */
export async function allowModelDownloads(): Promise<void> {
  await writeSetting(db(), 'modelDownloads', 'allowed');
  await send('engine/ensure', {});
}
