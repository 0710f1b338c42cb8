/**
 * The glimpse the shortcut saves: the blocks the page's buffer kept (where Engram has host access
 * and a watcher runs, page-watch.ts) and the blocks on screen now. Without host access there is
 * no buffer: a glimpse is what is on screen at the moment, plus the selection and the page.
 */
import { toWellFormed } from '../core/text/well-formed';
import type { GlimpsePayload, SeenBlock } from '../shared/protocol';
import { blocksOnScreen, type ViewportLike } from './blocks';
import { MAX_TEXT } from './limits';

const MAX_GLIMPSE_BLOCKS = 1_000;

export function buildGlimpse(
  doc: Document,
  view: ViewportLike,
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
  const now = (root ? blocksOnScreen(root, view) : [])
    .slice(0, MAX_GLIMPSE_BLOCKS)
    .map(toWellFormed)
    .filter(fits);
  return { seen, now, buffered: buffer !== undefined };
}
