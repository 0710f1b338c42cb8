/**
 * Time expressions in a question become a filter on when a memory was captured (issue 4):
 * "what did I read about Rust last week?" searches last week only, for "Rust". English and
 * Chinese (time-rules-en.ts, time-rules-zh.ts); local days in the user's zone; weeks start on
 * Monday. Where usage varies, each rule's comment says which reading it takes.
 */
import { civilDate, systemTimeZone, type TimeRange } from './civil-time';
import type { Rule } from './time-ranges';
import { ENGLISH_RULES } from './time-rules-en';
import { CHINESE_RULES } from './time-rules-zh';

export interface TimeFilter extends TimeRange {
  /** The expression as written in the question. */
  matched: string;
  /** The question without it, for keyword and dense search. */
  rest: string;
}

const RULES: Rule[] = [...ENGLISH_RULES, ...CHINESE_RULES];

/** Removes the expression and tidies the spaces and punctuation it leaves behind. */
function without(question: string, start: number, end: number): string {
  // Joined without a space: Chinese has none between words, English keeps its own.
  return `${question.slice(0, start)}${question.slice(end)}`
    .replace(/\s+/g, ' ')
    .replace(/\s+([?？!！.,，。])/g, '$1')
    .trim();
}

/**
 * The first time expression in question (the longest where two start together) as instants
 * [from, to), with the question minus the expression; undefined when there is none.
 */
export function parseTimeFilter(
  question: string,
  now: Date,
  timeZone: string = systemTimeZone(),
): TimeFilter | undefined {
  const today = civilDate(now.getTime(), timeZone);
  const found = RULES.flatMap(([re, resolve]) => {
    const m = re.exec(question);
    return m ? [{ m, resolve }] : [];
  }).sort((a, b) => a.m.index - b.m.index || b.m[0].length - a.m[0].length);
  for (const { m, resolve } of found) {
    const range = resolve(
      m.map((g) => (g ?? '').toLowerCase()),
      today,
      timeZone,
    );
    // "十三月" or "99 months ago" past the calendar: not a time after all, try the next one.
    if (!range || !Number.isFinite(range.from) || !Number.isFinite(range.to)) continue;
    const end = m.index + m[0].length;
    return { ...range, matched: m[0], rest: without(question, m.index, end) };
  }
  return undefined;
}
