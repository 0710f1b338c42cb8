/**
 * The text a user can see in a subtree: scripts, styles, hidden elements and everything typed
 * into form fields left out. Used when the article extractor finds no article, and for the text
 * of a clicked link or figure caption.
 */
import { NON_TEXT_TAGS, isFormField, tagOf } from './dom';
import { MAX_TEXT } from './limits';
import { walkTextDetailed, type Verdict, type WalkOptions, type WalkResult } from './text-walk';

/** The part of `Window` we need; absent in linkedom, where everything counts as visible. */
export interface StyleView {
  getComputedStyle(el: Element): { display: string; visibility: string };
}

export interface VisibleTextOptions extends Pick<
  WalkOptions,
  'shadowRootOf' | 'frameDocumentOf' | 'imageAlt' | 'shouldStop'
> {
  /** Where computed styles come from; defaults to the root's window. `null`: attributes only. */
  view?: StyleView | null;
  /**
   * How many elements may have their computed style read. Each read is cheap once styles are
   * resolved, but a page with a million elements would still stall; past the budget, only the
   * `hidden` and `aria-hidden` attributes and inline styles count.
   */
  styleBudget?: number;
  maxChars?: number;
  maxNodes?: number;
}

const DEFAULT_STYLE_BUDGET = 50_000;
const DEFAULT_MAX_NODES = 2_000_000;

/** Hidden by markup alone: no style needed. `hidden="until-found"` content can be revealed by find-in-page. */
export function hiddenByAttributes(el: Element): boolean {
  const hidden = el.getAttribute('hidden');
  if (hidden !== null && hidden.toLowerCase() !== 'until-found') return true;
  return el.getAttribute('aria-hidden') === 'true';
}

/** Without computed styles (no window, or past the budget), the inline style is a cheap hint. */
function inlineVerdict(el: Element): Verdict {
  const style = (el as Partial<HTMLElement>).style;
  if (!style) return 'inherit';
  if (style.display === 'none') return 'skip';
  if (style.visibility === 'hidden' || style.visibility === 'collapse') return 'hidden';
  return style.visibility === 'visible' ? 'visible' : 'inherit';
}

function defaultView(root: Node): StyleView | null {
  const doc = root.ownerDocument ?? (root as Document);
  const view = doc.defaultView as Partial<StyleView> | null | undefined;
  return view && typeof view.getComputedStyle === 'function' ? (view as StyleView) : null;
}

/** A per-walk classifier with its verdicts cached per element and its style reads capped. */
export function visibilityClassifier(
  view: StyleView | null,
  styleBudget = DEFAULT_STYLE_BUDGET,
): (el: Element) => Verdict {
  const cache = new WeakMap<Element, Verdict>();
  let budget = styleBudget;
  const decide = (el: Element): Verdict => {
    if (NON_TEXT_TAGS.has(tagOf(el)) || isFormField(el) || hiddenByAttributes(el)) return 'skip';
    if (!view || budget <= 0) return inlineVerdict(el);
    budget -= 1;
    try {
      const style = view.getComputedStyle(el);
      if (style.display === 'none') return 'skip';
      // `visibility` is inherited but a child may set it back to visible: hide text, keep walking.
      return style.visibility === 'hidden' || style.visibility === 'collapse'
        ? 'hidden'
        : 'visible';
    } catch {
      return 'inherit';
    }
  };
  return (el) => {
    let verdict = cache.get(el);
    if (verdict === undefined) {
      verdict = decide(el);
      cache.set(el, verdict);
    }
    return verdict;
  };
}

/** The visible text of `root`'s descendants, with block structure kept as line breaks. */
export function visibleText(root: Node, options: VisibleTextOptions = {}): string {
  return visibleTextDetailed(root, options).text;
}

/** `visibleText`, saying whether (and why) the walk stopped before the end. */
export function visibleTextDetailed(root: Node, options: VisibleTextOptions = {}): WalkResult {
  const { view: viewOption, styleBudget, maxChars, maxNodes, ...walk } = options;
  const view = viewOption === undefined ? defaultView(root) : viewOption;
  return walkTextDetailed(root, {
    ...walk,
    classify: visibilityClassifier(view, styleBudget),
    maxChars: maxChars ?? MAX_TEXT,
    maxNodes: maxNodes ?? DEFAULT_MAX_NODES,
  });
}
