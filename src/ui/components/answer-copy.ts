/**
 * An answer as the user copies it (issue 15): its words, then its sources as "[1] Title — url",
 * plain text that reads as Markdown too. The address is the page's own, not the text-fragment link
 * the chip opens: a pasted link should look like the page it names. A forgotten source keeps its
 * number with the words that say so, as under the answer.
 */
import type { Citation } from '../../shared/db';
import { safeHttpUrl } from './safe-url';

export interface CopyWords {
  /** The line over the sources, with its colon ("Sources:", "来源："). */
  sources: string;
  /** What a forgotten source is called ("A forgotten source"). */
  forgotten: string;
}

export function answerCopyText(
  text: string,
  citations: readonly Citation[],
  words: CopyWords,
): string {
  const body = text.trim();
  if (citations.length === 0) return body;
  const lines = [...citations]
    .sort((a, b) => a.n - b.n)
    .map((c) => {
      if (c.forgotten) return `[${c.n}] ${words.forgotten}`;
      const url = safeHttpUrl(c.url);
      const title = c.title.trim() || c.site || url || '';
      return url && url !== title ? `[${c.n}] ${title} — ${url}` : `[${c.n}] ${title}`;
    });
  return `${body}\n\n${words.sources}\n${lines.join('\n')}`;
}
