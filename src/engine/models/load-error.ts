/** Words for a model that failed to load: what happened, and what still works meanwhile. */
import { errorMessage } from '../../shared/dispatch';
import { downloadFailureOf, type DownloadFailure } from '../downloads/model-download-error';

const STILL_WORKS = 'Keyword search and answers from your saved pages still work.';

const CAUSES: Record<DownloadFailure, string> = {
  unreachable: 'Could not download the model: the model host is unreachable (offline?).',
  'not-found': 'The model host does not have this model.',
  'disk-full': 'Not enough disk space to keep the model.',
  corrupt: 'The downloaded model was damaged twice in a row; it will be fetched again later.',
  http: 'The model host refused the download; it will be tried again later.',
  'not-allowed': 'The model is not downloaded yet: it downloads once you choose Download.',
};

export function describeLoadError(error: unknown): string {
  const failure = downloadFailureOf(error);
  if (failure) return `${CAUSES[failure.kind]} ${STILL_WORKS}`;
  const message = errorMessage(error);
  // Errors from outside the model store (the packaged build, ONNX Runtime) carry only words.
  if (/Failed to fetch|NetworkError|ERR_INTERNET|ERR_NAME_NOT_RESOLVED|network/i.test(message)) {
    return `${CAUSES.unreachable} ${STILL_WORKS}`;
  }
  if (/\b404\b|not found/i.test(message)) return `${CAUSES['not-found']} ${STILL_WORKS}`;
  if (/quota|QuotaExceeded|disk/i.test(message)) return `${CAUSES['disk-full']} ${STILL_WORKS}`;
  return `${message}. ${STILL_WORKS}`;
}
