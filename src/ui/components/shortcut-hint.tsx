/** The key for "Remember what I just saw", or how to set one. */
import { SHORTCUTS_PAGE, useRememberShortcut } from './use-shortcut';

export function ShortcutHint() {
  const known = useRememberShortcut();
  return (
    <p class="shortcut muted">
      Remember what I just saw:{' '}
      <span data-testid="shortcut" data-state={known.kind}>
        {known.kind === 'set' && <kbd>{known.keys}</kbd>}
        {known.kind === 'unset' && 'not set'}
      </span>
      {known.kind === 'unset' && <span class="hint"> (set one at {SHORTCUTS_PAGE})</span>}
    </p>
  );
}
