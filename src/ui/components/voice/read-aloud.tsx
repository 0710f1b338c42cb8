/**
 * Read an answer aloud with the browser's speech synthesis, limited to voices marked local
 * (`localService`): a remote voice would send the answer's words to a server. Where the browser
 * has no local voice for the answer's language, there is no button.
 */
import { useEffect, useState } from 'preact/hooks';
import { tIn, type TextLanguage } from '../../../shared/i18n-in';
import { SpeakerIcon, StopIcon } from '../icons';

function localVoice(language: TextLanguage): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  const prefix = language === 'zh' ? 'zh' : 'en';
  return speechSynthesis
    .getVoices()
    .find((voice) => voice.localService && voice.lang.toLowerCase().startsWith(prefix));
}

/** The local voice for `language`, following the list as the browser fills it in. */
function useLocalVoice(language: TextLanguage): SpeechSynthesisVoice | undefined {
  const [voice, setVoice] = useState(() => localVoice(language));
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return;
    const update = () => setVoice(localVoice(language));
    speechSynthesis.addEventListener('voiceschanged', update);
    return () => speechSynthesis.removeEventListener('voiceschanged', update);
  }, [language]);
  return voice;
}

/** Citation markers such as [2] are for the eye; a voice reading "bracket two" helps no one. */
export const spokenText = (text: string): string => text.replace(/\s*\[\d+\]/g, '');

export function ReadAloud({ text, language }: { text: string; language: TextLanguage }) {
  const voice = useLocalVoice(language);
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => globalThis.speechSynthesis?.cancel(), []);
  if (!voice) return null;

  const toggle = () => {
    speechSynthesis.cancel();
    if (speaking) {
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(spokenText(text));
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.addEventListener('end', () => setSpeaking(false));
    utterance.addEventListener('error', () => setSpeaking(false));
    setSpeaking(true);
    speechSynthesis.speak(utterance);
  };

  const label = tIn(language, speaking ? 'answerStopReading' : 'answerReadAloud');
  return (
    <button
      type="button"
      class="read-aloud"
      data-testid="read-aloud"
      aria-label={label}
      title={label}
      aria-pressed={speaking}
      onClick={toggle}
    >
      {speaking ? <StopIcon /> : <SpeakerIcon />}
    </button>
  );
}
