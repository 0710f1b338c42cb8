/**
 * The ideas of a page: its key phrases, found statistically without a model (issue 14). A phrase
 * scores by how often the page uses it against how rare its words are in everything the user
 * kept (the keyword index's document frequencies), boosted when the title uses it or the page
 * uses it early. TF-IDF over noun-phrase-ish candidates is the classic baseline of keyphrase
 * extraction; it needs no download and costs a few milliseconds a page.
 */
import { phraseCandidates, type Candidate } from './phrase-candidates';

/** Document frequencies as the keyword index knows them: `df(term)` over `documents` sources. */
export interface TermStats {
  df: (term: string) => number;
  documents: number;
}

export interface KeyPhrase {
  /** The phrase as the page writes it most often ("Large Language Models", "量子计算"). */
  phrase: string;
  /** Folded words: equal for the same phrase on every page. entityKey(phrase) keys the entity. */
  key: string;
  score: number;
  count: number;
}

export interface KeyPhraseOptions {
  title?: string;
  /** How many phrases at most (default 10). */
  k?: number;
}

/** Past this many characters the rest of a long page changes the top phrases little: not read. */
export const MAX_TEXT = 100_000;
const TITLE_BOOST = 2;
const EARLY_BOOST = 1.3;
/** "Early": within the first tenth of the text or its first 1,000 characters. */
const EARLY_SHARE = 0.1;
/** A text this short (in characters) may have phrases used once; longer ones need two uses. */
const SHORT_TEXT = 1_500;

/** BM25's idf, never negative; every word counts alike when nothing is indexed yet. */
function idf(df: number, documents: number): number {
  if (documents <= 0) return 1;
  const d = Math.min(Math.max(0, df), documents);
  return Math.log(1 + (documents - d + 0.5) / (d + 0.5));
}

/** As the page writes it: capitalised when most uses are ("Firefox"), else as first written. */
function displayForm(c: Candidate): string {
  return c.capitalised !== undefined && c.upper * 2 >= c.count ? c.capitalised : c.surface;
}

/** "newsrooms" → "newsroom": enough to see one idea in both forms; "ss" endings stay. */
const singular = (term: string): string =>
  term.length > 3 && term.endsWith('s') && !term.endsWith('ss') ? term.slice(0, -1) : term;

/**
 * One candidate per phrase, singular or plural ("neural network" 3 times and "neural networks"
 * twice is "neural network" 5 times): the form used most stands for all, with their summed count
 * and the earliest position.
 */
function mergePlurals(candidates: Map<string, Candidate>): Candidate[] {
  const groups = new Map<string, Candidate>();
  for (const c of candidates.values()) {
    const group = c.terms.map(singular).join(' ');
    const seen = groups.get(group);
    if (!seen) {
      groups.set(group, c);
      continue;
    }
    const [main, other] = c.count > seen.count ? [c, seen] : [seen, c];
    groups.set(group, {
      ...main,
      count: main.count + other.count,
      first: Math.min(main.first, other.first),
    });
  }
  return [...groups.values()];
}

/**
 * Whether the words of one phrase are a contiguous part of the other's, plurals aside ("student
 * newsrooms" overlaps "student newsroom").
 */
function overlaps(a: Candidate, b: Candidate): boolean {
  const [short, long] = a.terms.length <= b.terms.length ? [a.terms, b.terms] : [b.terms, a.terms];
  for (let i = 0; i + short.length <= long.length; i++) {
    if (short.every((t, j) => singular(long[i + j] ?? '') === singular(t))) return true;
  }
  return false;
}

/**
 * The top `k` key phrases of `text`, best first. A phrase that overlaps a better one ("network"
 * under "neural network") is left out, so the list names k different ideas.
 */
export function keyPhrases(
  text: string,
  stats: TermStats,
  options: KeyPhraseOptions = {},
): KeyPhrase[] {
  const k = options.k ?? 10;
  const body = text.slice(0, MAX_TEXT);
  if (k <= 0 || body.length === 0) return [];
  const candidates = phraseCandidates(body);
  const inTitle = options.title
    ? phraseCandidates(options.title.slice(0, 1_000))
    : new Map<string, Candidate>();
  const cache = new Map<string, number>();
  const weight = (term: string): number => {
    let w = cache.get(term);
    if (w === undefined) {
      w = idf(stats.df(term), stats.documents);
      cache.set(term, w);
    }
    return w;
  };
  const early = Math.max(1_000, body.length * EARLY_SHARE);
  const minCount = body.length <= SHORT_TEXT ? 1 : 2;
  const scored: Array<{ c: Candidate; score: number }> = [];
  for (const c of mergePlurals(candidates)) {
    const titled = inTitle.has(c.key);
    if (c.count < minCount && !titled) continue;
    let score = (1 + Math.log(c.count)) * c.terms.reduce((sum, t) => sum + weight(t), 0);
    if (titled) score *= TITLE_BOOST;
    if (c.first < early) score *= EARLY_BOOST;
    scored.push({ c, score });
  }
  scored.sort((a, b) => b.score - a.score || a.c.first - b.c.first);
  const chosen: Array<{ c: Candidate; score: number }> = [];
  for (const s of scored) {
    if (chosen.length >= k) break;
    if (!chosen.some((o) => overlaps(o.c, s.c))) chosen.push(s);
  }
  return chosen.map(({ c, score }) => ({
    phrase: displayForm(c),
    key: c.key,
    score: Number(score.toFixed(4)),
    count: c.count,
  }));
}
