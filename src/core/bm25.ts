/**
 * Okapi BM25 keyword index over `tokenize` (so Chinese works through Intl.Segmenter), kept
 * incrementally: adding or removing a document touches only its own terms. No build step, so a
 * crash never leaves a half-built index; the engine re-adds chunks from IndexedDB on start.
 */
import { TopK, type Scored } from './top-k';
import { tokenize } from './tokenize';

/** Standard Okapi constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

interface Doc {
  length: number;
  terms: Map<string, number>;
}

export class Bm25Index {
  /** term → (doc id → term frequency) */
  private readonly postings = new Map<string, Map<string, number>>();
  private readonly docs = new Map<string, Doc>();
  private totalLength = 0;

  get size(): number {
    return this.docs.size;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** Indexes text under id, replacing what id held before. */
  add(id: string, text: string): void {
    this.remove(id);
    const terms = new Map<string, number>();
    const tokens = tokenize(text);
    for (const t of tokens) terms.set(t, (terms.get(t) ?? 0) + 1);
    for (const [t, tf] of terms) {
      let posting = this.postings.get(t);
      if (!posting) this.postings.set(t, (posting = new Map<string, number>()));
      posting.set(id, tf);
    }
    this.docs.set(id, { length: tokens.length, terms });
    this.totalLength += tokens.length;
  }

  remove(id: string): boolean {
    const doc = this.docs.get(id);
    if (!doc) return false;
    for (const t of doc.terms.keys()) {
      const posting = this.postings.get(t);
      posting?.delete(id);
      if (posting?.size === 0) this.postings.delete(t);
    }
    this.docs.delete(id);
    this.totalLength -= doc.length;
    return true;
  }

  /**
   * The k best documents for query, best first (ties by id). Documents sharing no term with the
   * query are not returned; `filter` drops ids before ranking (e.g. a time range).
   */
  search(query: string, k: number, filter?: (id: string) => boolean): Scored[] {
    const n = this.docs.size;
    if (n === 0 || k <= 0) return [];
    const avgLength = this.totalLength / n || 1;
    const scores = new Map<string, number>();
    for (const term of new Set(tokenize(query))) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      // Lucene's idf: always positive, so a term in most documents still counts a little.
      const idf = Math.log(1 + (n - posting.size + 0.5) / (posting.size + 0.5));
      for (const [id, tf] of posting) {
        const length = this.docs.get(id)?.length ?? avgLength;
        const norm = tf + K1 * (1 - B + (B * length) / avgLength);
        scores.set(id, (scores.get(id) ?? 0) + (idf * tf * (K1 + 1)) / norm);
      }
    }
    const top = new TopK(k);
    for (const [id, score] of scores) if (!filter || filter(id)) top.push(id, score);
    return top.result();
  }
}
