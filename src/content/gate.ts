/**
 * The privacy gate: decided in the content script, before any text leaves the page (issue 5).
 * Nothing here reads what the page says; it looks at the document's type, its address, and
 * whether it holds a password or card field.
 *
 * Decision table, first match wins:
 *
 * | # | the page                                                     | decision   | reason               |
 * |---|--------------------------------------------------------------|------------|----------------------|
 * | 1 | not an HTML document (`contentType` other than `text/html`   | `never`    | `not-html`           |
 * |   | or `application/xhtml+xml`, or none: PDF viewer, image, XML) |            |                      |
 * | 2 | URL not http(s), or not a URL                                | `never`    | `not-web-page`       |
 * | 3 | site policy `never` (user rule or default blocklist)         | `never`    | `site-never`         |
 * | 4 | a password field anywhere: `input[type=password]`, or an     | `url-only` | `password-field`     |
 * |   | input marked `autocomplete=current-password/new-password`,   |            |                      |
 * |   | in the document or an open shadow root, hidden or not        |            |                      |
 * | 5 | a payment card field (`autocomplete=cc-number/cc-csc`)       | `url-only` | `payment-field`      |
 * | 6 | too many elements, or too slow, to finish the check          | `url-only` | `too-large-to-check` |
 * | 7 | site policy `url-only`                                       | `url-only` | `site-url-only`      |
 * | 8 | anything else                                                | `full`     | `allowed`            |
 *
 * Rows 4–6 cap the decision at `url-only`: the address is kept, never the text (DESIGN.md: "pages
 * with a password field are never read"). Form fields and editable regions on an allowed page are
 * left out by the extractors themselves (dom.ts `FORM_FIELD_SELECTOR`, visible-text.ts), so there
 * is no separate stripping step here.
 */
import { matchSite, type SitePolicy, type SiteRule } from '../core/privacy/site-policy';
import { t, type MessageKey } from '../shared/i18n';
import { ELEMENT_NODE, tagOf } from './dom';

export type GateReason =
  | 'not-html'
  | 'not-web-page'
  | 'site-never'
  | 'password-field'
  | 'payment-field'
  | 'too-large-to-check'
  | 'site-url-only'
  | 'allowed';

export interface GateResult {
  decision: SitePolicy;
  reason: GateReason;
}

export interface GateOptions {
  /**
   * Elements the field check may visit, shadow trees included. Past it the page counts as holding
   * a field: failing closed costs a huge page its text, failing open could cost a password.
   */
  maxElements?: number;
  /**
   * A host's shadow root. Defaults to `el.shadowRoot` (open roots); in Chrome pass
   * `chrome.dom.openOrClosedShadowRoot` to see closed ones too.
   */
  shadowRootOf?: (el: Element) => ShadowRoot | null;
  /**
   * Time for the field check, ms. Past it the page counts as holding a field, as past
   * `maxElements`: a check that cannot finish fails closed.
   */
  timeBudgetMs?: number;
  /** The clock, for tests; `performance.now` by default. */
  now?: () => number;
}

const HTML_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);
const DEFAULT_MAX_ELEMENTS = 200_000;
const DEFAULT_TIME_BUDGET_MS = 1_000;
const PASSWORD_AUTOCOMPLETE = /(?:^|\s)(?:current-password|new-password)(?:\s|$)/;
const PAYMENT_AUTOCOMPLETE = /(?:^|\s)(?:cc-number|cc-csc)(?:\s|$)/;

type FieldKind = 'password-field' | 'payment-field' | 'too-large-to-check' | null;

/** What kind of sensitive field `el` is, if any. Attributes only: values are never read. */
function sensitiveField(el: Element): FieldKind {
  if (tagOf(el) !== 'INPUT') return null;
  const autocomplete = (el.getAttribute('autocomplete') ?? '').toLowerCase();
  if ((el.getAttribute('type') ?? '').trim().toLowerCase() === 'password') return 'password-field';
  if (PASSWORD_AUTOCOMPLETE.test(autocomplete)) return 'password-field';
  return PAYMENT_AUTOCOMPLETE.test(autocomplete) ? 'payment-field' : null;
}

const openShadowRoot = (el: Element): ShadowRoot | null =>
  (el as Partial<Element>).shadowRoot ?? null;

/**
 * The first sensitive field in `doc` and the shadow trees below it, walked iteratively (a page
 * nested 100,000 deep cannot overflow the stack) within a budget of elements. A password field
 * ends the walk; a payment field is remembered while the walk looks on for a password one.
 */
export function findSensitiveField(doc: Document, options: GateOptions = {}): FieldKind {
  const shadowRootOf = options.shadowRootOf ?? openShadowRoot;
  let budget = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const now = options.now ?? (() => performance.now());
  const deadline = now() + (options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  let visited = 0;
  let found: FieldKind = null;
  const roots: ParentNode[] = [doc];
  for (let root = roots.pop(); root; root = roots.pop()) {
    let el: Element | null = root.firstElementChild;
    while (el) {
      if (--budget < 0) return found ?? 'too-large-to-check';
      if ((++visited & 1023) === 0 && now() > deadline) return found ?? 'too-large-to-check';
      const kind = sensitiveField(el);
      if (kind === 'password-field') return kind;
      found ??= kind;
      const shadow = shadowRootOf(el);
      if (shadow) roots.push(shadow);
      // Depth first: down, else along, else up until an ancestor has a next sibling.
      let next: Element | null = el.firstElementChild;
      while (!next && el) {
        next = el.nextElementSibling;
        if (!next) {
          const parent: Node | null = el.parentNode;
          el =
            parent && parent !== root && parent.nodeType === ELEMENT_NODE
              ? (parent as Element)
              : null;
        }
      }
      el = next;
    }
  }
  return found;
}

/** Whether, and how much of, this page may be read. */
export function gatePage(
  doc: Document,
  url: string,
  rules: readonly SiteRule[],
  options: GateOptions = {},
): GateResult {
  if (!isHtml(doc)) return { decision: 'never', reason: 'not-html' };
  if (!/^https?:/i.test(url)) return { decision: 'never', reason: 'not-web-page' };
  const site = matchSite(url, rules);
  if (site.policy === 'never') {
    // matchSite also answers `never` for a URL it cannot parse: say which it was.
    return { decision: 'never', reason: site.rule ? 'site-never' : 'not-web-page' };
  }
  const field = findSensitiveField(doc, options);
  if (field) return { decision: 'url-only', reason: field };
  return site.policy === 'url-only'
    ? { decision: 'url-only', reason: 'site-url-only' }
    : { decision: 'full', reason: 'allowed' };
}

/**
 * The gate of a page whose address the background has already judged (a watched page gets its
 * verdict, not the user's site rules: issue 11): rows 1 and 4–6 of the table.
 */
export function gateFields(doc: Document, options: GateOptions = {}): GateResult {
  if (!isHtml(doc)) return { decision: 'never', reason: 'not-html' };
  const field = findSensitiveField(doc, options);
  return field ? { decision: 'url-only', reason: field } : { decision: 'full', reason: 'allowed' };
}

/**
 * The gate of a same-origin frame, before a word of it is read (the `readFrames` setting): the
 * whole table, on the frame's own document and its own address. A frame without a web address of
 * its own (`about:blank`, `about:srcdoc`, `blob:`) is its parent's content, judged at the page's.
 */
export function gateFrame(
  frame: Document,
  pageUrl: string,
  rules: readonly SiteRule[],
  options: GateOptions = {},
): GateResult {
  const own = frame.URL ?? '';
  return gatePage(frame, /^https?:/i.test(own) ? own : pageUrl, rules, options);
}

function isHtml(doc: Document): boolean {
  const type = (doc as Partial<Document>).contentType;
  return !!type && HTML_TYPES.has(type.toLowerCase());
}

const GATE_MESSAGE_KEYS: Readonly<Record<Exclude<GateReason, 'allowed'>, MessageKey>> = {
  'not-html': 'gateNotHtml',
  'not-web-page': 'gateNotWebPage',
  'site-never': 'gateSiteNever',
  'password-field': 'gatePasswordField',
  'payment-field': 'gatePaymentField',
  'too-large-to-check': 'gateTooLargeToCheck',
  'site-url-only': 'gateSiteUrlOnly',
};

/**
 * What to tell the user when the gate keeps a page's text back, in the browser's language: each
 * entry is looked up when it is read (the locale files), so the record's shape stays as it was.
 */
export const GATE_MESSAGES: Readonly<Record<Exclude<GateReason, 'allowed'>, string>> =
  Object.defineProperties(
    {},
    Object.fromEntries(
      Object.entries(GATE_MESSAGE_KEYS).map(([reason, key]) => [
        reason,
        { get: () => t(key), enumerable: true },
      ]),
    ),
  ) as Record<Exclude<GateReason, 'allowed'>, string>;
