/** Word overlap between an extraction and Readability's expected article, for the corpus tests. */
import { walkText } from '../../src/content/text-walk';
import { visibilityClassifier } from '../../src/content/visible-text';
import { htmlDocument } from './helpers';

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Distinct lower-cased words; `Intl.Segmenter` so that Chinese and Japanese count too. */
export function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const part of segmenter.segment(text.toLowerCase()))
    if (part.isWordLike) out.add(part.segment);
  return out;
}

/** The text of Readability's expected article HTML, walked the way we walk ours. */
export function expectedText(html: string): string {
  return walkText(htmlDocument(html), {
    classify: visibilityClassifier(null),
    maxChars: 10_000_000,
  });
}

/** Recall: the share of the expected words found; precision: the share of ours that were expected. */
export function overlap(expected: string, actual: string): { recall: number; precision: number } {
  const want = words(expected);
  const got = words(actual);
  let hits = 0;
  for (const w of want) if (got.has(w)) hits += 1;
  let kept = 0;
  for (const w of got) if (want.has(w)) kept += 1;
  return {
    recall: want.size ? hits / want.size : 1,
    precision: got.size ? kept / got.size : 1,
  };
}
