/**
 * URL identity: the same page reached through a campaign link, a share button or an anchor link
 * should be one source.
 */

/** Query parameters that identify the visit, not the page. */
const TRACKING_EXACT = new Set(['fbclid', 'gclid', 'mc_cid', 'mc_eid', 'ref_src']);

function isTracking(rawKey: string): boolean {
  let key = rawKey;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
  } catch {
    // A malformed escape is kept as written; it is not a tracking key we know.
  }
  key = key.toLowerCase();
  return key.startsWith('utm_') || TRACKING_EXACT.has(key);
}

/**
 * The canonical form of url: no fragment, no tracking parameters, lower-case host, no default
 * port, no empty `?`. Kept parameters stay exactly as written (re-serialising them through
 * URLSearchParams would turn %20 into + and make equal pages look different). Input that does not
 * parse as a URL comes back trimmed.
 */
export function canonicalUrl(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  parsed.hash = '';
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTracking(pair.split('=')[0] ?? ''));
  // Setting '' also drops a bare "?" (URL keeps one that was written with nothing after it).
  parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return parsed.href;
}

/** The site a url belongs to, for display and grouping: host name without a leading "www.". */
export function siteOf(url: string): string {
  try {
    return new URL(url.trim()).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
