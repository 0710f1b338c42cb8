/**
 * The graph rows the picture and the entity pages read, exactly as the issue 14 storage contract
 * names them (notes/graph-contract.md; db.ts v6 holds their stores). They are declared here, not
 * taken from db.ts, because the graph-core branch owns db.ts's row types: the readers rely only on
 * the contract's fields, so either side of the merge reads the same rows.
 */
import type { Table } from 'dexie';
import type { EngramDb } from '../db';

export const GRAPH_KINDS = ['person', 'organisation', 'place', 'event', 'idea', 'site'] as const;
export type GraphEntityKind = (typeof GRAPH_KINDS)[number];

export interface GraphEntityRow {
  /** `site:<site>` for sites, `e:<kind>:<entityKey>` for the rest. */
  id: string;
  kind: GraphEntityKind;
  /** Display name (the user may rename it). */
  name: string;
  /** entityKey(name) (core/graph/entity-key.ts); a site's key is the site. */
  key: string;
  /** Other display forms merged into it. */
  aliases?: string[];
  firstSeenAt: number;
  lastSeenAt: number;
  /** Sources that mention it. */
  sourceCount: number;
}

export type MentionRole =
  'author' | 'publisher' | 'about' | 'mention' | 'keyword' | 'phrase' | 'matched';

export interface GraphMentionRow {
  sourceId: string;
  entityId: string;
  role?: MentionRole;
  weight?: number;
}

/** Co-occurrence of two entities, `a < b` in string order. */
export interface EntityEdgeRow {
  a: string;
  b: string;
  weight: number;
}

export const entityTable = (db: EngramDb): Table<GraphEntityRow, string> =>
  db.table<GraphEntityRow, string>('entities');

export const mentionTable = (db: EngramDb): Table<GraphMentionRow, [string, string]> =>
  db.table<GraphMentionRow, [string, string]>('mentions');

export const entityEdgeTable = (db: EngramDb): Table<EntityEdgeRow, [string, string]> =>
  db.table<EntityEdgeRow, [string, string]>('entityEdges');
