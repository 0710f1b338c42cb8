/**
 * Voice input's states, from the microphone to the composer: check the permission (or send the
 * user to the permission page), record, send the samples to the engine's speech model, and hand
 * the text over. Start and stop may come from a click, a held button or a held Alt+M, in any
 * order: a stop that arrives while the microphone is still opening is kept and done after.
 */
import { useRef, useState } from 'preact/hooks';
import { encodePcm16 } from '../../../core/audio/pcm16';
import { db } from '../../../shared/db';
import { t, uiLanguage } from '../../../shared/i18n';
import { speechModelId } from '../../../shared/model-registry';
import { errorMessage, send } from '../../../shared/messaging';
import { microphoneAccess } from './microphone-access';
import { startRecording, type Recording } from './record-speech';
import { speechLanguage } from './speech-language';

export type VoiceState =
  | { kind: 'idle' }
  | { kind: 'needs-permission' }
  | { kind: 'listening' }
  | { kind: 'transcribing' }
  | { kind: 'problem'; message: string };

/**
 * `userText` gives the user's own words, most telling first (the question box, the last question
 * asked): the speech is transcribed in their language (speech-language.ts).
 */
export function useVoiceInput(
  onText: (text: string) => void,
  userText: () => ReadonlyArray<string | undefined> = () => [],
) {
  const [state, setState] = useState<VoiceState>({ kind: 'idle' });
  const recording = useRef<Promise<Recording | undefined> | undefined>(undefined);
  const stopWanted = useRef(false);

  const start = () => {
    if (recording.current) return;
    stopWanted.current = false;
    recording.current = open().then((opened) => {
      if (opened && stopWanted.current) void finish(opened);
      return opened;
    });
  };

  const open = async (): Promise<Recording | undefined> => {
    const access = await microphoneAccess();
    if (access !== 'granted') {
      recording.current = undefined;
      setState(
        access === 'denied'
          ? { kind: 'problem', message: t('voiceMicBlocked') }
          : { kind: 'needs-permission' },
      );
      return undefined;
    }
    try {
      const opened = await startRecording(() => stop());
      setState({ kind: 'listening' });
      return opened;
    } catch (error) {
      recording.current = undefined;
      const name = error instanceof DOMException ? error.name : '';
      setState({
        kind: 'problem',
        message:
          name === 'NotFoundError'
            ? t('voiceNoMicrophone')
            : name === 'NotAllowedError'
              ? t('voiceMicBlocked')
              : t('voiceFailed', errorMessage(error)),
      });
      return undefined;
    }
  };

  const stop = () => {
    stopWanted.current = true;
    void recording.current?.then((opened) => opened && finish(opened));
  };

  const finish = async (opened: Recording) => {
    if (!recording.current) return;
    recording.current = undefined;
    setState({ kind: 'transcribing' });
    try {
      const samples = await opened.stop();
      await send('engine/ensure', {});
      const { text } = await send('voice/transcribe', {
        audio: encodePcm16(samples),
        language: speechLanguage(userText(), uiLanguage()),
      });
      if (text === '') {
        setState({ kind: 'problem', message: t('voiceNothingHeard') });
        return;
      }
      setState({ kind: 'idle' });
      onText(text);
    } catch (error) {
      const row = await db().models.get(speechModelId());
      setState({
        kind: 'problem',
        message:
          row?.state === 'not-downloaded'
            ? t('voiceModelNotDownloaded')
            : t('voiceFailed', errorMessage(error)),
      });
    }
  };

  return { state, start, stop, listening: state.kind === 'listening' };
}
