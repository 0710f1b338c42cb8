/**
 * A plain confirmation: what will happen, Cancel, and the action. A modal `<dialog>`: focus stays
 * inside, Escape cancels (the browser's own `cancel`), and Cancel has the focus first, so a stray
 * Enter never deletes; closing gives the focus back to where it was.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { FieldError } from './field-error';

interface Props {
  title: string;
  children?: ComponentChildren;
  confirmLabel: string;
  busy?: boolean;
  error?: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onCancel,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Back to where the user was (the list, a button) when the dialog goes, so the keyboard
    // carries on from there.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.showModal();
    cancel.current?.focus();
    return () => before?.isConnected && before.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="lib-dialog"
      data-testid="confirm-dialog"
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      {children}
      <FieldError error={error} />
      <div class="lib-dialog-actions">
        <button type="button" ref={cancel} onClick={onCancel} data-testid="confirm-cancel">
          {t('libraryCancel')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={busy}
          onClick={onConfirm}
          data-testid="confirm-ok"
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
