/**
 * The shapes shared by the graph modules (issue 14). Deliberately plain data: the content script
 * builds a PageMetadata (it can: a few querySelectorAll calls and Readability's byline), the engine
 * turns it into EntityMentions, and storage keys them by entityId(entityKey(name)).
 */
import { entityKey } from './entity-key';

export type EntityKind = 'person' | 'organisation' | 'place' | 'event' | 'idea';

/** How the page relates to the entity: who wrote it, who published it, what it is about. */
export type MentionRole = 'author' | 'publisher' | 'about' | 'mention' | 'keyword';

/** Where the mention was read; also its precision order (JSON-LD is typed, a byline is a guess). */
export type MentionSource = 'jsonld' | 'meta' | 'byline';

export interface EntityMention {
  kind: EntityKind;
  /** Display form, cleaned (no HTML, no "By ", no title): what the user sees. */
  name: string;
  /** entityKey(name): equal keys are one entity. */
  key: string;
  role: MentionRole;
  source: MentionSource;
}

/** One `<meta>` element: whichever of its naming attributes it has, and its content. */
export interface MetaTag {
  name?: string;
  property?: string;
  itemprop?: string;
  content: string;
}

/**
 * What the content script collects from a page for entity extraction: the text of every
 * `<script type="application/ld+json">`, every `<meta>` with content, and Readability's byline and
 * siteName. Nothing here is trusted: each field is capped and checked by the extractors.
 */
export interface PageMetadata {
  jsonLd: readonly string[];
  meta: readonly MetaTag[];
  byline?: string | null;
  siteName?: string | null;
}

/** Bounds on hostile or merely huge metadata, so one page can never stall indexing. */
export const LIMITS = {
  /** JSON-LD scripts read per page, and characters per script (a 5 MB blob is not metadata). */
  scripts: 20,
  scriptChars: 500_000,
  /** Objects visited across all scripts, and nesting depth followed. */
  nodes: 5_000,
  depth: 12,
  /** Meta tags read, values taken from one list (keywords, authors), mentions kept per page. */
  metaTags: 500,
  listItems: 50,
  mentions: 200,
  /** Characters of one raw name looked at, and of a cleaned name kept. */
  rawName: 1_000,
  name: 120,
} as const;

/**
 * What a capture carries of a page's metadata (the content script cuts to these, the protocol
 * refuses more): a JSON-LD script longer than `scriptChars` is left out rather than cut (cut JSON
 * does not parse), a meta value is cut to `metaChars`.
 */
export const CAPTURE_LIMITS = {
  scripts: LIMITS.scripts,
  scriptChars: 100_000,
  metaTags: LIMITS.metaTags,
  metaChars: 2_000,
  attributeChars: 200,
  nameChars: LIMITS.rawName,
} as const;

/** A mention with its key, or null when the name folds to nothing (punctuation, an emoji). */
export function mentionOf(
  kind: EntityKind,
  name: string,
  role: MentionRole,
  source: MentionSource,
): EntityMention | null {
  const key = entityKey(name);
  return key ? { kind, name, key, role, source } : null;
}
