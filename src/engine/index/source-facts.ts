/**
 * What ranking knows of each indexed source: when it was saved and last seen, how often it was
 * seen, whether it was saved on purpose. Kept by the memory index, persisted as parallel arrays.
 */
import type { SourceRow } from '../../shared/db';
import type { SourcesSnapshot } from '../../shared/store/index-snapshots';

export interface SourceFact {
  savedAt: number;
  lastSeenAt: number;
  timesSeen: number;
  saved: boolean;
}

/** Origins of captures nobody asked for (automatic capture): they do not rank as saved. */
const UNASKED: ReadonlySet<string> = new Set(['auto']);

export const factOf = (source: SourceRow): SourceFact => ({
  savedAt: source.savedAt,
  lastSeenAt: source.lastSeenAt,
  timesSeen: source.seenCount,
  saved: !UNASKED.has(source.origin),
});

export function factsSnapshot(facts: ReadonlyMap<string, SourceFact>): SourcesSnapshot {
  const n = facts.size;
  const snap: SourcesSnapshot = {
    ids: [...facts.keys()],
    savedAt: new Float64Array(n),
    lastSeenAt: new Float64Array(n),
    timesSeen: new Uint32Array(n),
    saved: new Uint8Array(n),
  };
  let i = 0;
  for (const fact of facts.values()) {
    snap.savedAt[i] = fact.savedAt;
    snap.lastSeenAt[i] = fact.lastSeenAt;
    snap.timesSeen[i] = fact.timesSeen;
    snap.saved[i++] = fact.saved ? 1 : 0;
  }
  return snap;
}

export function factsFromSnapshot(snap: SourcesSnapshot): Map<string, SourceFact> {
  const n = snap.ids.length;
  const lengths = [snap.savedAt, snap.lastSeenAt, snap.timesSeen, snap.saved].map((a) => a.length);
  if (lengths.some((l) => l !== n)) throw new Error('Sources snapshot rejected: arrays differ');
  return new Map(
    snap.ids.map((id, i) => [
      id,
      {
        savedAt: snap.savedAt[i]!,
        lastSeenAt: snap.lastSeenAt[i]!,
        timesSeen: snap.timesSeen[i]!,
        saved: snap.saved[i] === 1,
      },
    ]),
  );
}
