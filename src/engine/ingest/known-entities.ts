/**
 * The names already in the graph, for finding them in new text (issue 14): an Aho–Corasick matcher
 * (core/graph/entity-matcher.ts) kept up to date as pages arrive, never rebuilt per page. The
 * automaton cannot take a name once built, so the names are kept in two: a large one built at the
 * first page (all the named entities of the database) and a small one of the names learnt since,
 * rebuilt when a page adds names; when the small one passes FOLD_AT names both are built again as
 * one (amortised, like a log-structured merge), so a page costs a small rebuild at most.
 */
import { EntityMatcher, type EntityMatch, type KnownName } from '../../core/graph/entity-matcher';
import type { KnownNames } from '../../core/graph/source-graph';
import type { EngramDb } from '../../shared/db';
import { namedEntities } from '../../shared/store/graph';

/** Past this many recent names, the two matchers are rebuilt as one. */
const FOLD_AT = 512;

export class KnownEntities implements KnownNames {
  private names: KnownName[] = [];
  private recent: KnownName[] = [];
  private base: EntityMatcher | undefined;
  private small: EntityMatcher | undefined;
  private loading: Promise<void> | undefined;

  constructor(private readonly db: EngramDb) {}

  /** Reads the names in the graph once (at the first page indexed). */
  ready(): Promise<void> {
    this.loading ??= namedEntities(this.db).then((names) => {
      this.names = names;
      this.base = new EntityMatcher(names);
    });
    return this.loading;
  }

  /** Names of entities committed since: found from the next page on. */
  learn(names: readonly KnownName[]): void {
    if (names.length === 0) return;
    this.recent.push(...names);
    if (this.recent.length >= FOLD_AT) {
      this.names.push(...this.recent);
      this.recent = [];
      this.base = new EntityMatcher(this.names);
      this.small = undefined;
    } else this.small = new EntityMatcher(this.recent);
  }

  /** Forget everything (an entity was renamed, merged or deleted): read again at the next page. */
  reset(): void {
    this.loading = undefined;
    this.names = [];
    this.recent = [];
    this.base = undefined;
    this.small = undefined;
  }

  /** The known names in `text` (a question), in order, from both matchers. */
  find(text: string): EntityMatch[] {
    const found = [...(this.base?.find(text) ?? []), ...(this.small?.find(text) ?? [])];
    return found.sort((a, b) => a.start - b.start);
  }

  counts(text: string): Map<string, number> {
    const out = this.base?.counts(text) ?? new Map<string, number>();
    for (const [id, n] of this.small?.counts(text) ?? []) out.set(id, (out.get(id) ?? 0) + n);
    return out;
  }
}
