/**
 * Where an answer should say it is unsure (issue 15, src/core/answer/confidence.ts): among the
 * questions the relevance gate answers, the best cited page's relevance for answers that cite
 * the right page and for those that do not (an unanswerable question let through, or an
 * answerable one whose page is not cited). For each candidate line, the share of each that would
 * be framed as unsure: a good line catches most wrong answers and few right ones.
 */
import { keepRelevant, relevance, type RelevanceThresholds } from '../../src/core/rank/relevance';
import type { GateCase } from './evaluate';

/** Pages an answer cites (retrieve.ts maxSources). */
const CITED = 4;

export const LINES = [1.1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;

export interface UnsureRow {
  line: number;
  /** Share of wrong answers below the line (said unsure: good). */
  wrong: number;
  /** Share of right answers below the line (said unsure needlessly). */
  right: number;
}

export interface UnsureReport {
  answered: number;
  right: number;
  wrong: number;
  rows: UnsureRow[];
}

/** The best cited relevance of each answered question, split by whether it cites the answer. */
export function unsureLines(cases: readonly GateCase[], t: RelevanceThresholds): UnsureReport {
  const right: number[] = [];
  const wrong: number[] = [];
  for (const c of cases) {
    const scored = c.pages.map((p) => ({ page: p.page, r: relevance(p.evidence, t) }));
    const kept = keepRelevant(scored, (p) => p.r, t).slice(0, CITED);
    if (kept.length === 0) continue; // Declined: the "not in memory" answer.
    const best = Math.max(...kept.map((p) => p.r));
    const cites = c.answerPage !== null && kept.some((p) => p.page === c.answerPage);
    (cites ? right : wrong).push(best);
  }
  const below = (xs: readonly number[], line: number): number =>
    xs.length === 0 ? 0 : xs.filter((x) => x < line).length / xs.length;
  return {
    answered: right.length + wrong.length,
    right: right.length,
    wrong: wrong.length,
    rows: LINES.map((line) => ({ line, wrong: below(wrong, line), right: below(right, line) })),
  };
}

/** The table's lines for the eval's report (retrieval.ts). */
export function unsureTable(report: UnsureReport): string[] {
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(7);
  return [
    `Unsure line (best cited relevance under the line; ${report.answered} answered: ` +
      `${report.right} cite the answer page, ${report.wrong} do not):`,
    `  ${'line'.padEnd(6)}${'wrong said unsure'.padStart(18)}${'right said unsure'.padStart(19)}`,
    ...report.rows.map(
      (r) =>
        `  ${r.line.toFixed(2).padEnd(6)}${pct(r.wrong).padStart(18)}${pct(r.right).padStart(19)}`,
    ),
  ];
}
