/** Hand-made pieces of the eval's gate cases (scripts/eval/evaluate.ts GateCase) for its tests. */
import type { GateCase } from '../../scripts/eval/evaluate';
import type { RelevanceThresholds } from '../../src/core/rank/relevance';

/** Coverage alone decides: a page is relevant from coverage 0.5 (relevance = coverage / 0.5). */
export const coverageOnly: RelevanceThresholds = {
  coverage: 0.5,
  agreedCoverage: 0.5,
  agreementRank: 1,
  relativeToBest: 0.3,
};

/** A judged page with nothing but its coverage. */
export function page(name: string, coverage: number): GateCase['pages'][number] {
  return { page: name, evidence: { coverage }, relevance: 0 };
}
