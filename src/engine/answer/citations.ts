/**
 * Turn retrieved sources into numbered citations that open the exact passage. The quote is the
 * sentence that answered (the best-scoring one for the question, core/answer/extractive.ts), not
 * the start of the stored chunk, and the text fragment targets that sentence, so opening the
 * citation highlights it.
 */
import { extractiveAnswer } from '../../core/answer/extractive';
import { textFragmentUrl } from '../../core/text/text-fragment';
import { truncateSafely } from '../../core/text/text';
import type { Citation, CitedEntity } from '../../shared/db';
import type { RetrievedSource } from './retrieve';

const QUOTE_LENGTH = 400;

/** The sentence of the source's chunks that best answers the question, as stored (uncut). */
function answeringSentence(
  question: string,
  chunks: RetrievedSource['chunks'],
): string | undefined {
  const text = chunks.map((c) => c.text).join('\n');
  const [best] = extractiveAnswer(question, [{ n: 1, text }], 1, { shorten: false });
  return best?.sentence;
}

/** `entities`: what each source names that the answer is about (who-and-when.ts citedPeople). */
export function citationsFor(
  retrieved: readonly RetrievedSource[],
  question: string,
  entities?: ReadonlyMap<string, CitedEntity[]>,
): Citation[] {
  return retrieved.map(({ source, chunks }, i) => {
    const best = chunks[0];
    const sentence = answeringSentence(question, chunks);
    const quote = truncateSafely(sentence ?? best?.text ?? source.text, QUOTE_LENGTH);
    // A saved link opens the link itself; everything else opens the page, scrolled to the passage.
    const href =
      source.kind === 'link' && source.targetUrl
        ? source.targetUrl
        : sentence || best
          ? textFragmentUrl(source.url, sentence ?? best?.text ?? '')
          : source.url;
    const named = entities?.get(source.id);
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
      ...(named && named.length > 0 ? { entities: named } : {}),
    };
  });
}
