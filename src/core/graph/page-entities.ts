/**
 * All the entities of one page's metadata, one mention per entity and role: JSON-LD, meta tags,
 * and the byline and site name Readability found, merged so that the same author named three ways
 * ("JOE HILDEBRAND" in the byline, "Joe Hildebrand" in JSON-LD) is one mention in its most precise
 * form.
 */
import {
  type EntityMention,
  LIMITS,
  mentionOf,
  type MentionSource,
  type PageMetadata,
} from './entity';
import { authorNames, siteNameOf } from './entity-name';
import { jsonLdEntities } from './json-ld';
import { metaEntities } from './meta-tags';

export interface PageEntities {
  mentions: EntityMention[];
  /** When the page says it was published (JSON-LD datePublished), as an ISO string. */
  published?: string;
}

const SOURCE_ORDER: readonly MentionSource[] = ['jsonld', 'meta', 'byline'];

/**
 * Whether two author keys on the SAME page name the same person: equal, or the same first and
 * last word where the shorter drops only middle words ("jane doe" / "jane q doe"). Across pages
 * this would be a guess (two Jane Does), so only page-entities.ts applies it.
 */
export function sameAuthorOnPage(a: string, b: string): boolean {
  if (a === b) return true;
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length < 2 || wb.length < 2 || wa.length === wb.length) return false;
  const [short, long] = wa.length < wb.length ? [wa, wb] : [wb, wa];
  return (
    short[0] === long[0] && short.at(-1) === long.at(-1) && short.every((w) => long.includes(w))
  );
}

/**
 * Authors come from the most precise source that names any: JSON-LD, else meta tags, else the
 * byline. The less precise sources are not added to them (where they disagree they are usually
 * wrong: a CMS default, the site, a photographer), with one exception: when the precise source
 * names only organisations ("author": {"@type": "Organization", "name": "Reuters"}), the people of
 * the byline are added, since news sites often credit the agency in JSON-LD and the reporter on
 * the page.
 */
function chooseAuthors(all: EntityMention[]): EntityMention[] {
  const authors = all.filter((m) => m.role === 'author');
  const bySource = SOURCE_ORDER.map((s) => authors.filter((m) => m.source === s));
  const best = bySource.find((group) => group.length > 0) ?? [];
  const chosen = [...best];
  if (best.every((m) => m.kind !== 'person')) {
    for (const m of bySource[2] ?? []) if (!chosen.some((c) => c.key === m.key)) chosen.push(m);
  }
  return chosen;
}

export function pageEntities(page: PageMetadata): PageEntities {
  const readabilitySite = typeof page.siteName === 'string' ? siteNameOf(page.siteName) : null;
  const ld = jsonLdEntities(Array.isArray(page.jsonLd) ? page.jsonLd : [], readabilitySite);
  const meta = metaEntities(Array.isArray(page.meta) ? page.meta : []);
  const fromReadability: EntityMention[] = [];
  if (typeof page.byline === 'string') {
    for (const name of authorNames(page.byline, readabilitySite)) {
      const m = mentionOf('person', name, 'author', 'byline');
      if (m) fromReadability.push(m);
    }
  }
  if (readabilitySite) {
    const m = mentionOf('organisation', readabilitySite, 'publisher', 'byline');
    if (m) fromReadability.push(m);
  }
  const all = [...ld.mentions, ...meta, ...fromReadability];
  const authors = chooseAuthors(all);

  // One kind per key on this page: the first typed mention (JSON-LD first) decides, so that the
  // JSON-LD Organization beats the byline's default "person" for the same name.
  const kinds = new Map<string, EntityMention['kind']>();
  for (const m of all) {
    if (!kinds.has(m.key) || (kinds.get(m.key) === 'idea' && m.kind !== 'idea'))
      kinds.set(m.key, m.kind);
  }
  const out: EntityMention[] = [];
  const seen = new Set<string>();
  const add = (m: EntityMention): void => {
    // A less precise form of an author already kept ("Jane Doe" after "Jane Q. Doe") is that author.
    const same =
      m.role === 'author'
        ? out.find((o) => o.role === 'author' && sameAuthorOnPage(o.key, m.key))
        : undefined;
    const key = `${m.role}\u0000${(same ?? m).key}`;
    if (seen.has(key) || out.length >= LIMITS.mentions) return;
    seen.add(key);
    out.push({ ...m, kind: kinds.get(m.key) ?? m.kind });
  };
  for (const m of authors) add(m);
  for (const m of all) if (m.role !== 'author') add(m);
  return ld.published ? { mentions: out, published: ld.published } : { mentions: out };
}
