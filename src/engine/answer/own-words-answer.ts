/**
 * An answer from the user's own words (issue 15, docs/VOICE.md example 5): a note or a thing said
 * in the chat is quoted as it was kept, never paraphrased, with the day it was kept in the user's
 * terms ("On Tuesday 14 October (3 weeks ago) you told me: “…”", "10月14日星期二（3 周前）你跟我
 * 说过：“…”"). The extractive answer uses it when the best source is the user's own; the model's
 * prompt already asks the same of a generated answer (core/answer/prompt.ts).
 */
import type { SourceRow } from '../../shared/db';
import { languageOfText, tIn, type TextLanguage } from '../../shared/i18n-in';
import { timeAgo } from '../../shared/time-ago';
import { noteQuote } from '../../shared/store/note-context';
import type { RetrievedSource } from './retrieve';

/** At most this many of the user's own memories are quoted in one answer. */
const MAX_QUOTED = 3;

const isOwnWords = (source: Pick<SourceRow, 'kind'>): boolean =>
  source.kind === 'note' || source.kind === 'said';

/**
 * "Tuesday 14 October (3 weeks ago)" / "10月14日星期二（3 周前）": the calendar day in the user's
 * zone (the year only when it is not this one), then how long ago, both in `language`.
 */
export function saidWhen(
  at: number,
  now: number,
  language: TextLanguage,
  timeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone,
): string {
  const year = (ms: number) =>
    new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(ms);
  const date = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(year(at) === year(now) ? {} : { year: 'numeric' }),
  }).format(at);
  return tIn(language, 'answerSaidWhen', date, timeAgo(at, now, language));
}

/**
 * The answer quoting the user's own words among `retrieved`, in the question's language, when the
 * best source is one of them; undefined otherwise (the usual extractive answer serves).
 */
export function ownWordsAnswer(
  question: string,
  retrieved: readonly RetrievedSource[],
  now: number,
  timeZone?: string,
): string | undefined {
  if (!retrieved[0] || !isOwnWords(retrieved[0].source)) return undefined;
  const language = languageOfText(question);
  return retrieved
    .map(({ source }, i) => ({ source, n: i + 1 }))
    .filter(({ source }) => isOwnWords(source))
    .slice(0, MAX_QUOTED)
    .map(({ source, n }) => {
      const when = saidWhen(source.savedAt, now, language, timeZone);
      const key = source.kind === 'said' ? 'answerYouSaid' : 'answerYouNoted';
      return `[${n}] ${tIn(language, key, when, noteQuote(source))}`;
    })
    .join('\n\n');
}
