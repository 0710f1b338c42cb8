/**
 * The language an answer is labelled in: its question's (issue 10: a Chinese question gets
 * Chinese labels, an English one English labels, whatever the browser speaks).
 */
import type { MessageRow } from '../../shared/db';
import { uiIsChinese } from '../../shared/i18n';
import { languageOfText, type TextLanguage } from '../../shared/i18n-in';

type Row = Pick<MessageRow, 'id' | 'role' | 'text' | 'replyTo'>;

/**
 * The question is the one the answer names (`replyTo`), else, for rows older than that field, the
 * last question before it in the conversation; with none at hand, the interface's language.
 */
export function answerLanguage(answer: Row, conversation: readonly Row[]): TextLanguage {
  const at = conversation.findIndex((m) => m.id === answer.id);
  const question =
    conversation.find((m) => m.role === 'user' && m.id === answer.replyTo) ??
    conversation.slice(0, Math.max(at, 0)).findLast((m) => m.role === 'user');
  if (question?.text.trim()) return languageOfText(question.text);
  return uiIsChinese() ? 'zh' : 'en';
}
