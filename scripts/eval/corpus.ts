/** The retrieval-eval fixtures: pages (tests/fixtures/eval/corpus) and questions about them. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EVAL_DIR = fileURLToPath(new URL('../../tests/fixtures/eval/', import.meta.url));

export interface EvalPage {
  /** The Readability test-page name, e.g. `nytimes-4`. */
  id: string;
  title: string;
  url: string;
  /** As the page declares it (may be empty). */
  lang: string;
  /** The article as plain text, paragraphs separated by a blank line. */
  text: string;
}

/** Kinds of questions some page answers. */
export const QUESTION_KINDS = ['lexical', 'paraphrase', 'cross-lingual'] as const;
/** entity: names a person, organisation or place of the graph (issue 14), its own set. */
export type QuestionKind = (typeof QUESTION_KINDS)[number] | 'unanswerable' | 'entity';

export interface EvalQuestion {
  id: string;
  question: string;
  lang: 'en' | 'zh';
  /**
   * lexical: uses the page's own words; paraphrase: avoids its distinctive words; cross-lingual:
   * asked in Chinese about a page in another language; unanswerable: no page answers it (a topic
   * absent from the corpus, or a near-miss sharing a word or two with a page), so the answer
   * should be "nothing in memory".
   */
  kind: QuestionKind;
  /** The id of the one page that answers it; absent for unanswerable questions. */
  answer_page?: string;
}

export const isAnswerable = (
  q: EvalQuestion,
): q is EvalQuestion & {
  kind: Exclude<QuestionKind, 'unanswerable'>;
  answer_page: string;
} => q.kind !== 'unanswerable';

export function loadPages(dir = path.join(EVAL_DIR, 'corpus')): EvalPage[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as EvalPage);
}

/** The questions, checked: unique ids, known kinds and languages, answer pages that exist. */
export function loadQuestions(
  pages: readonly EvalPage[],
  file = path.join(EVAL_DIR, 'questions.json'),
): EvalQuestion[] {
  const questions = JSON.parse(readFileSync(file, 'utf8')) as EvalQuestion[];
  const pageIds = new Set(pages.map((p) => p.id));
  const seen = new Set<string>();
  for (const q of questions) {
    const problem =
      (seen.has(q.id) && 'duplicate id') ||
      (![...QUESTION_KINDS, 'unanswerable', 'entity'].includes(q.kind) &&
        `unknown kind ${q.kind}`) ||
      (q.lang !== 'en' && q.lang !== 'zh' && `unknown lang ${String(q.lang)}`) ||
      (q.kind === 'unanswerable'
        ? q.answer_page !== undefined && 'an unanswerable question names a page'
        : !pageIds.has(q.answer_page ?? '') && `no page ${q.answer_page}`) ||
      (q.question.trim() === '' && 'empty question');
    if (problem) throw new Error(`${path.basename(file)}: ${q.id}: ${problem}`);
    seen.add(q.id);
  }
  return questions;
}

/** The questions that name an entity of the graph (issue 14, "In the chat"). */
export const loadEntityQuestions = (pages: readonly EvalPage[]): EvalQuestion[] =>
  loadQuestions(pages, path.join(EVAL_DIR, 'entity-questions.json'));
