/**
 * The words for why a saved item could not be indexed. The engine stores a code on the source
 * (db.ts `IndexFailure`; it has no `chrome.i18n`), and the pages that show failed items word it
 * in the browser's language with this.
 */
import type { IndexFailure } from './db';
import { t } from './i18n';

export function indexFailureText(code: IndexFailure | undefined, detail = ''): string {
  return code === 'engine-stopped'
    ? t('indexFailedEngineStopped')
    : t('indexFailedError', detail || t('popupAnswerFailedUnknown'));
}
