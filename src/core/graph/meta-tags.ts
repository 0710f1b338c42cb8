/**
 * Entities from `<meta>` tags: authors (author, article:author, Dublin Core creator, Parse.ly),
 * keywords and tags, and the site's name. Less precise than JSON-LD (no types: an author may be an
 * organisation, a tag may be a person) so the kinds here are defaults that JSON-LD overrides.
 */
import {
  type EntityKind,
  type EntityMention,
  LIMITS,
  mentionOf,
  type MentionRole,
  type MetaTag,
} from './entity';
import { authorNames, keywordNames, siteNameOf } from './entity-name';

/** Lower-cased meta names and properties, and what their content names. */
const KEYS: ReadonlyMap<string, readonly [MentionRole, EntityKind]> = new Map([
  ['author', ['author', 'person']],
  ['article:author', ['author', 'person']],
  ['article:author_name', ['author', 'person']],
  ['dc.creator', ['author', 'person']],
  ['dc:creator', ['author', 'person']],
  ['dcterms.creator', ['author', 'person']],
  ['parsely-author', ['author', 'person']],
  ['sailthru.author', ['author', 'person']],
  ['byl', ['author', 'person']],
  ['og:site_name', ['publisher', 'organisation']],
  ['application-name', ['publisher', 'organisation']],
  ['keywords', ['keyword', 'idea']],
  ['news_keywords', ['keyword', 'idea']],
  ['article:tag', ['keyword', 'idea']],
  ['parsely-tags', ['keyword', 'idea']],
] as const);

/**
 * Author keys, most trusted first. Pages repeat the author under several keys, and where they
 * disagree the later ones are worse (article:author is often a profile URL, a CMS default, or the
 * site), so only the first key that names someone counts: Readability's order, Dublin Core first.
 */
const AUTHOR_ORDER = [
  'dc:creator',
  'dc.creator',
  'dcterms.creator',
  'author',
  'article:author_name',
  'article:author',
  'parsely-author',
  'sailthru.author',
  'byl',
];

/** The keys a tag carries: `property` may list several ("dc:creator twitter:site_name"). */
function keysOf(tag: MetaTag): string[] {
  return [tag.name, tag.property, tag.itemprop]
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.toLowerCase().split(/\s+/))
    .filter(Boolean);
}

/** Mentions from a page's meta tags, in document order, at most LIMITS.mentions. */
export function metaEntities(tags: readonly MetaTag[]): EntityMention[] {
  const mentions: EntityMention[] = [];
  const authors = new Map<string, EntityMention[]>();
  const siteTag = tags.slice(0, LIMITS.metaTags).find((t) => keysOf(t).includes('og:site_name'));
  const siteName = typeof siteTag?.content === 'string' ? siteNameOf(siteTag.content) : null;
  for (const tag of tags.slice(0, LIMITS.metaTags)) {
    if (typeof tag.content !== 'string' || tag.content.length === 0) continue;
    for (const key of keysOf(tag)) {
      const meaning = KEYS.get(key);
      if (!meaning) continue;
      const [role, kind] = meaning;
      // A Twitter handle or a profile URL is not a name (cleanName drops URLs).
      if (role === 'author' && tag.content.trim().startsWith('@')) continue;
      const names =
        role === 'author'
          ? authorNames(tag.content, siteName)
          : role === 'publisher'
            ? [siteNameOf(tag.content)]
            : keywordNames(tag.content);
      const into = role === 'author' ? (authors.get(key) ?? []) : mentions;
      if (role === 'author') authors.set(key, into);
      for (const name of names) {
        const m = name ? mentionOf(kind, name, role, 'meta') : null;
        if (m && into.length < (role === 'author' ? LIMITS.listItems : LIMITS.mentions))
          into.push(m);
      }
      break;
    }
  }
  const best = AUTHOR_ORDER.map((k) => authors.get(k) ?? []).find((group) => group.length > 0);
  return [...(best ?? []), ...mentions].slice(0, LIMITS.mentions);
}
