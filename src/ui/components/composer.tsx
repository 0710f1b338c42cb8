/** The question box: Enter sends, Shift+Enter is a newline, Escape clears. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import { t } from '../../shared/i18n';
import { composerAction } from './composer-keys';
import { MicButton, VoiceStatus } from './voice/mic-button';
import { useVoiceInput } from './voice/use-voice-input';

interface Props {
  /** Rejects with a message the user should see; the question then stays in the box. */
  onAsk: (question: string) => Promise<void>;
  /** Changes whenever the box should take the focus (open, new chat). */
  focusKey: unknown;
}

export function Composer({ onAsk, focusKey }: Props) {
  const [question, setQuestion] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const box = useRef<HTMLTextAreaElement>(null);
  /** The last question asked here: its language is the speech's when the box is empty. */
  const lastAsked = useRef<string | undefined>(undefined);
  const canSend = question.trim() !== '' && !sending;

  useEffect(() => {
    box.current?.focus();
    // A popup may not have the window's focus on its first frame yet: try once more after it, but
    // never take the focus from where the user (or a dialog) has put it meanwhile.
    const retry = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active === null || active === document.body) box.current?.focus();
    });
    return () => cancelAnimationFrame(retry);
  }, [focusKey]);

  const submit = async () => {
    // The box itself, not the state: text typed (or inserted by a test) in the same task as the
    // Enter press has not been rendered into `question` yet.
    const asked = (box.current?.value ?? question).trim();
    if (!asked || sending) return;
    // The question stays in the box (read-only) until it is asked: whatever happens meanwhile (a
    // failure, the view re-rendering around the box), it is never lost (issue 10).
    setQuestion(asked);
    setSending(true);
    setError(undefined);
    try {
      await onAsk(asked);
      lastAsked.current = asked;
      // The box too, not only the state: typing since the last render leaves the two apart, and
      // Preact skips a render that sets the state to what it already was.
      if (box.current) box.current.value = '';
      setQuestion('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
      box.current?.focus();
    }
  };

  /** Said text lands after what is in the box, for the user to edit or send. */
  const insertSpoken = (spoken: string) => {
    const before = (box.current?.value ?? question).trimEnd();
    const next = before === '' ? spoken : `${before} ${spoken}`;
    if (box.current) box.current.value = next;
    setQuestion(next);
    box.current?.focus();
  };
  const voice = useVoiceInput(insertSpoken, () => [
    box.current?.value ?? question,
    lastAsked.current,
  ]);

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    const action = composerAction(event);
    if (action === 'send') {
      event.preventDefault();
      void submit();
    } else if (action === 'clear' && event.currentTarget.value !== '') {
      // Only when there is something to clear, so Escape on an empty box still closes the popup.
      event.preventDefault();
      event.currentTarget.value = '';
      setQuestion('');
      setError(undefined);
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label class="visually-hidden" for="engram-question">
        {t('popupQuestionLabel')}
      </label>
      <textarea
        id="engram-question"
        ref={box}
        data-testid="question"
        rows={2}
        dir="auto"
        placeholder={t('popupAskPlaceholder')}
        autoFocus
        value={question}
        readOnly={sending}
        aria-busy={sending}
        onInput={(event) => setQuestion(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="composer-buttons">
        <MicButton voice={voice} />
        <button type="submit" class="primary" data-testid="ask" disabled={!canSend}>
          {t('popupAsk')}
        </button>
      </div>
      {error && (
        <p class="composer-error" role="alert" data-testid="ask-error">
          {error}
        </p>
      )}
      <VoiceStatus state={voice.state} />
    </form>
  );
}
