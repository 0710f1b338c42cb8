/** Turn retrieved sources into numbered citations that open the exact passage. */
import { textFragmentUrl } from '../../core/text/text-fragment';
import { truncateSafely } from '../../core/text/text';
import type { Citation } from '../../shared/db';
import type { RetrievedSource } from './retrieve';

const QUOTE_LENGTH = 400;

export function citationsFor(retrieved: readonly RetrievedSource[]): Citation[] {
  return retrieved.map(({ source, chunks }, i) => {
    const best = chunks[0];
    const quote = truncateSafely(best?.text ?? source.text, QUOTE_LENGTH);
    // A saved link opens the link itself; everything else opens the page, scrolled to the passage.
    const href =
      source.kind === 'link' && source.targetUrl
        ? source.targetUrl
        : best
          ? textFragmentUrl(source.url, best.text)
          : source.url;
    return {
      n: i + 1,
      sourceId: source.id,
      chunkId: best?.id ?? source.id,
      title: source.title,
      site: source.site,
      url: source.url,
      savedAt: source.savedAt,
      quote,
      href,
    };
  });
}
