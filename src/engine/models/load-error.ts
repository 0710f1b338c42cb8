/**
 * Why a model failed to load, as a code the interface words in the browser's language (the engine
 * has no `chrome.i18n`), the technical message for the details, and English words for readers of
 * the row that predate the code.
 */
import { errorMessage } from '../../shared/dispatch';
import type { ModelFailure } from '../../shared/db';
import { tIn, type TextLanguage } from '../../shared/i18n-in';
import { MODEL_FAILURE_KEYS } from '../../shared/model-failure';
import { downloadFailureOf } from '../downloads/model-download-error';

export interface LoadFailure {
  code: ModelFailure;
  /** The technical message (a URL, an HTTP status, ONNX Runtime's words). */
  detail: string;
}

export function loadFailureOf(error: unknown): LoadFailure {
  const detail = errorMessage(error);
  const failure = downloadFailureOf(error);
  if (failure) return { code: failure.kind, detail };
  // Errors from outside the model store (the packaged build, ONNX Runtime) carry only words.
  if (/Failed to fetch|NetworkError|ERR_INTERNET|ERR_NAME_NOT_RESOLVED|network/i.test(detail)) {
    return { code: 'unreachable', detail };
  }
  if (/\b404\b|not found/i.test(detail)) return { code: 'not-found', detail };
  if (/quota|QuotaExceeded|disk/i.test(detail)) return { code: 'disk-full', detail };
  return { code: 'other', detail };
}

/** What happened, in `language`: "Not enough disk space to keep the model." */
export function loadFailureCause(failure: LoadFailure, language: TextLanguage): string {
  return tIn(language, MODEL_FAILURE_KEYS[failure.code], failure.detail);
}

/** What happened and what still works meanwhile, in `language`. */
export function describeLoadFailure(failure: LoadFailure, language: TextLanguage = 'en'): string {
  return tIn(
    language,
    'modelFailedAndStillWorks',
    loadFailureCause(failure, language),
    tIn(language, 'modelStillWorks'),
  );
}

export function describeLoadError(error: unknown): string {
  return describeLoadFailure(loadFailureOf(error));
}
