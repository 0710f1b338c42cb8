/**
 * The glimpse the shortcut saves: the blocks the page's buffer kept (where Engram has host access
 * and a watcher runs, page-watch.ts) and the blocks on screen now. Without host access there is
 * no buffer: a glimpse is what is on screen at the moment, plus the selection and the page. Either
 * way only the page's content counts, not its menus, header, footer or cookie banner
 * (content-blocks.ts; issue 10).
 */
import { toWellFormed } from '../core/text/well-formed';
import type { GlimpsePayload, SeenBlock } from '../shared/protocol';
import { blocksOnScreen, type ViewportLike } from './blocks';
import { contentFilter, type OverlayView } from './content-blocks';
import { MAX_TEXT } from './limits';

const MAX_GLIMPSE_BLOCKS = 1_000;

export function buildGlimpse(
  doc: Document,
  view: ViewportLike & Partial<OverlayView>,
  buffer: (() => SeenBlock[]) | undefined,
): GlimpsePayload {
  let budget = MAX_TEXT;
  const fits = (text: string): boolean => {
    budget -= text.length;
    return budget >= 0;
  };
  const seen = (buffer?.() ?? [])
    .slice(-MAX_GLIMPSE_BLOCKS)
    .map((block) => ({ ...block, text: toWellFormed(block.text) }))
    .filter((block) => fits(block.text));
  const root = doc.body ?? doc.documentElement;
  const keep = contentFilter(doc, overlayView(view));
  const now = (root ? blocksOnScreen(root, view, keep) : [])
    .slice(0, MAX_GLIMPSE_BLOCKS)
    .map(toWellFormed)
    .filter(fits);
  return { seen, now, buffered: buffer !== undefined };
}

/** The view's computed styles, where it has them (a window; not linkedom's). */
function overlayView(view: ViewportLike & Partial<OverlayView>): OverlayView | null {
  const { getComputedStyle } = view;
  return typeof getComputedStyle === 'function'
    ? {
        innerWidth: view.innerWidth,
        innerHeight: view.innerHeight,
        getComputedStyle: (el) => getComputedStyle.call(view, el),
      }
    : null;
}
