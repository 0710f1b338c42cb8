/** Keyboard shortcuts declared in the manifest's `commands`. */
import { captureTab } from './capture-tab';

export const REMEMBER_COMMAND = 'remember-glimpse';

export function onCommand(command: string, tab?: chrome.tabs.Tab): void {
  if (command !== REMEMBER_COMMAND) return;
  const target = tab ?? undefined;
  void (async () => {
    const active = target ?? (await chrome.tabs.query({ active: true, currentWindow: true }))[0];
    // "Remember what I just saw": the page, and a glimpse of what was on screen.
    await captureTab(active ?? {}, { mode: 'page', glimpse: true }, 'shortcut');
  })().catch((error: unknown) => console.warn('Engram: shortcut capture failed:', error));
}
