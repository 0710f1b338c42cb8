/**
 * Known entities in new text (issue 14): a person first seen as an author is found later in the
 * text of other pages. An Aho–Corasick automaton over the keys of the names already in the graph,
 * run over the text folded the same way (match-fold.ts), so "Jose Garcia" finds "José García" and
 * "DR. JANE CHEN" finds "Jane Chen". A Latin match must start and end at a word boundary ("Jane"
 * is not found in "Janet"); a CJK match needs none (Chinese is written without spaces).
 *
 * Not privacy/keyword-set.ts: that automaton is a dense table of state × alphabet, right for ~300
 * ASCII keywords on the redaction hot path, but thousands of names with Chinese characters would
 * make its alphabet thousands wide (gigabytes of table), and it reports neither positions nor
 * boundaries. Here the edges are one sparse Map, about 50 bytes an edge.
 */
import { entityKey } from './entity-key';
import { foldForMatch, isCjk } from './match-fold';

export interface KnownName {
  /** The entity's id (entityId of its key). Several names (aliases) may share an id. */
  id: string;
  name: string;
}

export interface EntityMatch {
  id: string;
  /** Offsets in the original text. */
  start: number;
  end: number;
}

/** Keys shorter than this are never looked for: one letter or one CJK character is noise. */
const MIN_KEY = 2;
/** Latin keys this short match only as written ("US" the place, not "us"). */
const SHORT_KEY = 3;
const EDGE_BASE = 0x10000;

interface Pattern {
  id: string;
  length: number;
  /** For short Latin names: the letters as written, compared with the text's. */
  exact?: string;
}

const lettersOf = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '');

export class EntityMatcher {
  private readonly edges = new Map<number, number>();
  private readonly fail: Int32Array;
  /** state → the patterns ending there, its own and its failure chain's (shared arrays). */
  private readonly output: ReadonlyArray<Pattern[] | undefined>;

  constructor(names: Iterable<KnownName>) {
    // The trie, with each state's children as a linked list (first child, next sibling) and the
    // unit on the edge into it: no array per state, which at 100,000 states was most of the cost.
    const output: Array<Pattern[] | undefined> = [undefined];
    const firstChild: number[] = [0];
    const nextSibling: number[] = [0];
    const unitInto: number[] = [0];
    const seen = new Set<string>();
    for (const { id, name } of names) {
      const key = entityKey(name);
      if (key.length < MIN_KEY || seen.has(`${id}\u0000${key}`)) continue;
      seen.add(`${id}\u0000${key}`);
      let state = 0;
      for (let i = 0; i < key.length; i++) {
        const unit = key.charCodeAt(i);
        let next = this.edges.get(state * EDGE_BASE + unit);
        if (next === undefined) {
          next = output.length;
          output.push(undefined);
          unitInto.push(unit);
          nextSibling.push(firstChild[state] ?? 0);
          firstChild.push(0);
          firstChild[state] = next;
          this.edges.set(state * EDGE_BASE + unit, next);
        }
        state = next;
      }
      const short = key.length <= SHORT_KEY && !isCjk(key) && name !== name.toLowerCase();
      const pattern = short
        ? { id, length: key.length, exact: lettersOf(name) }
        : { id, length: key.length };
      (output[state] ??= []).push(pattern);
    }
    // Failure links, breadth first; a state inherits the patterns of its failure state (suffixes).
    const fail = new Int32Array(output.length);
    const queue: number[] = [];
    for (let c = firstChild[0] ?? 0; c !== 0; c = nextSibling[c] ?? 0) queue.push(c);
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q] ?? 0;
      for (let child = firstChild[state] ?? 0; child !== 0; child = nextSibling[child] ?? 0) {
        const unit = unitInto[child] ?? 0;
        let f = fail[state] ?? 0;
        let to = this.edges.get(f * EDGE_BASE + unit);
        while (to === undefined && f !== 0) {
          f = fail[f] ?? 0;
          to = this.edges.get(f * EDGE_BASE + unit);
        }
        fail[child] = to ?? 0;
        const inherited = output[fail[child] ?? 0];
        if (inherited) output[child] = [...(output[child] ?? []), ...inherited];
        queue.push(child);
      }
    }
    this.fail = fail;
    this.output = output;
  }

  get size(): number {
    return this.output.length - 1;
  }

  /**
   * The known entities in `text`, in order, leftmost-longest and never overlapping ("Jane Doe
   * Smith" as one entity, not "Jane Doe" inside it), at most `limit`.
   */
  find(text: string, limit = 1_000): EntityMatch[] {
    const { text: folded, origin } = foldForMatch(text);
    const raw: Array<{ p: Pattern; start: number; end: number }> = [];
    let state = 0;
    for (let i = 0; i < folded.length; i++) {
      const code = folded.charCodeAt(i);
      let next = this.edges.get(state * EDGE_BASE + code);
      while (next === undefined && state !== 0) {
        state = this.fail[state] ?? 0;
        next = this.edges.get(state * EDGE_BASE + code);
      }
      state = next ?? 0;
      const ending = this.output[state];
      if (!ending || ending.length === 0) continue;
      for (const p of ending) {
        const start = i + 1 - p.length;
        if (this.bounded(folded, start, i + 1)) raw.push({ p, start, end: i + 1 });
      }
    }
    raw.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: EntityMatch[] = [];
    let covered = 0;
    for (const m of raw) {
      if (m.start < covered) continue;
      const start = origin[m.start] ?? 0;
      // The end is just past the original character of the last folded one (the folded text's
      // next character may lie beyond deleted punctuation).
      const last = origin[m.end - 1] ?? 0;
      const high = text.charCodeAt(last);
      const end = last + (high >= 0xd800 && high <= 0xdbff ? 2 : 1);
      if (m.p.exact !== undefined && lettersOf(text.slice(start, end)) !== m.p.exact) continue;
      out.push({ id: m.p.id, start, end });
      covered = m.end;
      if (out.length >= limit) break;
    }
    return out;
  }

  /** How often each known entity occurs in `text`. */
  counts(text: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.find(text, Infinity)) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
    return counts;
  }

  /** A Latin edge must be the text's edge or a space; a CJK character on either side needs none. */
  private bounded(folded: string, start: number, end: number): boolean {
    const ok = (inside: string, outside: string | undefined): boolean =>
      outside === undefined || outside === ' ' || isCjk(inside) || isCjk(outside);
    return ok(folded[start] ?? '', folded[start - 1]) && ok(folded[end - 1] ?? '', folded[end]);
  }
}
