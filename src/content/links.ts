/** Hyperlinks of captured content: the edges of the knowledge graph. */
import { MAX_LINKS, MAX_URL } from './limits';

/** An absolute http(s) URL without its fragment, or null (other schemes, junk, too long). */
export function absoluteHttpUrl(raw: string | null | undefined, base?: string): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return url.href.length <= MAX_URL ? url.href : null;
}

export interface LinkOptions {
  /** Resolves relative hrefs; in a browser, the document's `baseURI`. */
  base?: string;
  /** A URL to leave out (the page itself: links to its own sections are not edges). */
  exclude?: string;
  max?: number;
  /** Anchors to look at, at most: bounded work on link farms. */
  maxScan?: number;
}

/** Unique absolute http(s) targets of the anchors in `anchors`, in document order. */
export function uniqueLinks(anchors: Iterable<Element>, options: LinkOptions = {}): string[] {
  const max = options.max ?? MAX_LINKS;
  const maxScan = options.maxScan ?? 20_000;
  const exclude = options.exclude ? absoluteHttpUrl(options.exclude) : null;
  const found = new Set<string>();
  let scanned = 0;
  for (const anchor of anchors) {
    if (found.size >= max || scanned >= maxScan) break;
    scanned += 1;
    const url = absoluteHttpUrl(anchor.getAttribute('href'), options.base);
    if (url && url !== exclude) found.add(url);
  }
  return [...found];
}

/** Links of the anchors (and image-map areas) under `root`. */
export function collectLinks(root: ParentNode, options: LinkOptions = {}): string[] {
  return uniqueLinks(root.querySelectorAll('a[href], area[href]'), options);
}
