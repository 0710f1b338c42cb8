/** What went wrong with an import, in the reader's language: the line, and the problem's words. */
import { isQuotaError } from '../../shared/disk-full';
import { ImportError, type ImportProblem } from '../../shared/export/import-error';
import { t, type MessageKey } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';

const PROBLEM_KEYS: Record<ImportProblem, MessageKey> = {
  'not-export': 'importProblemNotExport',
  'wrong-version': 'importProblemWrongVersion',
  'not-utf8': 'importProblemNotUtf8',
  'line-too-long': 'importProblemLineTooLong',
  'not-json': 'importProblemNotJson',
  'bad-record': 'importProblemBadRecord',
  'out-of-order': 'importProblemOutOfOrder',
  duplicate: 'importProblemDuplicate',
  dangling: 'importProblemDangling',
  'bad-setting': 'importProblemBadSetting',
  truncated: 'importProblemTruncated',
  'count-mismatch': 'importProblemCountMismatch',
  'after-end': 'importProblemAfterEnd',
  empty: 'importProblemEmpty',
};

/** "Nothing was imported. Line 12: the record is not valid: source.title: expected string…" */
export function importFailureText(error: unknown): string {
  // A full disk stops the import between two batches (each one transaction): say so plainly.
  if (isQuotaError(error)) return t('dataImportDiskFull');
  if (!(error instanceof ImportError)) return t('dataImportFailed', errorMessage(error));
  return t('dataImportRefused', error.line, t(PROBLEM_KEYS[error.problem], error.detail));
}
