/**
 * "Delete download", with a small inline confirmation: the button turns into a question and two
 * buttons, the confirm button takes the focus, and Escape or Cancel puts the focus back.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';

type Step =
  { kind: 'idle' } | { kind: 'confirm' } | { kind: 'deleting' } | { kind: 'failed'; error: string };

interface Props {
  modelName: string;
  /** What will be freed, as shown ("118 MB"), if known. */
  size: string | undefined;
  inUse: boolean;
  /** Why deleting is not possible now; undefined when it is. */
  blocked: string | undefined;
  onDelete: () => Promise<void>;
}

/** The question asked before deleting: with the size if known, and a note for the model in use. */
function question(modelName: string, size: string | undefined, inUse: boolean): string {
  const key: MessageKey =
    size === undefined
      ? inUse
        ? 'settingsDeleteFilesQuestionInUse'
        : 'settingsDeleteFilesQuestion'
      : inUse
        ? 'settingsDeleteQuestionInUse'
        : 'settingsDeleteQuestion';
  return size === undefined ? t(key, modelName) : t(key, size, modelName);
}

export function DeleteDownload({ modelName, size, inUse, blocked, onDelete }: Props) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const deleteButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (step.kind === 'confirm') confirmButton.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      deleteButton.current?.focus();
    }
  }, [step.kind]);

  const cancel = () => {
    returnFocus.current = true;
    setStep({ kind: 'idle' });
  };

  const confirm = async () => {
    setStep({ kind: 'deleting' });
    try {
      await onDelete();
      returnFocus.current = true;
      setStep({ kind: 'idle' });
    } catch (error) {
      returnFocus.current = true;
      setStep({ kind: 'failed', error: errorMessage(error) });
    }
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  };

  if (step.kind === 'confirm' || step.kind === 'deleting') {
    const deleting = step.kind === 'deleting';
    return (
      <div
        class="delete-confirm"
        role="group"
        aria-label={t('settingsDeleteGroupAria', modelName)}
        onKeyDown={onKeyDown}
      >
        <p class="delete-question">{question(modelName, size, inUse)}</p>
        <button
          type="button"
          class="danger"
          ref={confirmButton}
          data-testid="confirm-delete"
          disabled={deleting}
          onClick={() => void confirm()}
        >
          {deleting ? t('settingsDeleting') : t('settingsDelete')}
        </button>
        <button type="button" data-testid="cancel-delete" disabled={deleting} onClick={cancel}>
          {t('settingsCancel')}
        </button>
      </div>
    );
  }

  return (
    <div class="delete-download">
      <button
        type="button"
        ref={deleteButton}
        data-testid="delete-model"
        disabled={blocked !== undefined}
        title={blocked}
        onClick={() => setStep({ kind: 'confirm' })}
      >
        {t('settingsDeleteDownload')}
      </button>
      {step.kind === 'failed' && (
        <p class="row-error" role="alert" data-testid="delete-error">
          {t('settingsDeleteFailed', step.error)}
        </p>
      )}
    </div>
  );
}
