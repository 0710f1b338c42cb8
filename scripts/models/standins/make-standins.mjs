#!/usr/bin/env node
// `npm run models:standins`: makes random-weight stand-ins of the models Engram downloads, with
// the real models' architecture, operators, data types, sizes and tokenizers, in the hub's file
// layout, into a cache outside the repository (README.md beside this file says why and how).
//
//   npm run models:standins                        # all, into ~/.cache/engram-standins
//   npm run models:standins -- --only qwen3        # one of qwen3, e5
//   npm run models:standins -- --layers 2          # a shallow copy, for quick checks
//   ENGRAM_STANDINS=/some/dir npm run models:standins
//
// A model already there is kept unless --force. Prints each file's size and SHA-256.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildE5Standin, E5_ID } from './e5.mjs';
import { standinsDir } from './paths.mjs';
import { buildQwen3Standin, QWEN3_ID } from './qwen3.mjs';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    layers: { type: 'string' },
    force: { type: 'boolean' },
    out: { type: 'string', default: standinsDir() },
  },
});

const BUILDERS = { qwen3: [QWEN3_ID, buildQwen3Standin], e5: [E5_ID, buildE5Standin] };
if (args.only && !(args.only in BUILDERS)) {
  throw new Error(`--only must be one of ${Object.keys(BUILDERS)}, not "${args.only}"`);
}

/** Streams a file through SHA-256 (the large ones do not fit a single read comfortably). */
async function sha256(file) {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

const models = path.join(args.out, 'models');
for (const [key, [id, build]] of Object.entries(BUILDERS)) {
  if (args.only && args.only !== key) continue;
  const outDir = path.join(models, id);
  const done = path.join(outDir, 'files.json');
  if (fs.existsSync(done) && !args.force) {
    console.log(`${id}: already in ${outDir} (--force to rebuild)`);
    continue;
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  const started = Date.now();
  build({ outDir, cacheDir: args.out, layers: args.layers ? Number(args.layers) : undefined });
  const files = {};
  for (const file of fs.readdirSync(outDir, { recursive: true }).sort()) {
    const full = path.join(outDir, file);
    if (!fs.statSync(full).isFile()) continue;
    files[file] = { size: fs.statSync(full).size, sha256: await sha256(full) };
    console.log(
      `  ${file.padEnd(28)} ${String(files[file].size).padStart(11)} B  ${files[file].sha256}`,
    );
  }
  // Written last: its presence says the folder is complete.
  fs.writeFileSync(done, `${JSON.stringify(files, null, 2)}\n`);
  console.log(`${id}: made in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outDir}`);
}
