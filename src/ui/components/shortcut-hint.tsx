/** The key for "Remember what I just saw", or how to set one. */
import { t } from '../../shared/i18n';
import { SHORTCUTS_PAGE, useRememberShortcut } from './use-shortcut';

export function ShortcutHint() {
  const known = useRememberShortcut();
  // Compact (issue 10): the keys alone, what they do in the tooltip and for screen readers.
  const label =
    known.kind === 'set'
      ? t('popupShortcutLabel', known.keys)
      : known.kind === 'unset'
        ? t('popupShortcutLabelUnset', SHORTCUTS_PAGE)
        : t('popupShortcutLabelLoading');
  return (
    <span class="shortcut muted" title={label}>
      <span class="visually-hidden">{label}</span>
      <span data-testid="shortcut" data-state={known.kind} aria-hidden="true">
        {known.kind === 'set' && <kbd>{known.keys}</kbd>}
        {known.kind === 'unset' && t('popupNoShortcut')}
      </span>
    </span>
  );
}
