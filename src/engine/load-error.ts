/** Words for a model that failed to load: what happened, and what still works meanwhile. */
import { errorMessage } from '../shared/dispatch';

const STILL_WORKS = 'Keyword search and answers from your saved pages still work.';

export function describeLoadError(error: unknown): string {
  const message = errorMessage(error);
  if (/Failed to fetch|NetworkError|ERR_INTERNET|ERR_NAME_NOT_RESOLVED|network/i.test(message)) {
    return `Could not download the model: the model host is unreachable (offline?). ${STILL_WORKS}`;
  }
  if (/\b404\b|not found/i.test(message)) {
    return `The model host does not have this model (${message}). ${STILL_WORKS}`;
  }
  if (/quota|QuotaExceeded|disk/i.test(message)) {
    return `Not enough disk space to keep the model. ${STILL_WORKS}`;
  }
  return `${message}. ${STILL_WORKS}`;
}
