/**
 * Deterministic synthetic corpora for the retrieval benchmark: the same seed gives the same data
 * on every machine, so runs compare.
 *
 * Vectors mimic sentence embeddings such as multilingual-e5: every vector shares one large common
 * direction (unrelated texts score ~0.7 there), then topic → page → chunk structure, then noise.
 * Pages hold 1–20 chunks, so a query's top 10 often ends inside a page or spills into its topic:
 * the close calls that make recall hard.
 */

/** Mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Standard normal deviates from a 64k table (Box–Muller once): fast enough for 400M draws. */
function gaussian(rand: () => number): () => number {
  const table = new Float32Array(65_536);
  for (let i = 0; i < table.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rand()));
    const a = 2 * Math.PI * rand();
    table[i] = r * Math.cos(a);
    table[i + 1] = r * Math.sin(a);
  }
  return () => table[(rand() * 65_536) | 0] ?? 0;
}

/** Weights (squared shares of a vector's length) of each level of the structure. */
const COMMON = 0.7;
const TOPIC = 0.1;
const PAGE = 0.1;
const NOISE = 0.1;
const CHUNKS_PER_TOPIC = 500;

export interface VectorCorpus {
  /** Calls onRow(id, vector) for n rows; vector is reused between calls (copy it to keep it). */
  generate(onRow: (id: string, vector: Float32Array) => void): void;
  /** Queries near `count` random pages, available once generate() has run. */
  queries: Float32Array[];
}

export function clusteredVectors(
  n: number,
  dim: number,
  seed: number,
  count: number,
): VectorCorpus {
  const rand = prng(seed);
  const normal = gaussian(rand);
  const randomUnit = (): Float32Array => {
    const v = Float32Array.from({ length: dim }, normal);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  };
  const common = randomUnit();
  const topics = Array.from({ length: Math.max(1, Math.ceil(n / CHUNKS_PER_TOPIC)) }, randomUnit);
  // Pages are chosen before generation so a query can be built from its page's centre; there are
  // ~n / 10.5 pages (1–20 chunks each), so choosing among the first n / 12 always finds them.
  const pages = Math.max(1, Math.floor(n / 12));
  const wanted = new Set<number>();
  while (wanted.size < Math.min(count, pages)) wanted.add(Math.floor(rand() * pages));
  const queries: Float32Array[] = [];
  const sample = (out: Float32Array, topic: Float32Array, page: Float32Array): Float32Array => {
    const [c, t, p, z] = [COMMON, TOPIC, PAGE, NOISE / dim].map(Math.sqrt);
    for (let i = 0; i < dim; i++) {
      out[i] = c! * common[i]! + t! * topic[i]! + p! * page[i]! + z! * normal();
    }
    return out;
  };
  return {
    queries,
    generate(onRow) {
      const row = new Float32Array(dim);
      let page = 0;
      for (let done = 0; done < n; page++) {
        const topic = topics[Math.floor(done / CHUNKS_PER_TOPIC)]!;
        const centre = randomUnit();
        const size = Math.min(n - done, 1 + Math.floor(rand() * 20));
        for (let c = 0; c < size; c++, done++) onRow(`p${page}#${c}`, sample(row, topic, centre));
        if (wanted.has(page)) queries.push(sample(new Float32Array(dim), topic, centre));
      }
    },
  };
}

// prettier-ignore
const SYLLABLES = ['ka', 'ro', 'mi', 'ten', 'su', 'lo', 'vin', 'da', 'rek', 'po', 'an', 'ius', 'ter', 'no', 'qua', 'li', 'sar', 'ben', 'to', 'el'];
const HAN =
  '的一是在人有我他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正';

/**
 * Chunks of Zipf–Mandelbrot distributed words (the head flattened, as if stop words were gone),
 * one in five Chinese; queries are 2–3 mid-frequency words, as people type them.
 */
export function syntheticTexts(
  n: number,
  seed: number,
): { texts: Iterable<string>; queries: string[] } {
  const rand = prng(seed);
  const word = (i: number): string =>
    `${SYLLABLES[i % 20]}${SYLLABLES[Math.floor(i / 20) % 20]}${i >= 400 ? SYLLABLES[Math.floor(i / 400) % 20] : ''}`;
  const hanWord = (i: number): string => `${HAN[i % HAN.length]}${HAN[(i * 7 + 3) % HAN.length]}`;
  // Rank r with probability ∝ 1/(r + 10) over 8,000 words (continuous inverse CDF).
  const zipf = (u = rand()): number => Math.min(7_999, Math.floor(10 ** (1 - u) * 8_010 ** u) - 10);
  const text = (words: number, han: boolean, draw: () => number): string =>
    Array.from({ length: words }, () => (han ? hanWord(draw()) : word(draw()))).join(
      han ? '' : ' ',
    );
  // Made as they are read, from their own random stream: a million texts need not be held at once.
  const texts = {
    *[Symbol.iterator](): Iterator<string> {
      const draw = prng(seed + 1);
      const zipfOf = (): number => zipf(draw());
      for (let i = 0; i < n; i++) {
        const han = draw() < 0.2;
        yield text(han ? 150 : 120, han, zipfOf);
      }
    },
  };
  const midFrequency = (): number => 20 + Math.floor(rand() * 2_000);
  const queries = Array.from({ length: 200 }, (_, i) =>
    text(2 + (i % 2), i % 5 === 0, midFrequency),
  );
  return { texts, queries };
}
