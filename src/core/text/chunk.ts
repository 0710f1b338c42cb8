/**
 * Chunking for retrieval: paragraphs, then sentences packed into chunks within a token budget,
 * with trailing whole sentences of one chunk repeated at the start of the next (overlap), so a
 * fact that straddles a cut is still found whole in one chunk.
 */
import { splitOversized } from './chunk-split';
import { sentenceSpans, type Span } from './sentences';
import { tokenTenths } from './tokenize';

export interface TextChunk {
  /** Exactly input.slice(start, end), trimmed of whitespace. */
  text: string;
  /** UTF-16 offsets into the input, always on grapheme-cluster boundaries. */
  start: number;
  end: number;
}

export interface ChunkOptions {
  maxTokens?: number;
  overlapTokens?: number;
}

interface Unit extends Span {
  tenths: number;
}

/** A blank line (possibly holding spaces, tabs or CRs) separates paragraphs. */
const BLANK_LINE = /\n[^\S\n]*\n/g;

function* paragraphs(text: string): Generator<Span> {
  let start = 0;
  for (const m of text.matchAll(BLANK_LINE)) {
    yield { start, end: m.index };
    start = m.index + m[0].length;
  }
  yield { start, end: text.length };
}

/** The sentences of a paragraph as units within budget (over-long ones split). */
function units(text: string, para: Span, budget: number): Unit[] {
  const out: Unit[] = [];
  for (const s of sentenceSpans(text, para.start, para.end)) {
    const tenths = tokenTenths(text.slice(s.start, s.end));
    const pieces = tenths <= budget ? [s] : splitOversized(text, s.start, s.end, budget);
    for (const p of pieces) {
      out.push({ ...p, tenths: p === s ? tenths : tokenTenths(text.slice(p.start, p.end)) });
    }
  }
  return out;
}

const sum = (us: readonly Unit[]): number => us.reduce((n, u) => n + u.tenths, 0);

/** The longest proper suffix of `chunk` whose estimate is at most `room`. */
function overlapTail(chunk: readonly Unit[], room: number): Unit[] {
  let i = chunk.length;
  let used = 0;
  while (i > 1) {
    const u = chunk[i - 1];
    if (!u || used + u.tenths > room) break;
    used += u.tenths;
    i -= 1;
  }
  return chunk.slice(i);
}

/**
 * Splits text into chunks of at most `maxTokens` (estimateTokens) each, except a chunk holding a
 * single grapheme cluster larger than that. Whitespace-only input gives []. Deterministic.
 * Chunks may span short paragraphs; a paragraph that does not fit the room left starts a new chunk
 * (unless it is itself over budget and the current chunk is less than half full).
 */
export function chunkText(text: string, opts: ChunkOptions = {}): TextChunk[] {
  const budget = Math.max(1, Math.floor(opts.maxTokens ?? 200)) * 10;
  const overlap = Math.max(0, Math.floor(opts.overlapTokens ?? 40)) * 10;
  const chunks: TextChunk[] = [];
  let current: Unit[] = [];
  let tenths = 0;
  const flush = (carry: Unit[]): void => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && last) {
      chunks.push({ text: text.slice(first.start, last.end), start: first.start, end: last.end });
    }
    current = carry;
    tenths = sum(carry);
  };

  for (const para of paragraphs(text)) {
    const paraUnits = units(text, para, budget);
    const paraTenths = sum(paraUnits);
    if (tenths + paraTenths > budget && (paraTenths <= budget || tenths * 2 >= budget)) flush([]);
    for (const u of paraUnits) {
      if (current.length > 0 && tenths + u.tenths > budget) {
        flush(overlapTail(current, Math.min(overlap, budget - u.tenths)));
      }
      current.push(u);
      tenths += u.tenths;
    }
  }
  flush([]);
  return chunks;
}
