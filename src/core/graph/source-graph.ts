/**
 * What one source adds to the knowledge graph, before it is stored (issue 14): the entities of its
 * metadata (page-entities.ts), its key phrases as ideas (key-phrases.ts) and the known entities its
 * text names (entity-matcher.ts), one entry per entity with the strongest role; and which of them
 * take part in its co-occurrence edges. Pure, so the engine's share of indexing is timed in Node
 * (scripts/bench/entities.ts) and the store only resolves keys and counts.
 */
import type { EntityKind, PageMetadata } from './entity';
import { keyPhrases, type TermStats } from './key-phrases';
import { pageEntities } from './page-entities';

/** How a source mentions an entity, strongest first: a page's author outranks a name in its text. */
export const ROLES = [
  'author',
  'publisher',
  'about',
  'mention',
  'keyword',
  'phrase',
  'matched',
] as const;
export type StoredRole = (typeof ROLES)[number];

const rank = (role: StoredRole | undefined): number =>
  role === undefined ? ROLES.length : ROLES.indexOf(role);

/** The stronger of two roles (a role beats none). */
export const strongerRole = (a: StoredRole | undefined, b: StoredRole | undefined) =>
  rank(a) <= rank(b) ? a : b;

/** An entity named by the source's metadata or phrases: the store finds or creates it by key. */
export interface FoundEntity {
  kind: EntityKind;
  name: string;
  key: string;
  role: StoredRole;
  weight: number;
}

/** What the engine's matcher of known names needs to offer (entity-matcher.ts has it). */
export interface KnownNames {
  counts(text: string): Map<string, number>;
}

export interface SourceEntities {
  /** One per key, strongest role first found. */
  entities: FoundEntity[];
  /** Known entities found in the text by id, with their number of occurrences. */
  matched: Map<string, number>;
}

/** Key phrases per source: ten ideas are more than a page has; fewer keep the graph legible. */
export const PHRASES_PER_SOURCE = 6;
/** The matcher reads this much of the text: a name that matters appears before 200,000 characters. */
export const MATCH_TEXT = 200_000;
/** At most this many of a source's entities pair up in co-occurrence edges (n·(n−1)/2 edges). */
export const PAIRED_PER_SOURCE = 10;

export function sourceEntities(input: {
  metadata?: PageMetadata | undefined;
  title: string;
  text: string;
  stats: TermStats;
  known?: KnownNames | undefined;
}): SourceEntities {
  const byKey = new Map<string, FoundEntity>();
  const add = (found: FoundEntity): void => {
    const seen = byKey.get(found.key);
    if (!seen) byKey.set(found.key, found);
    else if (strongerRole(found.role, seen.role) === found.role && found.role !== seen.role)
      byKey.set(found.key, { ...found, kind: seen.kind === 'idea' ? found.kind : seen.kind });
  };
  if (input.metadata) {
    for (const m of pageEntities(input.metadata).mentions)
      add({ kind: m.kind, name: m.name, key: m.key, role: m.role, weight: 1 });
  }
  for (const p of keyPhrases(input.text, input.stats, {
    title: input.title,
    k: PHRASES_PER_SOURCE,
  })) {
    add({ kind: 'idea', name: p.phrase, key: p.key, role: 'phrase', weight: p.score });
  }
  const matched = input.known?.counts(input.text.slice(0, MATCH_TEXT)) ?? new Map<string, number>();
  return { entities: [...byKey.values()], matched };
}

/**
 * The entities of a source that pair up in its co-occurrence edges: the strongest roles first, then
 * the heaviest, then by id, at most PAIRED_PER_SOURCE. Deterministic, so the same mentions always
 * give the same pairs.
 */
export function pairedIds(
  mentions: ReadonlyArray<{ entityId: string; role?: StoredRole; weight?: number }>,
): string[] {
  return mentions
    .filter((m) => m.role !== undefined)
    .sort(
      (x, y) =>
        rank(x.role) - rank(y.role) ||
        (y.weight ?? 1) - (x.weight ?? 1) ||
        (x.entityId < y.entityId ? -1 : x.entityId > y.entityId ? 1 : 0),
    )
    .slice(0, PAIRED_PER_SOURCE)
    .map((m) => m.entityId);
}

/** Every pair of distinct ids, each as [a, b] with a < b (the edge's key). */
export function pairsOf(ids: readonly string[]): Array<[string, string]> {
  const sorted = [...new Set(ids)].sort();
  const out: Array<[string, string]> = [];
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length; j++) out.push([sorted[i]!, sorted[j]!]);
  return out;
}
