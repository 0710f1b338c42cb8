/**
 * Which of many keywords occur in a text, in one pass: an Aho–Corasick automaton, ASCII case
 * ignored. The secret detectors use it as gitleaks does, to run a rule only where one of its
 * keywords occurs; asking `text.includes` for each of ~300 keywords would scan a 100 KB page 300
 * times (tens of milliseconds), this scans it once.
 *
 * The automaton is a flat table (state × letter of the keywords' alphabet → state) with every
 * failure link already followed, so each character of the text costs one lookup and a character
 * outside that alphabet sends it back to the root. Walking a trie from every offset instead costs
 * several lookups per character, about four times as much on a page of prose.
 */

const fold = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code);

export class KeywordSet {
  /** Character code → its index in the alphabet (A and a share one), 0 when no keyword uses it. */
  private readonly letter = new Uint16Array(65_536);
  private readonly width: number;
  /** state * width + letter → the next state (state 0 is the root). */
  private readonly next: Int32Array;
  /** state → the keywords that end there, its own and those of its suffixes; empty for most. */
  private readonly ending: ReadonlyArray<readonly string[]>;

  constructor(keywords: Iterable<string>) {
    const list = [...new Set([...keywords].map((k) => k.toLowerCase()))].filter(Boolean);
    let letters = 0;
    for (const word of list) {
      for (let i = 0; i < word.length; i++) {
        const code = fold(word.charCodeAt(i));
        if (this.letter[code] === 0) this.letter[code] = ++letters;
      }
    }
    // Upper-case ASCII letters share their lower-case letter's index: no folding in the scan.
    for (let code = 65; code <= 90; code++) this.letter[code] = this.letter[code + 32] ?? 0;
    const width = letters + 1;
    this.width = width;
    const maxStates = list.reduce((n, w) => n + w.length, 1);
    // The trie: next[] holds its edges, 0 where it has none (the root is never a target).
    const next = new Int32Array(maxStates * width);
    const ending: string[][] = [[]];
    for (const word of list) {
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const slot = state * width + (this.letter[fold(word.charCodeAt(i))] ?? 0);
        if (next[slot] === 0) {
          next[slot] = ending.length;
          ending.push([]);
        }
        state = next[slot] ?? 0;
      }
      ending[state]?.push(word);
    }
    // Breadth first, each state's missing edges become its failure state's edges, and it inherits
    // the keywords that end at its failure state (a suffix of its own path).
    const fail = new Int32Array(ending.length);
    const queue: number[] = [];
    for (let l = 1; l < width; l++) if ((next[l] ?? 0) !== 0) queue.push(next[l] ?? 0);
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q] ?? 0;
      const failure = fail[state] ?? 0;
      ending[state]?.push(...(ending[failure] ?? []));
      for (let l = 1; l < width; l++) {
        const slot = state * width + l;
        const target = next[slot] ?? 0;
        const fallback = next[failure * width + l] ?? 0;
        if (target === 0) {
          next[slot] = fallback;
        } else {
          fail[target] = fallback;
          queue.push(target);
        }
      }
    }
    this.next = next;
    this.ending = ending;
  }

  /** The keywords (lower case) found in `text`, ASCII case ignored. */
  foundIn(text: string): Set<string> {
    const found = new Set<string>();
    const { letter, next, width, ending } = this;
    const seen = new Uint8Array(ending.length);
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = next[state * width + (letter[text.charCodeAt(i)] ?? 0)] ?? 0;
      if (seen[state] === 0) {
        seen[state] = 1;
        for (const word of ending[state] ?? []) found.add(word);
      }
    }
    return found;
  }
}
