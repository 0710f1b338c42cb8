/**
 * Asks for the microphone once, for the whole extension. Chrome shows its permission prompt only
 * to a page in a tab, never to a popup or side panel, and a grant here belongs to the extension's
 * origin: afterwards the popup and side panel record without asking. The microphone is opened
 * only to get the answer and closed at once; nothing is recorded here.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { MicrophoneIcon } from '../components/icons';
import { microphoneAccess, type MicrophoneAccess } from '../components/voice/microphone-access';
import '../components/chat.css';
import './voice.css';

export function PermissionPage() {
  const [access, setAccess] = useState<MicrophoneAccess>();
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    void microphoneAccess().then(setAccess);
  }, []);

  const ask = async () => {
    setAsking(true);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      for (const track of stream.getTracks()) track.stop();
    } catch {
      // Refused or no microphone: the state below says which.
    } finally {
      setAsking(false);
      setAccess(await microphoneAccess());
    }
  };

  return (
    <main class="voice-page" data-testid="voice-permission-page" data-access={access ?? ''}>
      <div class="voice-page-mark" aria-hidden="true">
        <MicrophoneIcon />
      </div>
      <h1>{t('voicePermissionHeading')}</h1>
      <p>{t('voicePermissionIntro')}</p>
      <p>{t('voicePermissionPrivacy')}</p>
      {access === 'granted' ? (
        <p class="voice-page-done" role="status" data-testid="voice-granted">
          {t('voicePermissionGranted')}
        </p>
      ) : (
        <>
          <button
            type="button"
            class="primary"
            data-testid="voice-grant"
            disabled={asking}
            onClick={() => void ask()}
          >
            {t('voicePermissionButton')}
          </button>
          {access === 'denied' && (
            <p class="voice-page-problem" role="alert" data-testid="voice-denied">
              {t('voicePermissionDenied')}
            </p>
          )}
        </>
      )}
    </main>
  );
}
