/**
 * The title matcher of "seen before" (issue 14): an automaton over the names of the known people,
 * organisations, places and events (core/graph/entity-matcher.ts), kept in the service worker.
 * The worker can be stopped at any moment, so the cache is only a variable: the first page after a
 * start builds it (one indexed read of the names), and later pages check a stamp (two indexed
 * reads) and fetch only the entities seen since, rebuilding in full only when the count says
 * something was removed or arrived out of order (an import of older pages).
 */
import { EntityMatcher } from '../core/graph/entity-matcher';
import type { EngramDb } from '../shared/db';
import {
  entityNames,
  entityStamp,
  type EntityStamp,
  type NamesById,
} from '../shared/store/seen-before';

interface Cached {
  stamp: EntityStamp;
  names: NamesById;
  matcher: EntityMatcher;
}

let cached: Cached | undefined;
/** A build in progress: pages loading together wait for the same one. */
let pending: Promise<EntityMatcher> | undefined;

const sameStamp = (a: EntityStamp, b: EntityStamp) =>
  a.count === b.count && a.lastSeenAt === b.lastSeenAt;

async function build(db: EngramDb): Promise<EntityMatcher> {
  const stamp = await entityStamp(db);
  if (cached && sameStamp(cached.stamp, stamp)) return cached.matcher;
  let names: NamesById | undefined;
  if (cached && stamp.count >= cached.stamp.count) {
    // Entities new or seen again since the last build replace their old names (a rename that
    // came with a new sighting, an alias merged in).
    names = new Map([...cached.names, ...(await entityNames(db, cached.stamp.lastSeenAt))]);
    // Anything else changed (removed and added, or added with an older time): read them all.
    if (names.size !== stamp.count) names = undefined;
  }
  names ??= await entityNames(db);
  const matcher = new EntityMatcher([...names.values()].flat());
  cached = { stamp, names, matcher };
  return matcher;
}

/** The matcher over the entities stored now. */
export function knownEntityMatcher(db: EngramDb): Promise<EntityMatcher> {
  pending ??= build(db).finally(() => {
    pending = undefined;
  });
  return pending;
}

/** Drop the cache (tests; and nothing else needs it: a stopped worker drops it anyway). */
export function forgetEntityMatcher(): void {
  cached = undefined;
}
