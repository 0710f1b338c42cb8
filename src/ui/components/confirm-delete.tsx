/**
 * A delete behind a plain confirmation (issue 12: delete a conversation, or all of them): the
 * button becomes the question with Delete and Cancel; Cancel takes the focus (a stray Enter never
 * deletes, as in the library's dialog), and Escape or Cancel puts it back on the button. Inline rather than `window.confirm`, which a toolbar popup cannot rely on and
 * which tests cannot see.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';

type Step = 'idle' | 'confirm' | 'deleting';

interface Props {
  /** The button's words, and the question asked before anything is deleted. */
  label: string;
  question: string;
  onDelete: () => Promise<void>;
  /** Prefix of the data-testid hooks: `<id>`, `<id>-confirm`, `<id>-cancel`. */
  testId: string;
}

export function ConfirmDelete({ label, question, onDelete, testId }: Props) {
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState<string>();
  const opener = useRef<HTMLButtonElement>(null);
  const canceller = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (step === 'confirm') canceller.current?.focus();
  }, [step]);

  const back = () => {
    setStep('idle');
    // After the render that brings the button back.
    setTimeout(() => opener.current?.focus(), 0);
  };
  const confirm = async () => {
    setStep('deleting');
    try {
      await onDelete();
      setError(undefined);
    } catch (failure) {
      setError(errorMessage(failure));
    }
    back();
  };
  const onKeyDown = (event: TargetedKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    back();
  };

  if (step === 'idle') {
    return (
      <div class="confirm-delete">
        <button type="button" ref={opener} data-testid={testId} onClick={() => setStep('confirm')}>
          {label}
        </button>
        {error && (
          <p class="field-error" role="alert">
            {t('chatDeleteFailed', error)}
          </p>
        )}
      </div>
    );
  }
  return (
    <div class="confirm-delete" role="group" aria-label={label} onKeyDown={onKeyDown}>
      <p role="status">{question}</p>
      <button
        type="button"
        class="danger"
        disabled={step === 'deleting'}
        data-testid={`${testId}-confirm`}
        onClick={() => void confirm()}
      >
        {t('chatDelete')}
      </button>
      <button type="button" ref={canceller} data-testid={`${testId}-cancel`} onClick={back}>
        {t('popupCancel')}
      </button>
    </div>
  );
}
