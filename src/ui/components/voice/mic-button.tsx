/**
 * The microphone beside the question box. Press to start and press again to stop, or hold it (or
 * Alt+M) and let go: the words land in the box to edit or send ("remember …" sent is a note, as
 * typed). Where the extension may not use the microphone yet, it offers the permission page.
 */
import { useEffect, useRef } from 'preact/hooks';
import { db } from '../../../shared/db';
import { t } from '../../../shared/i18n';
import { speechModelId } from '../../../shared/model-registry';
import { loadPercent } from '../model-status';
import { useLiveQuery } from '../use-live-query';
import { MicrophoneIcon, StopIcon } from '../icons';
import { openMicrophonePage } from './microphone-access';
import type { useVoiceInput } from './use-voice-input';

/** A press held longer than this is hold-to-talk: letting go stops. */
const HOLD_MS = 400;

export const isTalkKey = (event: KeyboardEvent): boolean => event.altKey && event.code === 'KeyM';

export function MicButton({ voice }: { voice: ReturnType<typeof useVoiceInput> }) {
  const { state, start, stop, listening } = voice;
  const pressedAt = useRef(0);
  const heldByKey = useRef(false);

  // Hold Alt+M anywhere in the page to talk; letting go of M or Alt stops.
  useEffect(() => {
    const down = (event: KeyboardEvent) => {
      if (!isTalkKey(event) || event.repeat) return;
      event.preventDefault();
      heldByKey.current = true;
      start();
    };
    const up = (event: KeyboardEvent) => {
      if (!heldByKey.current || (event.code !== 'KeyM' && event.key !== 'Alt')) return;
      heldByKey.current = false;
      stop();
    };
    document.addEventListener('keydown', down);
    document.addEventListener('keyup', up);
    return () => {
      document.removeEventListener('keydown', down);
      document.removeEventListener('keyup', up);
    };
  }, [start, stop]);

  const busy = state.kind === 'transcribing';
  return (
    <button
      type="button"
      class={`mic${listening ? ' mic--listening' : ''}`}
      data-testid="mic"
      data-state={state.kind}
      aria-label={listening ? t('voiceMicStop') : t('voiceMicLabel')}
      title={listening ? t('voiceMicStop') : t('voiceMicLabel')}
      aria-pressed={listening}
      disabled={busy}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        if (listening) {
          stop();
          return;
        }
        pressedAt.current = Date.now();
        start();
      }}
      onPointerUp={() => {
        // Held: letting go stops, even if the microphone is still opening (the stop waits).
        const started = pressedAt.current;
        pressedAt.current = 0;
        if (started > 0 && Date.now() - started > HOLD_MS) stop();
      }}
      onClick={(event) => {
        // Enter or Space on the focused button: a click with no pointer, so toggle here.
        if (event.detail !== 0) return;
        if (listening) stop();
        else start();
      }}
    >
      {listening ? <StopIcon /> : <MicrophoneIcon />}
    </button>
  );
}

/** "Getting the speech model ready… 40%" while its first load runs, then "Turning … into text". */
function TranscribingWords() {
  const row = useLiveQuery(() => db().models.get(speechModelId()), []).value;
  const percent = row?.state === 'loading' ? loadPercent(row.loaded, row.total) : null;
  return <>{percent === null ? t('voiceTranscribing') : t('voiceLoadingModel', percent)}</>;
}

/** What voice input is doing, or why it cannot: a line under the question box. */
export function VoiceStatus({ state }: { state: ReturnType<typeof useVoiceInput>['state'] }) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'listening':
      return (
        <p class="voice-status" role="status" data-testid="voice-status">
          {t('voiceListening')}
        </p>
      );
    case 'transcribing':
      return (
        <p class="voice-status" role="status" data-testid="voice-status">
          <span class="spinner" aria-hidden="true" />
          <TranscribingWords />
        </p>
      );
    case 'needs-permission':
      return (
        <p class="voice-status" role="status" data-testid="voice-permission">
          {t('voiceNeedsPermission')}{' '}
          <button
            type="button"
            class="link"
            data-testid="voice-allow"
            onClick={() => void openMicrophonePage().catch(() => undefined)}
          >
            {t('voiceAllowMicrophone')}
          </button>
        </p>
      );
    case 'problem':
      return (
        <p class="voice-status voice-status--problem" role="alert" data-testid="voice-problem">
          {state.message}
        </p>
      );
  }
}
