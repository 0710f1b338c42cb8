/**
 * Entities from schema.org JSON-LD, the most precise metadata a page carries: typed authors,
 * publishers, subjects and mentions. Real pages write it every way the spec allows and some it does
 * not: a single object, an array, an `@graph`, nested objects or bare strings, `@id` references to
 * another node (Yoast SEO writes all its authors so), prefixed types, HTML in names, and broken
 * JSON. Every script is parsed on its own (one broken script does not lose the others) and the walk
 * is bounded in nodes, depth and list length, so no page can stall indexing.
 */
import { type EntityKind, type EntityMention, LIMITS, mentionOf, type MentionRole } from './entity';
import { authorNames, cleanName, keywordNames, siteNameOf } from './entity-name';

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Own properties only: `__proto__` or `constructor` in page JSON must never reach a prototype. */
const own = (node: Node, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
const list = (v: unknown): unknown[] =>
  (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).slice(0, LIMITS.listItems);

/** "schema:Person", "http://schema.org/Person" and "Person" are one type. */
function typesOf(node: Node): string[] {
  return list(own(node, '@type'))
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, ''));
}

const ORGANISATION =
  /Organi[sz]ation$|^(?:Corporation|NGO|LocalBusiness|Brand|CollegeOrUniversity|School|SportsTeam|MusicGroup|PerformingGroup|Airline|Consortium|Project|WorkersUnion|Hospital|Library|Store|Restaurant)$/;
const PLACE =
  /^(?:Place|City|Country|State|AdministrativeArea|Continent|Landform|LandmarksOrHistoricalBuildings|TouristAttraction|TouristDestination|Park|Museum|Airport|Residence|Accommodation|Mountain|BodyOfWater|CivicStructure)$/;

function kindOf(types: string[]): EntityKind | null {
  for (const t of types) {
    if (t === 'Person') return 'person';
    if (ORGANISATION.test(t)) return 'organisation';
    if (PLACE.test(t)) return 'place';
    if (/Event$/.test(t)) return 'event';
  }
  return null;
}

/** Top-level nodes whose authors are not the page's: comments, reviews, lists of other pages. */
const SKIPPED =
  /^(?:Comment|Review|ItemList|BreadcrumbList|ImageObject|SearchAction|ListItem|Rating|AggregateRating)$/;

/** A property, the role its values play, and the kind of a value that does not say. */
const PROPERTIES: ReadonlyArray<readonly [string, MentionRole, EntityKind]> = [
  ['author', 'author', 'person'],
  ['creator', 'author', 'person'],
  ['publisher', 'publisher', 'organisation'],
  ['about', 'about', 'idea'],
  ['contentLocation', 'about', 'place'],
  ['mentions', 'mention', 'idea'],
  ['keywords', 'keyword', 'idea'],
];

function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return textOf(v[0]);
  if (isNode(v)) return textOf(own(v, '@value'));
  return null;
}

function nameOf(node: Node): string | null {
  const name = textOf(own(node, 'name'));
  if (name) return name;
  const given = textOf(own(node, 'givenName'));
  const family = textOf(own(node, 'familyName'));
  return given || family ? [given, family].filter(Boolean).join(' ') : null;
}

export interface JsonLdEntities {
  mentions: EntityMention[];
  /** The first valid `datePublished` of the page's own nodes, as an ISO string. */
  published?: string;
}

/** Comments, CDATA wrappers and a BOM around the JSON, which some CMSs emit. */
function parse(script: string): unknown {
  if (script.length > LIMITS.scriptChars) return undefined;
  const body = script
    .replace(/^\s*(?:\ufeff)?(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '');
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function isoDate(v: unknown): string | undefined {
  const text = textOf(v);
  if (!text || text.length > 40) return undefined;
  const time = Date.parse(text);
  // Years outside 1900–2200 are placeholders ("0001-01-01") or typos.
  if (!Number.isFinite(time) || time < -2_208_988_800_000 || time > 7_258_118_400_000)
    return undefined;
  return new Date(time).toISOString();
}

/** Mentions of every page-level node of the JSON-LD scripts of a page. */
export function jsonLdEntities(
  scripts: readonly string[],
  siteName?: string | null,
): JsonLdEntities {
  const mentions: EntityMention[] = [];
  let published: string | undefined;
  let budget = LIMITS.nodes;
  const byId = new Map<string, Node>();
  const top: Node[] = [];

  // Page-level nodes: a script's object or array items, and the members of any `@graph`.
  const collect = (v: unknown, depth: number): void => {
    for (const item of list(v)) {
      if (!isNode(item) || budget-- <= 0 || depth > 2) continue;
      const id = own(item, '@id');
      if (typeof id === 'string' && !byId.has(id)) byId.set(id, item);
      const graph = own(item, '@graph');
      if (graph !== undefined) collect(graph, depth + 1);
      if (typesOf(item).length > 0) top.push(item);
    }
  };
  for (const script of scripts.slice(0, LIMITS.scripts)) collect(parse(script), 0);

  const push = (kind: EntityKind, name: string, role: MentionRole): void => {
    if (mentions.length >= LIMITS.mentions) return;
    const m = mentionOf(kind, name, role, 'jsonld');
    if (m) mentions.push(m);
  };

  const readValue = (v: unknown, role: MentionRole, fallback: EntityKind, depth: number): void => {
    for (const item of list(v)) {
      if (budget-- <= 0 || depth > LIMITS.depth) return;
      if (typeof item === 'string') {
        const names =
          role === 'keyword'
            ? keywordNames(item)
            : role === 'author'
              ? authorNames(item, siteName)
              : [role === 'publisher' ? siteNameOf(item) : cleanName(item)];
        for (const n of names) if (n) push(fallback, n, role);
      } else if (isNode(item)) {
        const ref = own(item, '@id');
        const named = nameOf(item);
        const target = !named && typeof ref === 'string' ? byId.get(ref) : item;
        if (!target) continue;
        if (target !== item) {
          readValue(target, role, fallback, depth + 1);
          continue;
        }
        const kind = kindOf(typesOf(item)) ?? fallback;
        if (!named) continue;
        const names =
          kind === 'person' && role === 'author'
            ? authorNames(named, siteName)
            : [cleanName(named)];
        for (const n of names) if (n) push(kind, n, role);
      }
    }
  };

  const readNode = (node: Node, depth: number): void => {
    if (typesOf(node).some((t) => SKIPPED.test(t)) || depth > 2) return;
    for (const [property, role, fallback] of PROPERTIES) {
      const v = own(node, property);
      if (v !== undefined) readValue(v, role, fallback, depth + 1);
    }
    published ??= isoDate(own(node, 'datePublished'));
    // A WebPage's mainEntity is the article itself.
    for (const inner of list(own(node, 'mainEntity')))
      if (isNode(inner)) readNode(inner, depth + 1);
  };
  for (const node of top) readNode(node, 0);

  return published ? { mentions, published } : { mentions };
}
