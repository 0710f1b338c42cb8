/**
 * What the privacy tests share: the fixtures build with host access to their pages, as a user
 * grants it when turning automatic capture on (so the page watcher runs there), and the reason a
 * tab's badge gives for a capture.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_DIST, serviceWorker, type Engram } from './harness';

/** A copy of the fixtures build (hard links, the manifest rewritten) with `hostPermissions`. */
export function distWithAccess(hostPermissions: readonly string[]): {
  dir: string;
  remove(): void;
} {
  const parent = mkdtempSync(join(tmpdir(), 'engram-dist-'));
  const dir = join(parent, 'dist');
  execFileSync('cp', ['-al', FIXTURE_DIST, dir]);
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hostPermissions];
  rmSync(path); // a hard link: writing through it would change the build itself
  writeFileSync(path, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/** The title of the badge of the tab showing `pageUrl`: what a capture there said. */
export async function badgeTitle(engram: Engram, pageUrl: string): Promise<string> {
  const sw = await serviceWorker(engram);
  return sw.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return chrome.action.getTitle({ tabId: tab?.id });
  }, pageUrl);
}
