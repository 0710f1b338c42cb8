/**
 * A file's lines, streamed: bytes are decoded as they arrive (`TextDecoderStream`, fatal on bad
 * UTF-8) and cut at newlines, so a 2 GB file is read a few kilobytes at a time. A line longer than
 * `maxLineChars` is refused as soon as that many characters arrive without a newline: one huge
 * line cannot fill the memory either.
 */
import { ImportError } from './import-error';

export interface Line {
  /** 1-based, as an editor counts. */
  n: number;
  text: string;
  /** The file ended inside this line (no newline after it). */
  unterminated?: boolean;
}

/** Bytes read so far, for progress. */
export type ByteCounter = (bytes: number) => void;

export async function* readLines(
  stream: ReadableStream<Uint8Array>,
  maxLineChars: number,
  onBytes?: ByteCounter,
): AsyncGenerator<Line> {
  let bytes = 0;
  const counted = stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array<ArrayBuffer>>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        onBytes?.(bytes);
        controller.enqueue(chunk as Uint8Array<ArrayBuffer>);
      },
    }),
  );
  const reader = counted.pipeThrough(new TextDecoderStream('utf-8', { fatal: true })).getReader();
  let pending = '';
  let n = 1;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch {
        throw new ImportError('not-utf8', n);
      }
      if (chunk.done) break;
      pending += chunk.value;
      let start = 0;
      for (let newline = pending.indexOf('\n'); newline >= 0;) {
        const text = pending.slice(start, newline);
        yield { n, text: text.endsWith('\r') ? text.slice(0, -1) : text };
        n++;
        start = newline + 1;
        newline = pending.indexOf('\n', start);
      }
      pending = pending.slice(start);
      if (pending.length > maxLineChars) throw new ImportError('line-too-long', n);
    }
    // The writer ends every line with a newline: text after the last one is a line cut short.
    if (pending !== '') yield { n, text: pending, unterminated: true };
  } finally {
    // Stop reading the file when the caller stops early (a bad line): the rest is never read.
    await reader.cancel().catch(() => undefined);
  }
}
