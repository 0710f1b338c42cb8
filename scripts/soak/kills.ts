/**
 * Soak: the kill test at length (issue 12). 100 kills of the engine and the service worker during
 * a burst of captures through the real capture path (tests/e2e/kill-burst.ts), then the account:
 * captures lost, duplicated, jobs left, search misses. Prints it and writes
 * bench-results/kills.json. A script that reports, not a test that passes or fails.
 *
 *   npm run build:fixtures && npm run soak:kills [-- --captures 200 --kills 100 --seed 7]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../../tests/e2e/harness';
import { killBurst } from '../../tests/e2e/kill-burst';

const { values } = parseArgs({
  options: {
    captures: { type: 'string', default: '200' },
    kills: { type: 'string', default: '100' },
    seed: { type: 'string', default: '7' },
  },
});
const options = {
  captures: Number(values.captures),
  kills: Number(values.kills),
  seed: Number(values.seed),
};
const started = Date.now();
const report = await killBurst({
  ...options,
  settleMs: 180_000,
  log: (line) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`),
});
const result = {
  date: new Date().toISOString(),
  ...options,
  ...report,
  seconds: (Date.now() - started) / 1000,
};
console.log(JSON.stringify(result, null, 2));
const out = resolve(ROOT, 'bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(resolve(out, 'kills.json'), `${JSON.stringify(result, null, 2)}\n`);
const clean = report.lost.length + report.duplicated.length + report.jobsLeft === 0;
console.log(clean ? 'Nothing lost, nothing duplicated.' : 'Captures were lost or duplicated.');
