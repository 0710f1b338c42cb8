/**
 * The fixtures build with host access to a public-looking host, as the user grants it when turning
 * automatic capture on (headless Chromium leaves the permission prompt unanswered): a hard-linked
 * copy of the build whose manifest lists the host.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_DIST } from './harness';

export function distWithAccess(host: string): { dir: string; remove(): void } {
  const parent = mkdtempSync(join(tmpdir(), 'engram-dist-'));
  const dir = join(parent, 'dist');
  execFileSync('cp', ['-al', FIXTURE_DIST, dir]);
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `http://${host}/*`];
  rmSync(path); // a hard link: writing through it would change the build itself
  writeFileSync(path, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
