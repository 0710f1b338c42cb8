// `npm test`: every check, in order, each step failing the run: format, lint, types, unit tests,
// the scale test, the three builds (shipped, packaged fixtures, hosted fixtures), then the
// end-to-end tests in real Chromium with the built extensions. Ends with the plain count line
// "N passed, N failed" over all test projects.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureDependencies, findBrowser, ROOT, run } from './setup.mjs';

ensureDependencies();
process.env.CHROMIUM_PATH ??= findBrowser({ install: true });

const reports = resolve(ROOT, '.tmp/test-reports');
mkdirSync(reports, { recursive: true });
const vitest = (project) => [
  'npx',
  [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${resolve(reports, `${project}.json`)}`,
  ],
];

const steps = [
  ['npx', ['prettier', '--check', '.']],
  ['npx', ['eslint', '.']],
  ['npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  vitest('unit'),
  vitest('scale'),
  ['npx', ['vite', 'build']],
  ['npx', ['vite', 'build', '--outDir', 'dist/chrome-fixtures'], { ENGRAM_FIXTURE_MODELS: '1' }],
  ['npx', ['vite', 'build', '--outDir', 'dist/chrome-hosted'], { ENGRAM_FIXTURE_MODELS: 'hosted' }],
  vitest('e2e'),
];

const started = Date.now();
let passed = 0;
let failed = 0;
try {
  for (const [command, args, env] of steps) {
    const t = Date.now();
    try {
      run(command, args, { env: { ...process.env, ...env } });
    } finally {
      if (args[0] === 'vitest') {
        const report = JSON.parse(readFileSync(resolve(reports, `${args[3]}.json`), 'utf8'));
        passed += report.numPassedTests;
        failed += report.numFailedTests;
      }
    }
    console.log(`  ✓ ${args.slice(0, 4).join(' ')} (${((Date.now() - t) / 1000).toFixed(1)} s)\n`);
  }
  console.log(`All checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
} finally {
  console.log(`${passed} passed, ${failed} failed`);
}
