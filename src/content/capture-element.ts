/**
 * What a right-clicked link or image says about itself: the words around it, not the page.
 * Elements are found again by URL because the context menu gives us only `linkUrl`/`srcUrl`.
 */
import { MAX_URL } from './limits';
import { absoluteHttpUrl } from './links';
import { joinLines, oneLine } from '../core/text/one-line';
import { visibleText } from './visible-text';

const MAX_CANDIDATES = 20_000;

export interface ElementCapture {
  text: string;
  targetUrl?: string;
  links: string[];
}

/** `url` as the browser would normalise it, so that `a.href` and `linkUrl` compare equal. */
function normalise(url: string, base?: string): string | null {
  if (!url.trim()) return null;
  try {
    return base ? new URL(url, base).href : new URL(url).href;
  } catch {
    return null;
  }
}

function findFirst<E extends Element>(
  candidates: Iterable<E>,
  matches: (el: E) => boolean,
): E | null {
  let seen = 0;
  for (const el of candidates) {
    if (++seen > MAX_CANDIDATES) break;
    if (matches(el)) return el;
  }
  return null;
}

/** Text of a link: its visible words, or the alt text of an image link, its title, and the URL. */
export function captureLink(doc: Document, linkUrl: string, base?: string): ElementCapture {
  const wanted = normalise(linkUrl) ?? linkUrl;
  const anchor = findFirst(doc.querySelectorAll('a[href], area[href]'), (a) => {
    // In a browser `.href` is already absolute; resolving the attribute covers other DOMs.
    const href = (a as Partial<HTMLAnchorElement>).href;
    return href === wanted || normalise(a.getAttribute('href') ?? '', base) === wanted;
  });
  let label = '';
  if (anchor) {
    label =
      oneLine(visibleText(anchor, { maxChars: 2_000 })) ||
      oneLine(anchor.querySelector('img[alt]')?.getAttribute('alt')) ||
      oneLine(anchor.getAttribute('aria-label'));
  }
  const link = absoluteHttpUrl(linkUrl);
  return {
    text: joinLines([label, anchor?.getAttribute('title'), linkUrl]),
    targetUrl: linkUrl,
    links: link ? [link] : [],
  };
}

/** Text of an image: alt, title and the caption of its figure. Empty when it has none. */
export function captureImage(doc: Document, srcUrl: string, base?: string): ElementCapture {
  const wanted = normalise(srcUrl) ?? srcUrl;
  const img = findFirst(doc.querySelectorAll('img'), (el) => {
    const { currentSrc, src } = el as Partial<HTMLImageElement>;
    return (
      currentSrc === wanted ||
      src === wanted ||
      normalise(el.getAttribute('src') ?? '', base) === wanted
    );
  });
  const caption = img?.closest('figure')?.querySelector('figcaption');
  const text = img
    ? joinLines([
        img.getAttribute('alt'),
        img.getAttribute('title'),
        caption ? visibleText(caption, { maxChars: 4_000 }) : '',
      ])
    : '';
  const around = absoluteHttpUrl(img?.closest('a[href]')?.getAttribute('href'), base);
  return {
    text,
    // A data: URL can be megabytes long; past the protocol's limit it is left out, not truncated.
    ...(srcUrl.length <= MAX_URL ? { targetUrl: srcUrl } : {}),
    links: around ? [around] : [],
  };
}
