/**
 * Recall on the labelled set (tests/fixtures/secrets/): the goal of issue 11 is ≥ 0.98. The full
 * report, with false positives on the corpus and speed, is `npm run bench:redaction`.
 */
import { describe, expect, it } from 'vitest';
import { labelledSet } from '../../../tests/fixtures/secrets/labelled-set';
import { findSecrets } from './redact';

describe('redaction recall on the labelled set', () => {
  it('is at least 0.98 over 300+ secrets in 40+ formats, English and Chinese', () => {
    const cases = labelledSet();
    const missed: string[] = [];
    let total = 0;
    for (const c of cases) {
      const spans = findSecrets(c.text);
      for (const secret of c.secrets) {
        total++;
        const at = c.text.indexOf(secret);
        const end = at + secret.length;
        let covered = at;
        for (const s of spans) if (s.start <= covered && s.end > covered) covered = s.end;
        if (covered < end) missed.push(`${c.format} [${c.lang}] ${c.text}`);
      }
    }
    expect(total).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((c) => c.format)).size).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.lang))).toEqual(new Set(['en', 'zh']));
    expect(1 - missed.length / total, missed.join('\n')).toBeGreaterThanOrEqual(0.98);
  });
});
