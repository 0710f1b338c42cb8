/** The message that words each kind of model failure (a model row's `errorCode`). */
import type { ModelFailure } from './db';
import type { MessageKey } from './i18n';

export const MODEL_FAILURE_KEYS = {
  unreachable: 'modelFailedUnreachable',
  'not-found': 'modelFailedNotFound',
  'disk-full': 'modelFailedDiskFull',
  corrupt: 'modelFailedCorrupt',
  http: 'modelFailedHttp',
  'not-allowed': 'modelFailedNotAllowed',
  other: 'modelFailedOther',
} as const satisfies Record<ModelFailure, MessageKey>;
