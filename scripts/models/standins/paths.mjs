// Where the stand-ins live: a cache outside the repository (they are a gigabyte and more), so no
// commit and no worktree copy ever carries them.

import os from 'node:os';
import path from 'node:path';

/** `$ENGRAM_STANDINS`, else ~/.cache/engram-standins. Models are under `models/<owner>/<name>`. */
export const standinsDir = () =>
  process.env.ENGRAM_STANDINS ?? path.join(os.homedir(), '.cache', 'engram-standins');

export const standinModelsDir = () => path.join(standinsDir(), 'models');
