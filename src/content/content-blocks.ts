/**
 * Which text blocks are the page's content, for a glimpse (issue 10): not its navigation, page
 * header and footer, sidebars, search, menus of short links, skip links or cookie banners, which
 * a glimpse taken without host access used to be made of, and which were then cited as sources.
 *
 * Decided from structure (tags, ARIA roles, ids and classes, link density), which works on any
 * document; the one layout test, fixed-position overlays, runs only where there are computed
 * styles. Each verdict on a container is cached for the filter's lifetime, so a filter built once
 * per scan costs about one visit per element on the blocks' ancestor chains.
 */
import { tagOf } from './dom';

/** Where computed styles and the viewport come from (the page's window); absent in tests. */
export interface OverlayView {
  innerWidth: number;
  innerHeight: number;
  getComputedStyle(el: Element): { position: string };
}

/** Containers that are never the content, whatever their text. */
const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'DIALOG', 'MENU']);
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'menu',
  'menubar',
  'complementary',
]);
/** Ids and classes of cookie and consent banners: common words and the usual vendors' names. */
const CONSENT_NAME =
  /(?:^|[-_\s])(?:cookies?|consent|gdpr|cmp)(?:[-_\s]|$)|onetrust|cookiebot|didomi|usercentrics|truste|qc-cmp|sp_message|cookielaw|cc-window/i;
/**
 * Words in ids and classes that name page chrome (`site-nav`, `breadcrumbs`, `footer_rdr`,
 * `sharing`). Anywhere, the first set; outside the main content also the second, which an article
 * may use for its own parts (a restaurant's `menu`, a post's `entry-footer`).
 */
const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'breadcrumb',
  'breadcrumbs',
  'share',
  'sharing',
  'social',
  'skip',
  'skiplinks',
  'a11y',
]);
const PAGE_CHROME_WORDS = new Set(['menu', 'footer', 'sidebar', 'masthead', 'topbar']);
const CONSENT_WORDS = /\bcookies?\b|\bconsent\b/i;
/** A skip link's words ("Skip to content", "Jump to navigation"). */
const SKIP_LINK = /^\s*(?:skip|jump)\s+(?:to|navigation|nav)\b/i;
const HEADING = /^H[1-6]$/;
/** The scope in which a header or footer is the article's own, not the page's. */
const SECTION_SCOPE = 'article, main, [role="main"], [role="article"]';

/** Blocks this short, made mostly of link text, are menu items, not prose. */
const MENU_ITEM_CHARS = 80;
const MENU_LINK_SHARE = 0.7;
/** An element named like chrome is chrome when this much of its text is links. */
const NAMED_LINK_SHARE = 0.5;
/** Inside the main content, a list is a menu when it has this many items, all short links. */
const MENU_MIN_ITEMS = 5;
/** Outside the main content, a block is kept only if it reads like prose: this many characters. */
const PROSE_CHARS = 120;
const PROSE_LINK_SHARE = 0.3;
/** The main region counts only if it holds this much text: an empty `<main>` is no signal. */
const MAIN_MIN_CHARS = 500;

const squashedLength = (text: string | null): number => (text ?? '').replace(/\s+/g, '').length;

/** The share of `el`'s text that is link text (0 when it has no text). */
export function linkShare(el: Element): number {
  const total = squashedLength(el.textContent);
  if (!total) return 0;
  if (el.closest('a[href]')) return 1;
  let linked = 0;
  for (const a of el.querySelectorAll('a[href]')) linked += squashedLength(a.textContent);
  return Math.min(1, linked / total);
}

/**
 * The page's main content, when it says where it is: its one top-level `article` (inside `main`
 * if there is one), else its one `main` or `[role=main]`. Several articles (a feed, a front page)
 * or too little text name no region.
 */
export function mainRegion(doc: Document): Element | null {
  const mains = doc.querySelectorAll('main, [role="main"]');
  const main = mains.length === 1 ? mains[0]! : null;
  const scope: ParentNode = main ?? doc;
  const articles = Array.from(scope.querySelectorAll('article, [role="article"]')).filter(
    (el) => !el.parentElement?.closest('article, [role="article"]'),
  );
  for (const candidate of [articles.length === 1 ? articles[0]! : null, main]) {
    if (candidate && squashedLength(candidate.textContent) >= MAIN_MIN_CHARS) return candidate;
  }
  return null;
}

function namedLikeConsent(el: Element): boolean {
  const id = el.getAttribute('id') ?? '';
  const cls = el.getAttribute('class') ?? '';
  return (id !== '' && CONSENT_NAME.test(id)) || (cls !== '' && CONSENT_NAME.test(cls));
}

function nameWords(el: Element): string[] {
  const name = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
  if (name.length < 3) return [];
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
}

function isConsentDialog(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role !== 'dialog' && role !== 'alertdialog' && tagOf(el) !== 'DIALOG') return false;
  const label = `${el.getAttribute('aria-label') ?? ''} ${(el.textContent ?? '').slice(0, 2_000)}`;
  return CONSENT_WORDS.test(label);
}

/** A block that is a skip link ("Skip to content"), or nothing but in-page links. */
function isSkipLink(block: Element, text: string): boolean {
  if (text.length > MENU_ITEM_CHARS) return false;
  if (SKIP_LINK.test(text)) return true;
  const links = block.querySelectorAll('a[href]');
  return (
    links.length > 0 &&
    Array.from(links).every((a) => (a.getAttribute('href') ?? '').startsWith('#')) &&
    linkShare(block) >= MENU_LINK_SHARE &&
    /\bskip\b|\bjump\b|accessibility/i.test(text)
  );
}

/** Why a block is kept ('content') or not. */
export type BlockVerdict = 'content' | 'skip-link' | 'menu-item' | 'chrome' | 'outside-main';

/**
 * What each text block is. Build one per scan (its caches assume the page does not change
 * meanwhile). `view` adds the fixed-overlay test; without it (linkedom, or the page's styles
 * unreadable) structure alone decides.
 */
export function blockVerdicts(
  doc: Document,
  view?: OverlayView | null,
): (block: Element) => BlockVerdict {
  const main = mainRegion(doc);
  /** Per container: whether everything inside it is page chrome. */
  const chrome = new Map<Element, boolean>();

  const isFixedOverlay = (el: Element): boolean => {
    if (!view) return false;
    try {
      if (view.getComputedStyle(el).position !== 'fixed') return false;
      // A fixed box covering most of the screen is a modal or an app's frame, read as content;
      // a bar, a corner widget or a banner is not.
      const rect = el.getBoundingClientRect();
      return rect.width * rect.height < 0.5 * view.innerWidth * view.innerHeight;
    } catch {
      return false;
    }
  };

  const decide = (el: Element): boolean => {
    // The element holding the main content is never chrome, whatever it calls itself.
    if (main && el.contains(main)) return false;
    const tag = tagOf(el);
    if (CHROME_TAGS.has(tag)) return tag !== 'DIALOG' || isConsentDialog(el);
    const role = el.getAttribute('role');
    if (role && CHROME_ROLES.has(role)) return true;
    if ((tag === 'HEADER' || tag === 'FOOTER') && !el.parentElement?.closest(SECTION_SCOPE)) {
      return true;
    }
    if (isConsentDialog(el) || (namedLikeConsent(el) && !el.closest(SECTION_SCOPE))) return true;
    const inMain = main?.contains(el) ?? false;
    const named = nameWords(el).some(
      (word) => CHROME_WORDS.has(word) || (!inMain && PAGE_CHROME_WORDS.has(word)),
    );
    // A name alone is weak evidence (`share-btns-container` may wrap the whole article): the
    // element must also be mostly links, as navigation, breadcrumbs and share bars are.
    if (named && linkShare(el) >= NAMED_LINK_SHARE) return true;
    return isFixedOverlay(el);
  };

  /** Whether `el` or one of its ancestors is chrome; caches every container on the way up. */
  const inChrome = (start: Element): boolean => {
    const path: Element[] = [];
    let verdict = false;
    for (let el: Element | null = start; el; el = el.parentElement) {
      const known = chrome.get(el);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      path.push(el);
      if (decide(el)) {
        verdict = true;
        break;
      }
    }
    for (const el of path) chrome.set(el, verdict);
    return verdict;
  };

  /** Per list: whether it is a menu, every one of its many items a short link. */
  const menus = new Map<Element, boolean>();
  const isMenuItem = (el: Element, text = (el.textContent ?? '').trim()): boolean =>
    text.length <= MENU_ITEM_CHARS && linkShare(el) >= MENU_LINK_SHARE;
  const inMenuList = (block: Element): boolean => {
    const item = block.closest('li');
    const list = item?.parentElement;
    if (!item || !list) return false;
    let menu = menus.get(list);
    if (menu === undefined) {
      const items = Array.from(list.children).filter(
        (el) => tagOf(el) === 'LI' && (el.textContent ?? '').trim() !== '',
      );
      menu = items.length >= MENU_MIN_ITEMS && items.every((li) => isMenuItem(li));
      menus.set(list, menu);
    }
    return menu;
  };

  return (block) => {
    const text = (block.textContent ?? '').trim();
    if (isSkipLink(block, text)) return 'skip-link';
    if (inChrome(block)) return 'chrome';
    if (main?.contains(block)) return inMenuList(block) ? 'menu-item' : 'content';
    if (!main) {
      // With no main region to go by, a heading that is a link may be the article's own title or
      // section: keep it; other short links are menu items.
      return HEADING.test(tagOf(block)) || !isMenuItem(block, text) ? 'content' : 'menu-item';
    }
    if (isMenuItem(block, text)) return 'menu-item';
    // Outside a main region the page named, only prose is kept (a caption, a note, an aside the
    // page forgot to mark), not the teasers and link lists around an article.
    return squashedLength(text) >= PROSE_CHARS && linkShare(block) < PROSE_LINK_SHARE
      ? 'content'
      : 'outside-main';
  };
}

/** A filter over text blocks: true for the blocks a glimpse keeps (see `blockVerdicts`). */
export function contentFilter(
  doc: Document,
  view?: OverlayView | null,
): (block: Element) => boolean {
  const verdict = blockVerdicts(doc, view);
  return (block) => verdict(block) === 'content';
}
