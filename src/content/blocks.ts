/**
 * Text blocks: the units of "what was on screen" (paragraphs, list items, headings, quotes, cells).
 * Only the innermost block counts, so a list item holding paragraphs is its paragraphs. Form
 * fields and editable regions are never blocks, and their text is never read (visible-text.ts).
 */
import { contentFilter, type OverlayView } from './content-blocks';
import { inFormField } from './dom';
import { truncateSafely } from '../core/text/text';
import { visibleText } from './visible-text';

export const BLOCK_SELECTOR =
  'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, dt, dd, figcaption, td, th, summary';
/** Blocks looked at per scan: bounded work on a huge page. */
export const MAX_BLOCKS = 5_000;
/** Characters kept per block (the protocol allows 20,000). */
export const MAX_BLOCK_CHARS = 10_000;

/** Whether `el` is itself an innermost text block (not a form field, holding no other block). */
export const isTextBlock = (el: Element): boolean =>
  el.matches(BLOCK_SELECTOR) && !el.querySelector(BLOCK_SELECTOR) && !inFormField(el);

/** The innermost text blocks under `root`, in document order, at most `max`. */
export function textBlocks(root: ParentNode, max = MAX_BLOCKS): Element[] {
  const blocks: Element[] = [];
  let looked = 0;
  for (const el of root.querySelectorAll(BLOCK_SELECTOR)) {
    if (blocks.length >= max || ++looked > max * 4) break;
    if (el.querySelector(BLOCK_SELECTOR) || inFormField(el)) continue;
    blocks.push(el);
  }
  return blocks;
}

/**
 * The text blocks of the page's content under `root` (`root` too, if it is one), in document
 * order: what the page watcher observes (content-blocks.ts decides what is content).
 */
export function contentBlocksUnder(root: Element, view?: OverlayView | null): Element[] {
  const keep = contentFilter(root.ownerDocument, view);
  return (isTextBlock(root) ? [root] : textBlocks(root)).filter(keep);
}

/**
 * Whether the browser paints `el` at all. Its text walk (visible-text.ts) judges what is inside a
 * block, never the block itself, and a block hidden with `visibility: hidden` or `opacity: 0` (on
 * it or an ancestor) still has a box in the viewport: without this it counted as seen (the red
 * team's hidden-text pages, issue 11). `checkVisibility` (Chrome 105) also answers for
 * `display: none` and `content-visibility: hidden` ancestors. Where it is missing (linkedom), yes.
 */
function painted(el: Element): boolean {
  const check = (el as Partial<Element>).checkVisibility;
  if (typeof check !== 'function') return true;
  // The Chrome 105 names of `opacityProperty`/`visibilityProperty` (121), still understood.
  return check.call(el, { checkOpacity: true, checkVisibilityCSS: true });
}

/** What a block says on screen: its visible text, trimmed and bounded; '' when it shows none. */
export function blockText(el: Element): string {
  try {
    if (!painted(el)) return '';
    return truncateSafely(visibleText(el, { maxChars: MAX_BLOCK_CHARS }).trim(), MAX_BLOCK_CHARS);
  } catch {
    return '';
  }
}

/**
 * Whether a block counts as on screen: at least half of it is in the viewport, or, for a block
 * taller than the viewport, it fills at least half of the viewport.
 */
export function isOnScreen(visibleHeight: number, blockHeight: number, viewportHeight: number) {
  if (visibleHeight <= 0 || blockHeight <= 0 || viewportHeight <= 0) return false;
  return visibleHeight >= 0.5 * Math.min(blockHeight, viewportHeight);
}

/** The part of `Window` that says where the viewport is. */
export interface ViewportLike {
  innerHeight: number;
  innerWidth: number;
}

/**
 * The text of the blocks on screen now, in document order (no host access needed); with `keep`,
 * only the blocks it accepts (content-blocks.ts), asked of the blocks on screen alone.
 */
export function blocksOnScreen(
  root: ParentNode,
  view: ViewportLike,
  keep: (block: Element) => boolean = () => true,
): string[] {
  const texts: string[] = [];
  for (const el of textBlocks(root)) {
    const rect = el.getBoundingClientRect();
    if (rect.right <= 0 || rect.left >= view.innerWidth) continue;
    const visible = Math.min(rect.bottom, view.innerHeight) - Math.max(rect.top, 0);
    if (!isOnScreen(visible, rect.height, view.innerHeight)) continue;
    if (!keep(el)) continue;
    const text = blockText(el);
    if (text) texts.push(text);
  }
  return texts;
}
