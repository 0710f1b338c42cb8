/**
 * The text of a glimpse ("Remember what I just saw"): the blocks that stayed on screen, in the
 * order they were first seen, then what is on screen now and was not in the buffer, then the
 * selection unless a block already holds it. Each block once; a blank line between blocks.
 */
import { normalizeText } from '../text/text';

export interface GlimpseParts {
  seen: ReadonlyArray<{ text: string; firstSeenAt: number }>;
  now: readonly string[];
  selection?: string | undefined;
}

export function glimpseBlocks(parts: GlimpseParts): string[] {
  const blocks: string[] = [];
  const known = new Set<string>();
  const add = (raw: string) => {
    const text = normalizeText(raw);
    if (!text || known.has(text)) return;
    known.add(text);
    blocks.push(text);
  };
  const seen = [...parts.seen].sort((a, b) => a.firstSeenAt - b.firstSeenAt);
  for (const block of seen) add(block.text);
  for (const text of parts.now) add(text);
  const selection = normalizeText(parts.selection ?? '');
  if (selection && !blocks.some((block) => block.includes(selection))) add(selection);
  return blocks;
}

export const glimpseText = (parts: GlimpseParts): string => glimpseBlocks(parts).join('\n\n');
