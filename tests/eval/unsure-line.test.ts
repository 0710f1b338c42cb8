/** Where the unsure line falls (scripts/eval/unsure-line.ts), on hand-made cases. */
import { describe, expect, it } from 'vitest';
import type { GateCase } from '../../scripts/eval/evaluate';
import { unsureLines, unsureTable } from '../../scripts/eval/unsure-line';
import { coverageOnly, page } from './gate-cases';

const t = coverageOnly;

const cases: GateCase[] = [
  // Right and strong (relevance 2), right and weak (1.2), wrong and weak (1.1: an unanswerable
  // question let through), wrong and strong (1.8: the answer page not cited), declined.
  { id: 'a1', kind: 'lexical', lang: 'en', answerPage: 'p', pages: [page('p', 1)] },
  { id: 'a2', kind: 'lexical', lang: 'en', answerPage: 'q', pages: [page('q', 0.6)] },
  { id: 'u1', kind: 'unanswerable', lang: 'en', answerPage: null, pages: [page('x', 0.55)] },
  { id: 'a3', kind: 'paraphrase', lang: 'en', answerPage: 'r', pages: [page('y', 0.9)] },
  { id: 'u2', kind: 'unanswerable', lang: 'zh', answerPage: null, pages: [page('z', 0.1)] },
];

describe('unsure line', () => {
  it('splits the answered questions into right and wrong, declined ones left out', () => {
    const report = unsureLines(cases, t);
    expect(report).toMatchObject({ answered: 4, right: 2, wrong: 2 });
    const at = (line: number) => report.rows.find((r) => r.line === line);
    expect(at(1.1)).toEqual({ line: 1.1, wrong: 0, right: 0 });
    expect(at(1.25)).toEqual({ line: 1.25, wrong: 0.5, right: 0.5 });
    expect(at(2)).toEqual({ line: 2, wrong: 1, right: 0.5 });
    expect(at(2.5)).toEqual({ line: 2.5, wrong: 1, right: 1 });
  });

  it('prints a row per line', () => {
    const lines = unsureTable(unsureLines(cases, t));
    expect(lines[0]).toContain('4 answered: 2 cite the answer page, 2 do not');
    expect(lines.some((l) => /^ {2}1\.50\s+50\.0%\s+50\.0%$/.test(l))).toBe(true);
  });
});
