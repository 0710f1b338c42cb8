/**
 * The k best {id, score} pairs without sorting every candidate: a size-k min-heap, O(n log k).
 * Order: score descending, then id ascending, so results never depend on insertion order.
 */
export interface Scored {
  id: string;
  score: number;
}

/** True when a ranks below b. */
function worse(a: Scored, b: Scored): boolean {
  return a.score < b.score || (a.score === b.score && a.id > b.id);
}

export function compareScored(a: Scored, b: Scored): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class TopK {
  /** heap[0] is the worst of the kept items. */
  private readonly heap: Scored[] = [];

  constructor(private readonly k: number) {}

  push(id: string, score: number): void {
    if (this.k <= 0 || Number.isNaN(score)) return;
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push({ id, score });
      this.siftUp(heap.length - 1);
      return;
    }
    // Hot path of a flat scan: reject without allocating.
    const min = heap[0];
    if (!min || score < min.score || (score === min.score && id >= min.id)) return;
    heap[0] = { id, score };
    this.siftDown(0);
  }

  /** The kept items, best first. */
  result(): Scored[] {
    return [...this.heap].sort(compareScored);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const [p, c] = [heap[parent], heap[i]];
      if (!p || !c || !worse(c, p)) return;
      [heap[parent], heap[i]] = [c, p];
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    for (;;) {
      let least = i;
      for (const child of [2 * i + 1, 2 * i + 2]) {
        const c = heap[child];
        const l = heap[least];
        if (c && l && worse(c, l)) least = child;
      }
      if (least === i) return;
      const [a, b] = [heap[i], heap[least]];
      if (!a || !b) return;
      [heap[i], heap[least]] = [b, a];
      i = least;
    }
  }
}
