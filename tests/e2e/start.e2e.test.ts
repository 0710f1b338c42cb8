/**
 * Issue 10, "It must start": the README's run command on a fresh clone, as a user types it. The
 * committed HEAD is cloned into a temp folder with nothing installed, and `npm start -- --headless
 * --fixtures` must install the packages itself, build, load Engram in Chromium and finish the
 * guided tour: a page remembered with the real shortcut, an answer, and its citations.
 * Uncommitted work is not in the clone, on purpose: this is what a user (or CI) would get.
 * The packages come from npm's cache when it has them (`prefer-offline`), to keep this quick.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT } from './harness';

/** Long enough for `npm ci`, a build and the tour on two cores (about two minutes here). */
const LIMIT_MS = 270_000;

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'engram-clone-'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/**
 * The environment a user's shell would give `npm start`: without what Vitest and the npm script
 * running it add (NODE_ENV=test would change the build), with the user's own npm settings kept.
 */
function userEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(VITEST|NODE_ENV$|TEST$|npm_lifecycle_|npm_package_|INIT_CWD$)/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, npm_config_prefer_offline: 'true' };
}

/** Run a command in its own process group; on timeout the whole group is ended. */
function runCommand(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; output: string; seconds: number; marks: string }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: userEnvironment(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    // When each stage began, to say where the time went.
    const stages = ['$ npm ci', '$ npx vite build', 'Engram is loaded', 'The tour is done'];
    const marks: string[] = [];
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      while (marks.length < stages.length && output.includes(stages[marks.length]!)) {
        marks.push(`${stages[marks.length]} at ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => {
      output += `\n[killed after ${LIMIT_MS / 1000} s]`;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    }, LIMIT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, seconds: (Date.now() - started) / 1000, marks: marks.join(', ') });
    });
  });
}

test(
  'npm start -- --headless --fixtures on a fresh clone installs, builds and finishes the tour',
  async () => {
    const clone = join(folder, 'engram');
    execFileSync('git', ['clone', '--quiet', ROOT, clone]);
    expect(existsSync(join(clone, 'node_modules'))).toBe(false);

    const { code, output, seconds, marks } = await runCommand(
      'npm',
      ['start', '--', '--headless', '--fixtures'],
      clone,
    );
    console.log(
      `npm start on a fresh clone: exit ${code} after ${seconds.toFixed(0)} s (${marks})`,
    );
    const tour = output.slice(output.indexOf('Engram is loaded'));

    expect(code, output).toBe(0);
    // Its own set-up installed the packages (nothing was installed in the clone by hand).
    expect(output).toMatch(/^\$ npm ci\b/m);
    expect(existsSync(join(clone, 'node_modules/playwright-core'))).toBe(true);
    // The page was remembered through the real shortcut, on a host the blocklist lets through.
    expect(tour).toMatch(/^1\. Opened http:\/\/news\.example-site\.com:\d+\/webmd-1\//m);
    expect(tour).toMatch(/^2\. .*: Engram — saved “Babies Who Eat Peanuts Early May Avoid/m);
    expect(tour).toMatch(/^3\. Memory now holds: [1-9]\d* memor(y|ies) \(indexed\)$/m);
    // An answer, with at least one line of text, and the page among its citations.
    expect(tour).toMatch(/^5\. Answer \(.+\):\n {3}\S.*$/m);
    expect(tour).toMatch(/^ {3}\[\d+\] Babies Who Eat Peanuts Early May Avoid Allergy$/m);
    expect(tour).toContain('The tour is done.');
  },
  LIMIT_MS + 30_000,
);
