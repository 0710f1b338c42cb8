/**
 * Why a model file could not be downloaded, as a kind the UI can switch on. The messages also
 * carry the words `describeLoadError` already looks for (network, 404, disk).
 */

export type DownloadFailure =
  /** No answer from the host, or the connection dropped (offline, DNS, host down). */
  | 'unreachable'
  /** The host has no such model or file (401/403/404/410: the hub answers 401 for a missing repo). */
  | 'not-found'
  /** The browser refused to store more (QuotaExceededError), or the estimate says it would. */
  | 'disk-full'
  /** The file failed its size or SHA-256 check twice in a row. */
  | 'corrupt'
  /** Any other HTTP answer (5xx, 429, a host that sends other bytes than asked for). */
  | 'http'
  /** Not fetched: the user has not agreed to download models yet (the modelDownloads setting). */
  | 'not-allowed';

export class ModelDownloadError extends Error {
  override readonly name = 'ModelDownloadError';
  readonly status: number | undefined;

  constructor(
    readonly kind: DownloadFailure,
    readonly url: string,
    message: string,
    options: { cause?: unknown; status?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = options.status;
  }
}

const NOT_FOUND = new Set([401, 403, 404, 410]);

export function isNotFoundStatus(status: number): boolean {
  return NOT_FOUND.has(status);
}

export function unreachable(url: string, cause?: unknown): ModelDownloadError {
  return new ModelDownloadError(
    'unreachable',
    url,
    `Could not reach the model host over the network (offline?) for ${url}`,
    { cause },
  );
}

export function httpFailure(url: string, status: number): ModelDownloadError {
  return isNotFoundStatus(status)
    ? new ModelDownloadError(
        'not-found',
        url,
        `The model host has no ${url} (HTTP ${status}; a private or gated model also answers so)`,
        { status },
      )
    : new ModelDownloadError('http', url, `The model host answered HTTP ${status} for ${url}`, {
        status,
      });
}

export function diskFull(url: string, cause?: unknown): ModelDownloadError {
  return new ModelDownloadError('disk-full', url, `Not enough disk space to keep ${url}`, {
    cause,
  });
}

export function notAllowed(url: string): ModelDownloadError {
  return new ModelDownloadError(
    'not-allowed',
    url,
    `Not downloading ${url}: model downloads wait until you choose to download the models`,
  );
}

function nameOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error
    ? String(error.name)
    : undefined;
}

/**
 * The download failure behind an error thrown while loading a model, or undefined for anything
 * else (a bug should surface as itself). Network failures are wrapped where they happen (around
 * fetch and body reads), never guessed from a TypeError, which a bug throws too. Understands transformers.js's own
 * `ModelFileNotFoundError`, which it throws when the store's fetch answered 404 for a required
 * file (optional files must see a plain 404, so the fetch cannot throw there itself).
 */
export function downloadFailureOf(error: unknown, url = ''): ModelDownloadError | undefined {
  if (error instanceof ModelDownloadError) return error;
  const name = nameOf(error);
  if (name === 'QuotaExceededError') return diskFull(url, error);
  if (name === 'ModelFileNotFoundError') {
    const found = error as { status?: unknown; message?: unknown };
    const status = typeof found.status === 'number' ? found.status : 404;
    const message = String(found.message);
    // Its message is `Could not locate file: "<url>".`; the HTTP status is only a field.
    const named = /"([^"]+)"/.exec(message)?.[1] ?? url;
    return new ModelDownloadError('not-found', named, `${message} (HTTP ${status})`, {
      cause: error,
      status,
    });
  }
  return undefined;
}
