/**
 * The downloaded model files on this device: how many bytes each model keeps, and deleting them
 * to free the space. Model files live in Cache Storage under the extension's origin, keyed by
 * their URL in the model host's layout (`…/<owner>/<name>/resolve/<revision>/<file>`, with a
 * `?engram=part-N` or `?engram=meta` suffix per stored part; see engine/downloads/cached-files.ts), so pages
 * (the settings page) can measure and delete them without the engine running.
 */
/** The engine's model store keeps each file as parts plus a record, all under the file's URL. */
export const MODEL_CACHE = 'engram-models-v1';

const modelOf = (url: string): string | undefined =>
  /\/([^/]+\/[^/]+)\/resolve\//.exec(new URL(url).pathname)?.[1];

async function bodySize(response: Response): Promise<number> {
  const header = Number(response.headers.get('content-length'));
  return Number.isFinite(header) && header > 0 ? header : (await response.blob()).size;
}

/** Bytes cached per model id. */
export async function modelFilesUsage(): Promise<Record<string, number>> {
  const usage: Record<string, number> = {};
  if (!(await caches.has(MODEL_CACHE))) return usage;
  const cache = await caches.open(MODEL_CACHE);
  for (const request of await cache.keys()) {
    const id = modelOf(request.url);
    const response = id ? await cache.match(request) : undefined;
    if (id && response) usage[id] = (usage[id] ?? 0) + (await bodySize(response));
  }
  return usage;
}

/** Delete every cached file of a model; it downloads again the next time it is needed. */
export async function deleteModelFiles(id: string): Promise<number> {
  if (!(await caches.has(MODEL_CACHE))) return 0;
  const cache = await caches.open(MODEL_CACHE);
  let deleted = 0;
  for (const request of await cache.keys()) {
    if (modelOf(request.url) === id && (await cache.delete(request))) deleted++;
  }
  return deleted;
}
