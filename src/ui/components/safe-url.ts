/**
 * The only URLs the UI will open: absolute http(s). Captured text is untrusted, and a
 * `javascript:`, `data:`, `file:` or `chrome:` link in a citation must never be followed.
 */
export function safeHttpUrl(candidate: string | undefined): string | null {
  if (!candidate) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Credentials in a link are a phishing trick ("https://bank.com@evil.example"); drop the link.
  if (url.username || url.password) return null;
  return url.href;
}

/** The first safe URL of a citation: the text-fragment link, else the plain page URL. */
export function citationUrl(citation: { href: string; url: string }): string | null {
  return safeHttpUrl(citation.href) ?? safeHttpUrl(citation.url);
}
