/** The key of "Remember what I just saw" as the browser reports it (the user may have changed it). */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { findShortcut } from './shortcut';

export type ShortcutState = { kind: 'loading' } | { kind: 'set'; keys: string } | { kind: 'unset' };

export function useRememberShortcut(): ShortcutState {
  const [known, setKnown] = useState<ShortcutState>({ kind: 'loading' });
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
  return known;
}

/** A plain link to a chrome:// page does nothing from an extension page: the address is shown. */
export const SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';
