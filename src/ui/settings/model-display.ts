/**
 * What the settings page says about one model: "not downloaded", "downloading 40% (47 MB of
 * 118 MB)", "ready", "failed: why".
 *
 * The `models` table is written by the engine for the models it has loaded, and a row outlives a
 * switch: after the user picks another model, the old one's row still says "ready" (or "loading",
 * if the switch cut its download short). So a row's loading and ready states are believed only for
 * the models the settings name; for the others the bytes in the cache tell what is there. A failure
 * is kept whoever it belongs to: it says what went wrong the last time the model was tried.
 */
import type { ModelRow } from '../../shared/db';
import { t, type MessageKey } from '../../shared/i18n';
import { loadPercent } from '../components/model-status';
import { formatBytes } from './format-bytes';
import { formatCount } from './ui-locale';

export type ModelDisplayState =
  | 'not-downloaded'
  | 'downloaded'
  /** Nothing is loaded and the cache could not be read (yet). */
  | 'idle'
  | 'downloading'
  | 'ready'
  | 'failed'
  | 'unavailable';

export interface ModelDisplay {
  state: ModelDisplayState;
  text: string;
  /** 0–100 while downloading with a known total, else null. */
  percent: number | null;
}

type LiveRow = Pick<ModelRow, 'state' | 'loaded' | 'total' | 'error'>;

export function modelDisplay(
  row: LiveRow | undefined,
  inUse: boolean,
  /** Bytes of this model in the cache; undefined while unknown. */
  cached: number | undefined,
): ModelDisplay {
  const live = row && (inUse || row.state === 'failed' || row.state === 'unavailable');
  switch (live ? row.state : 'idle') {
    case 'loading':
      return downloading(row?.loaded ?? 0, row?.total ?? 0);
    case 'ready':
      return { state: 'ready', text: t('settingsStateReady'), percent: null };
    case 'failed':
      return withReason('failed', row?.error);
    case 'unavailable':
      return withReason('unavailable', row?.error);
    case 'not-downloaded':
      // Waiting for the user's go-ahead (issue 10): not an error; the row offers Download.
      return { state: 'not-downloaded', text: t('settingsStateNotDownloaded'), percent: null };
    case 'idle':
      return atRest(inUse, cached);
  }
}

function downloading(loaded: number, total: number): ModelDisplay {
  const percent = loadPercent(loaded, total);
  if (percent === null) {
    return { state: 'downloading', text: t('settingsStateDownloadingUnknown'), percent };
  }
  // Every byte is in: the runtime is now building the model from the files.
  if (percent === 100) return { state: 'downloading', text: t('settingsStateStarting'), percent };
  return {
    state: 'downloading',
    text: t(
      'settingsStateDownloading',
      formatCount(percent),
      formatBytes(loaded),
      formatBytes(total),
    ),
    percent,
  };
}

const REASON_WORDS = {
  failed: { alone: 'settingsStateFailed', why: 'settingsStateFailedReason' },
  unavailable: { alone: 'settingsStateUnavailable', why: 'settingsStateUnavailableReason' },
} as const satisfies Record<string, { alone: MessageKey; why: MessageKey }>;

function withReason(state: 'failed' | 'unavailable', error: string | undefined): ModelDisplay {
  const words = REASON_WORDS[state];
  return { state, text: error ? t(words.why, error) : t(words.alone), percent: null };
}

function atRest(inUse: boolean, cached: number | undefined): ModelDisplay {
  if (cached === undefined)
    return { state: 'idle', text: t('settingsStateNotLoaded'), percent: null };
  if (cached <= 0) {
    return { state: 'not-downloaded', text: t('settingsStateNotDownloaded'), percent: null };
  }
  // The size says how much is there: a download cut short shows as less than the full model.
  const size = formatBytes(cached);
  return {
    state: 'downloaded',
    text: t(inUse ? 'settingsStateDownloadedInUse' : 'settingsStateDownloaded', size),
    percent: null,
  };
}
