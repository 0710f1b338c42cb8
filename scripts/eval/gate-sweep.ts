/**
 * The relevance gate's thresholds against the eval (issue 10): re-gates every question's judged
 * pages (evaluate.ts gateCases) under other thresholds, without re-embedding. Questions are split
 * in two halves (every other question of each kind and language, in file order): thresholds are
 * chosen on the "tune" half and reported on the "held-out" half too, so a number tuned on the
 * eval is not mistaken for one measured on it.
 */
import { keepRelevant, relevance, type RelevanceThresholds } from '../../src/core/rank/relevance';
import type { GateCase } from './evaluate';

export type Half = 'tune' | 'held-out';

/** Each question's half: alternate within each (kind, language) group, in file order. */
export function halves(cases: readonly GateCase[]): Map<string, Half> {
  const seen = new Map<string, number>();
  const half = new Map<string, Half>();
  for (const c of cases) {
    const group = `${c.kind}:${c.lang}`;
    const n = seen.get(group) ?? 0;
    seen.set(group, n + 1);
    half.set(c.id, n % 2 === 0 ? 'tune' : 'held-out');
  }
  return half;
}

export interface GateOutcome {
  answerable: number;
  unanswerable: number;
  /** Share of the unanswerable questions declined. */
  declined: number;
  /** Recall@5 of the answerable ones before and after the gate. */
  recallAt5: number;
  gatedRecallAt5: number;
}

/** The gate's declines and recall@5 under `t`, over the cases `keep` selects. */
export function gateOutcome(
  cases: readonly GateCase[],
  t: RelevanceThresholds,
  keep: (c: GateCase) => boolean = () => true,
): GateOutcome {
  let answerable = 0;
  let unanswerable = 0;
  let declined = 0;
  let found = 0;
  let gatedFound = 0;
  for (const c of cases) {
    if (!keep(c)) continue;
    const kept = keepRelevant(c.pages, (p) => relevance(p.evidence, t), t).map((p) => p.page);
    if (c.answerPage === null) {
      unanswerable++;
      if (kept.length === 0) declined++;
      continue;
    }
    answerable++;
    const top = c.pages.slice(0, 5).map((p) => p.page);
    if (top.includes(c.answerPage)) found++;
    if (kept.slice(0, 5).includes(c.answerPage)) gatedFound++;
  }
  const share = (x: number, n: number): number => (n === 0 ? 0 : x / n);
  return {
    answerable,
    unanswerable,
    declined: share(declined, unanswerable),
    recallAt5: share(found, answerable),
    gatedRecallAt5: share(gatedFound, answerable),
  };
}

const steps = (from: number, to: number, step: number): number[] => {
  const out: number[] = [];
  for (let x = from; x <= to + 1e-9; x += step) out.push(Math.round(x * 1000) / 1000);
  return out;
};

/**
 * The thresholds tried: coverage alone, with agreement, and with coverage + cosine where the
 * model reads the question (`base` gives what the grid does not vary, such as the rank across
 * scripts). With `cosine` false (a model never measured here), the cosine is left out.
 */
export function* thresholdGrid(
  base: RelevanceThresholds,
  cosine: boolean,
): Generator<RelevanceThresholds> {
  for (const coverage of steps(0.3, 0.9, 0.05)) {
    for (const agreedCoverage of [coverage, ...steps(0.1, 0.5, 0.05).filter((x) => x < coverage)]) {
      for (const agreementRank of agreedCoverage < coverage ? [1, 2, 3] : [1]) {
        for (const sum of cosine ? [undefined, ...steps(0.7, 1.4, 0.025)] : [undefined]) {
          for (const relativeToBest of [0.3, 0.5]) {
            const t: RelevanceThresholds = {
              ...base,
              coverage,
              agreedCoverage,
              agreementRank,
              relativeToBest,
            };
            delete t.coverageAndCosine;
            delete t.denseCosine;
            if (sum !== undefined) t.coverageAndCosine = sum;
            yield t;
          }
        }
      }
    }
  }
}

export interface SweepResult {
  thresholds: RelevanceThresholds;
  tune: GateOutcome;
  heldOut: GateOutcome;
  all: GateOutcome;
}

/**
 * The grid's best thresholds on the tune half: the highest gated recall@5 among those that
 * decline at least `declineTarget` of its unanswerable questions (more declines break ties).
 */
export function sweep(
  cases: readonly GateCase[],
  base: RelevanceThresholds,
  { cosine, declineTarget = 0.8 }: { cosine: boolean; declineTarget?: number },
): SweepResult | undefined {
  const half = halves(cases);
  const inHalf = (h: Half) => (c: GateCase) => half.get(c.id) === h;
  let best: { t: RelevanceThresholds; o: GateOutcome } | undefined;
  for (const t of thresholdGrid(base, cosine)) {
    const o = gateOutcome(cases, t, inHalf('tune'));
    if (o.declined < declineTarget) continue;
    const better =
      !best ||
      o.gatedRecallAt5 > best.o.gatedRecallAt5 ||
      (o.gatedRecallAt5 === best.o.gatedRecallAt5 && o.declined > best.o.declined);
    if (better) best = { t, o };
  }
  if (!best) return undefined;
  return {
    thresholds: best.t,
    tune: best.o,
    heldOut: gateOutcome(cases, best.t, inHalf('held-out')),
    all: gateOutcome(cases, best.t),
  };
}
