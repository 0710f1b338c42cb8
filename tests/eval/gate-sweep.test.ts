/** The gate sweep's split and counts (scripts/eval/gate-sweep.ts), on hand-made cases. */
import { describe, expect, it } from 'vitest';
import type { GateCase } from '../../scripts/eval/evaluate';
import { gateOutcome, halves, sweep } from '../../scripts/eval/gate-sweep';
import { coverageOnly, page } from './gate-cases';

const t = coverageOnly;

const cases: GateCase[] = [
  // Answered, the answer first; answered, but the answer falls to the gate; declined.
  { id: 'a1', kind: 'lexical', lang: 'en', answerPage: 'p', pages: [page('p', 0.9)] },
  {
    id: 'a2',
    kind: 'lexical',
    lang: 'en',
    answerPage: 'q',
    pages: [page('x', 0.9), page('q', 0.2)],
  },
  { id: 'a3', kind: 'paraphrase', lang: 'en', answerPage: 'r', pages: [page('r', 0.1)] },
  { id: 'u1', kind: 'unanswerable', lang: 'en', answerPage: null, pages: [page('x', 0.1)] },
  { id: 'u2', kind: 'unanswerable', lang: 'en', answerPage: null, pages: [page('y', 0.6)] },
];

describe('gate sweep', () => {
  it('splits every other question of each kind and language', () => {
    const half = halves(cases);
    expect(['a1', 'a2', 'a3', 'u1', 'u2'].map((id) => half.get(id))).toEqual([
      'tune',
      'held-out',
      'tune',
      'tune',
      'held-out',
    ]);
  });

  it('counts declines of unanswerable questions and recall@5 before and after the gate', () => {
    expect(gateOutcome(cases, t)).toEqual({
      answerable: 3,
      unanswerable: 2,
      declined: 0.5,
      recallAt5: 1,
      gatedRecallAt5: 1 / 3,
    });
  });

  it('picks thresholds on the tune half and reports the held-out half apart', () => {
    const best = sweep(cases, t, { cosine: false, declineTarget: 1 });
    expect(best?.tune.declined).toBe(1);
    expect(best?.heldOut.unanswerable).toBe(1);
    expect(best?.all.answerable).toBe(3);
  });
});
