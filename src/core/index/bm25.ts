/**
 * Okapi BM25 keyword index over `tokenize` (so Chinese works through Intl.Segmenter), kept
 * incrementally and compact enough for a million chunks (issue 4): documents are numbered in the
 * order they arrive, postings are varint gaps in typed arrays (bm25-postings.ts), and a removed
 * document is only marked dead until dead ones pass a quarter of all, when the lists are
 * rewritten without them. A snapshot is that rewritten form: a cold start adopts its arrays and
 * re-tokenises nothing.
 *
 * Document frequencies count dead documents until the next rewrite, so after removals the
 * weights drift slightly (never which documents match).
 */
import { PostingLists, grown } from './bm25-postings';
import { TopK, type Scored } from './top-k';
import { tokenize } from '../text/tokenize';

/** Standard Okapi constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** Rewrite without dead documents once they are this share of all (and at least a few). */
const DEAD_SHARE = 0.25;
const DEAD_MIN = 64;

export const BM25_SNAPSHOT_FORMAT = 'engram-bm25/1';

/** The persisted form: plain arrays that IndexedDB stores by structured clone. */
export interface Bm25Snapshot {
  format: typeof BM25_SNAPSHOT_FORMAT;
  terms: string[];
  offsets: Uint32Array;
  postings: Uint8Array;
  lastDoc: Int32Array;
  df: Uint32Array;
  /** Document d is ids[d], with lengths[d] tokens. */
  ids: string[];
  lengths: Uint32Array;
}

export class Bm25Index {
  private termOf = new Map<string, number>();
  private postings = new PostingLists();
  /** Document number → id; undefined once removed. */
  private docIds: Array<string | undefined> = [];
  private readonly docOf = new Map<string, number>();
  private lengths: Uint32Array = new Uint32Array(0);
  private totalLength = 0;
  private dead = 0;
  private scores = new Float64Array(0);

  get size(): number {
    return this.docOf.size;
  }

  has(id: string): boolean {
    return this.docOf.has(id);
  }

  /** The ids of every document, in no promised order. */
  ids(): IterableIterator<string> {
    return this.docOf.keys();
  }

  /** Bytes of the postings, for the benchmark. */
  get postingBytes(): number {
    return this.postings.bytes;
  }

  /** Indexes text under id, replacing what id held before. */
  add(id: string, text: string): void {
    this.remove(id);
    const terms = new Map<string, number>();
    const tokens = tokenize(text);
    for (const t of tokens) terms.set(t, (terms.get(t) ?? 0) + 1);
    const doc = this.docIds.length;
    this.docIds.push(id);
    this.docOf.set(id, doc);
    this.lengths = grown(this.lengths, doc + 1);
    this.lengths[doc] = tokens.length;
    this.totalLength += tokens.length;
    for (const [term, tf] of terms) {
      let t = this.termOf.get(term);
      if (t === undefined) this.termOf.set(term, (t = this.postings.addTerm()));
      this.postings.append(t, doc, tf);
    }
  }

  remove(id: string): boolean {
    const doc = this.docOf.get(id);
    if (doc === undefined) return false;
    this.docOf.delete(id);
    this.docIds[doc] = undefined;
    this.totalLength -= this.lengths[doc] ?? 0;
    this.dead++;
    if (this.dead >= DEAD_MIN && this.dead > DEAD_SHARE * this.docIds.length) this.compact();
    return true;
  }

  /**
   * Documents holding the (already tokenized) term, capped at size: what search weighs it by
   * (dead documents count until the next rewrite, as there). 0 for a term in no document.
   */
  documentFrequency(term: string): number {
    const t = this.termOf.get(term);
    return t === undefined ? 0 : Math.min(this.postings.df[t] ?? 0, this.docOf.size);
  }

  /**
   * The k best documents for query, best first (ties by id). Documents sharing no term with the
   * query are not returned; `filter` drops ids before ranking (e.g. a time range).
   */
  search(query: string, k: number, filter?: (id: string) => boolean): Scored[] {
    const n = this.docOf.size;
    if (n === 0 || k <= 0) return [];
    const avgLength = this.totalLength / n || 1;
    const { docIds, lengths } = this;
    const scores = (this.scores = grown(this.scores, docIds.length));
    const touched: number[] = [];
    for (const term of new Set(tokenize(query))) {
      const t = this.termOf.get(term);
      if (t === undefined) continue;
      const df = Math.min(this.postings.df[t] ?? 0, n);
      // Lucene's idf: always positive, so a term in most documents still counts a little.
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      this.postings.forEach(t, (doc, tf) => {
        if (docIds[doc] === undefined) return;
        const norm = tf + K1 * (1 - B + (B * lengths[doc]!) / avgLength);
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += (idf * tf * (K1 + 1)) / norm;
      });
    }
    const top = new TopK(k);
    for (const doc of touched) {
      const id = docIds[doc]!;
      if (!filter || filter(id)) top.push(id, scores[doc]!);
      scores[doc] = 0;
    }
    return top.result();
  }

  /** The index in its compact form (dead documents dropped): copies, or arrays it never mutates. */
  toSnapshot(): Bm25Snapshot {
    this.compact();
    const terms: string[] = new Array<string>(this.termOf.size);
    for (const [term, t] of this.termOf) terms[t] = term;
    const { offsets, base, lastDoc, df } = this.postings.frozen();
    return {
      format: BM25_SNAPSHOT_FORMAT,
      terms,
      offsets,
      postings: base,
      lastDoc,
      df,
      ids: this.docIds.slice() as string[],
      lengths: this.lengths.slice(0, this.docIds.length),
    };
  }

  /** An index adopting a snapshot's arrays; throws a clear error on a malformed one. */
  static fromSnapshot(snap: Bm25Snapshot): Bm25Index {
    const format: unknown = snap.format;
    const fail = (why: string): never => {
      throw new Error(`Bm25Index snapshot rejected: ${why}`);
    };
    if (format !== BM25_SNAPSHOT_FORMAT) fail(`format ${String(format)}`);
    const terms = snap.terms.length;
    if (snap.offsets.length !== terms + 1 || snap.df.length !== terms) fail('term arrays differ');
    if (snap.lastDoc.length !== terms) fail('term arrays differ');
    if (snap.lengths.length !== snap.ids.length) fail('document arrays differ');
    if ((snap.offsets[terms] ?? 0) !== snap.postings.length) fail('postings truncated');
    const index = new Bm25Index();
    snap.terms.forEach((term, t) => index.termOf.set(term, t));
    snap.ids.forEach((id, doc) => index.docOf.set(id, doc));
    if (index.termOf.size !== terms || index.docOf.size !== snap.ids.length) fail('duplicates');
    index.postings = new PostingLists({
      offsets: snap.offsets,
      base: snap.postings,
      lastDoc: snap.lastDoc,
      df: snap.df,
    });
    index.docIds = snap.ids;
    index.lengths = snap.lengths;
    for (const length of snap.lengths) index.totalLength += length;
    return index;
  }

  /** Rewrites the postings without dead documents and without terms left with none. */
  private compact(): void {
    if (this.dead === 0) {
      // Nothing to drop: the appended pairs are copied after the frozen ones, terms unchanged.
      if (this.postings.hasAppended) this.postings = new PostingLists(this.postings.merged());
      return;
    }
    const remap = new Int32Array(this.docIds.length).fill(-1);
    const ids: string[] = [];
    const lengths = new Uint32Array(this.docOf.size);
    this.docIds.forEach((id, doc) => {
      if (id === undefined) return;
      remap[doc] = ids.length;
      lengths[ids.length] = this.lengths[doc]!;
      this.docOf.set(id, ids.length);
      ids.push(id);
    });
    const names: string[] = new Array<string>(this.termOf.size);
    for (const [term, t] of this.termOf) names[t] = term;
    const { kept, ...frozen } = this.postings.freeze(remap);
    this.termOf = new Map(kept.map((t, i) => [names[t]!, i]));
    this.postings = new PostingLists(frozen);
    this.docIds = ids;
    this.lengths = lengths;
    this.dead = 0;
  }
}
