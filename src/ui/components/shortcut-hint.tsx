/** The key for "Remember what I just saw", or how to set one. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { findShortcut } from './shortcut';

type Known = { kind: 'loading' } | { kind: 'set'; keys: string } | { kind: 'unset' };

export function ShortcutHint() {
  const [known, setKnown] = useState<Known>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    browser.commands
      .getAll()
      .then((commands) => {
        const keys = findShortcut(commands);
        if (live) setKnown(keys ? { kind: 'set', keys } : { kind: 'unset' });
      })
      .catch(() => live && setKnown({ kind: 'unset' }));
    return () => {
      live = false;
    };
  }, []);

  return (
    <p class="shortcut muted">
      Remember what I just saw:{' '}
      <span data-testid="shortcut" data-state={known.kind}>
        {known.kind === 'set' && <kbd>{known.keys}</kbd>}
        {known.kind === 'unset' && 'not set'}
      </span>
      {known.kind === 'unset' && (
        // A plain link to a chrome:// page does nothing from an extension page: show the address.
        <span class="hint"> (set one at chrome://extensions/shortcuts)</span>
      )}
    </p>
  );
}
