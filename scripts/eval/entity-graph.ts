/**
 * The knowledge graph of the eval pages (issue 14), built as the engine builds it at indexing:
 * each page in order through sourceEntities (src/core/graph/source-graph.ts: its metadata's
 * entities, key phrases as ideas, the known names found in its text by the matcher of the names
 * seen before it), one entity per key. The metadata is the pages' own (tests/fixtures/eval/
 * metadata.json, made by make-eval-metadata.ts). Questions find their entities with the same
 * matcher over every named entity (person, organisation, place, event), as the engine's
 * KnownEntities does in the chat.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityKind, PageMetadata } from '../../src/core/graph/entity';
import { EntityMatcher, type KnownName } from '../../src/core/graph/entity-matcher';
import type { TermStats } from '../../src/core/graph/key-phrases';
import { sourceEntities } from '../../src/core/graph/source-graph';
import { questionForNames, type Mention } from '../../src/core/rank/entity-list';
import { EVAL_DIR, type EvalPage } from './corpus';

export interface EvalGraph {
  /** The named entities of a question, once each, with the name as the question writes it. */
  named(question: string): Array<{ id: string; name: string }>;
  mentionsOf(entityId: string): Mention[];
  /** Entities and mentions, for the report. */
  entities: number;
  mentions: number;
}

const NAMED: ReadonlySet<EntityKind> = new Set(['person', 'organisation', 'place', 'event']);

export function loadMetadata(
  file = path.join(EVAL_DIR, 'metadata.json'),
): Record<string, PageMetadata> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, PageMetadata>;
}

export function buildEvalGraph(
  pages: readonly EvalPage[],
  metadata: Readonly<Record<string, PageMetadata>>,
  stats: TermStats,
): EvalGraph {
  const idOfKey = new Map<string, string>();
  const mentions = new Map<string, Mention[]>();
  const names: KnownName[] = [];
  let known = new EntityMatcher([]);
  let count = 0;
  const mention = (entityId: string, m: Mention): void => {
    const list = mentions.get(entityId) ?? [];
    list.push(m);
    mentions.set(entityId, list);
    count += 1;
  };
  for (const page of pages) {
    const found = sourceEntities({
      metadata: metadata[page.id],
      title: page.title,
      text: page.text,
      stats,
      known,
    });
    const here = new Set<string>();
    const learnt: KnownName[] = [];
    for (const e of found.entities) {
      let id = idOfKey.get(e.key);
      if (id === undefined) {
        id = `e:${e.kind}:${e.key}`;
        idOfKey.set(e.key, id);
        if (NAMED.has(e.kind)) learnt.push({ id, name: e.name });
      }
      here.add(id);
      mention(id, { sourceId: page.id, role: e.role, weight: e.weight });
    }
    for (const [id, n] of found.matched)
      if (!here.has(id)) mention(id, { sourceId: page.id, role: 'matched', weight: n });
    if (learnt.length > 0) {
      names.push(...learnt);
      known = new EntityMatcher(names);
    }
  }
  return {
    named: (question) => {
      const text = questionForNames(question);
      const out = new Map<string, { id: string; name: string }>();
      for (const { id, start, end } of known.find(text))
        if (!out.has(id)) out.set(id, { id, name: text.slice(start, end) });
      return [...out.values()];
    },
    mentionsOf: (id) => mentions.get(id) ?? [],
    entities: idOfKey.size,
    mentions: count,
  };
}
