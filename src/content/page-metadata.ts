/**
 * The page's metadata for the knowledge graph (issue 14): the text of its JSON-LD scripts, its
 * `<meta>` tags with content, and the byline and site name Readability found. Read only after the
 * privacy gate let the page's text go, cut to CAPTURE_LIMITS; parsed and cleaned in the engine
 * (core/graph), never here.
 */
import { CAPTURE_LIMITS, type MetaTag } from '../core/graph/entity';
import type { CapturePayload } from '../shared/protocol';

/** core/graph/entity.ts's PageMetadata, as the capture payload carries it. */
export type CapturedMetadata = NonNullable<CapturePayload['metadata']>;

const cut = (value: string, max: number): string => value.slice(0, max);

function metaTag(el: Element): MetaTag | null {
  const content = el.getAttribute('content')?.trim();
  if (!content) return null;
  const tag: MetaTag = { content: cut(content, CAPTURE_LIMITS.metaChars) };
  for (const attr of ['name', 'property', 'itemprop'] as const) {
    const value = el.getAttribute(attr);
    if (value) tag[attr] = cut(value, CAPTURE_LIMITS.attributeChars);
  }
  return tag.name || tag.property || tag.itemprop ? tag : null;
}

export function pageMetadata(
  doc: Document,
  article: { byline?: string | null; siteName?: string | null } = {},
): CapturedMetadata {
  const jsonLd: string[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = script.textContent ?? '';
    if (text.trim() && text.length <= CAPTURE_LIMITS.scriptChars) jsonLd.push(text);
    if (jsonLd.length >= CAPTURE_LIMITS.scripts) break;
  }
  const meta: MetaTag[] = [];
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const tag = metaTag(el);
    if (tag) meta.push(tag);
    if (meta.length >= CAPTURE_LIMITS.metaTags) break;
  }
  const byline = article.byline?.trim();
  const siteName = article.siteName?.trim();
  return {
    jsonLd,
    meta,
    ...(byline ? { byline: cut(byline, CAPTURE_LIMITS.nameChars) } : {}),
    ...(siteName ? { siteName: cut(siteName, CAPTURE_LIMITS.nameChars) } : {}),
  };
}
