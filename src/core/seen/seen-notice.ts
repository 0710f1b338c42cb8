/**
 * What "You have seen this before" says about an opened page (issue 14), from what storage found:
 * the sources kept at the page's address, and the known entities its title names with the other
 * pages that mention them. Plain data in, plain data out; the service worker words it for the
 * toolbar (background/seen-before.ts) and the side panel words it for its note.
 */

/** A kept source, as the notice lists it (the side panel links each to the library). */
export interface KeptSource {
  id: string;
  title: string;
  savedAt: number;
}

/** A known entity the page's title names, and the kept pages (other than this one) mentioning it. */
export interface EntityHit {
  id: string;
  name: string;
  /** How many kept pages mention it (besides this page); `sources` holds the newest of them. */
  count: number;
  sources: KeptSource[];
}

export interface SeenNotice {
  /** The sources kept at this address, newest first; empty when the address is new. */
  kept: KeptSource[];
  /** Entities named by the title, most read about first; at most `MAX_ENTITIES`. */
  entities: EntityHit[];
}

/** What the toolbar's title leads with: the page itself, else the most read-about entity. */
export type SeenLead =
  { kind: 'page'; savedAt: number } | { kind: 'entity'; name: string; count: number };

/**
 * A page saved this recently is the one the user just kept: saying "saved just now" on it is
 * noise. Half an hour also covers reloading the page right after saving it.
 */
export const JUST_SAVED_MS = 30 * 60_000;
/** A title naming more than three known entities is a list page: three is plenty to say. */
export const MAX_ENTITIES = 3;
/** Pages listed per entity in the side panel (the library holds the rest). */
export const MAX_SOURCES = 5;

const newestFirst = (a: KeptSource, b: KeptSource) => b.savedAt - a.savedAt;

/**
 * The notice for a page, or null when there is nothing worth saying: nothing kept here and no
 * known entity with another page, or the page was kept in the last `JUST_SAVED_MS`.
 */
export function seenNotice(
  kept: readonly KeptSource[],
  hits: readonly EntityHit[],
  now: number,
): SeenNotice | null {
  const sorted = [...kept].sort(newestFirst);
  const newest = sorted[0];
  if (newest && now - newest.savedAt < JUST_SAVED_MS) return null;
  const entities = hits
    .filter((hit) => hit.count > 0 && hit.sources.length > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, MAX_ENTITIES)
    .map((hit) => ({ ...hit, sources: [...hit.sources].sort(newestFirst).slice(0, MAX_SOURCES) }));
  if (sorted.length === 0 && entities.length === 0) return null;
  return { kept: sorted, entities };
}

/** The one thing the toolbar's title says: the page kept here wins over what its title names. */
export function seenLead(notice: SeenNotice): SeenLead | null {
  const page = notice.kept[0];
  if (page) return { kind: 'page', savedAt: page.savedAt };
  const entity = notice.entities[0];
  return entity ? { kind: 'entity', name: entity.name, count: entity.count } : null;
}
