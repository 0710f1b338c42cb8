/**
 * The line an answer begins with when the question names someone or something the cited sources
 * mention (issue 14, "answers can say who and when"): "You read 2 articles by Mira Okonkwo, in
 * March 2026." / "你在 2026 年 3 月读过 Mira Okonkwo 的 2 篇文章。" — the count and the months
 * from the sources themselves, never from the model. Pure: the caller passes the words (the
 * locale files' `entityLead…` messages in the question's language) and the user's time zone.
 */

/** How a cited source mentions the entity (the graph's mention role; store/graph.ts). */
export interface LeadMention {
  savedAt: number;
  role?: string | undefined;
}

export type LeadKey =
  | 'entityLeadByOne'
  | 'entityLeadBy'
  | 'entityLeadMentionOne'
  | 'entityLeadMention'
  | 'entityLeadInMonth'
  | 'entityLeadBetweenMonths'
  | 'entityLeadBetweenYears';

export type LeadWords = (key: LeadKey, ...substitutions: Array<string | number>) => string;

interface Month {
  year: number;
  month: number;
}

/** The calendar month of `at` in `timeZone` (the user's when absent). */
function monthOf(at: number, timeZone?: string): Month {
  const parts = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month') };
}

const order = (m: Month) => m.year * 12 + m.month;

/**
 * A month as the sentence names it: English by name ("March"), Chinese by number ("3", the
 * message adds 月).
 */
function monthWord(month: number, language: 'en' | 'zh'): string {
  if (language === 'zh') return String(month);
  return new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2000, month - 1, 15),
  );
}

/** "in March 2026", "between March and May 2026", "between December 2025 and February 2026". */
export function monthSpan(
  times: readonly number[],
  words: LeadWords,
  language: 'en' | 'zh',
  timeZone?: string,
): string {
  const months = times.map((t) => monthOf(t, timeZone)).sort((a, b) => order(a) - order(b));
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return '';
  const from = monthWord(first.month, language);
  const to = monthWord(last.month, language);
  if (order(first) === order(last)) return words('entityLeadInMonth', from, first.year);
  if (first.year === last.year) return words('entityLeadBetweenMonths', from, to, last.year);
  return words('entityLeadBetweenYears', from, first.year, to, last.year);
}

/**
 * The lead line for `name` from the cited sources that mention it; empty when none does. "By"
 * only when every one of them has the entity as its author: a page that names a writer is not
 * one of theirs.
 */
export function entityLead(
  name: string,
  mentions: readonly LeadMention[],
  words: LeadWords,
  language: 'en' | 'zh',
  timeZone?: string,
): string {
  if (mentions.length === 0 || !name.trim()) return '';
  const by = mentions.every((m) => m.role === 'author');
  const when = monthSpan(
    mentions.map((m) => m.savedAt),
    words,
    language,
    timeZone,
  );
  const one = mentions.length === 1;
  if (by)
    return one
      ? words('entityLeadByOne', name, when)
      : words('entityLeadBy', mentions.length, name, when);
  return one
    ? words('entityLeadMentionOne', name, when)
    : words('entityLeadMention', mentions.length, name, when);
}
