/**
 * Reading a model host's answer: the range it sent, the size and hash it vouches for, and its
 * body as a stream of byte pieces whose network failures become typed errors.
 */
import { unreachable } from './model-download-error';

/** Bytes as fetch reads them (ArrayBuffer-backed, which Blob and the hash accept). */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface ContentRange {
  start: number;
  end: number;
  /** Null for `bytes a-b/*`. */
  total: number | null;
}

export function contentRangeOf(headers: Headers): ContentRange | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(headers.get('content-range') ?? '');
  if (!match) return undefined;
  const [, start, end, total] = match;
  return { start: Number(start), end: Number(end), total: total === '*' ? null : Number(total) };
}

/** The decoded length of a 200 answer, when the headers tell it. */
export function lengthOf(headers: Headers): number | null {
  const length = headers.get('content-length');
  // A compressed answer's Content-Length counts encoded bytes; fetch hands over decoded ones.
  const encoding = headers.get('content-encoding') ?? 'identity';
  return length !== null && encoding === 'identity' ? Number(length) : null;
}

/** A SHA-256 the host vouches for: the hub's LFS ETag (or X-Linked-Etag where readable). */
export function sha256Of(headers: Headers): string | null {
  for (const name of ['x-linked-etag', 'etag']) {
    const value = headers.get(name);
    // A weak ETag (W/"…") promises equivalent content, not the same bytes.
    const hex = value && !value.startsWith('W/') ? value.replaceAll('"', '') : '';
    if (/^[0-9a-f]{64}$/i.test(hex)) return hex.toLowerCase();
  }
  return null;
}

/** Drops an answer's body unread (and frees its connection). */
export async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * The body's pieces as they arrive. A read that fails (the connection dropped) throws an
 * `unreachable` error for `url`; stopping early cancels the rest of the body.
 */
export async function* piecesOf(response: Response, url: string): AsyncGenerator<Bytes> {
  const reader = response.body?.getReader();
  if (!reader) return;
  let done = false;
  try {
    while (!done) {
      let read: ReadableStreamReadResult<Bytes>;
      try {
        read = await reader.read();
      } catch (error) {
        throw unreachable(url, error);
      }
      done = read.done;
      if (read.value) yield read.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}

/**
 * Aborts a request once no byte has arrived for `ms`: a connection that stalls (a laptop
 * changing networks) can hang for minutes without an error, and a download must move on to a
 * resume instead. `kick()` on every piece read.
 */
export class IdleAbort {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ms: number) {
    this.kick();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  kick(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.controller.abort(new Error(`No data from the model host for ${this.ms / 1000} s`));
    }, this.ms);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
