/** What a key press in the question box does. */

export type ComposerAction = 'send' | 'clear' | null;

interface KeyLike {
  key: string;
  shiftKey: boolean;
  isComposing: boolean;
  keyCode?: number;
}

/**
 * Enter sends, Shift+Enter is a newline, Escape clears. While an input method is composing
 * (Chinese pinyin, Japanese kana), Enter confirms the candidate and must not send: `isComposing`
 * covers most browsers, and keyCode 229 covers the keydown that ends a composition in Chromium.
 */
export function composerAction(event: KeyLike): ComposerAction {
  if (event.isComposing || event.keyCode === 229) return null;
  if (event.key === 'Enter' && !event.shiftKey) return 'send';
  if (event.key === 'Escape') return 'clear';
  return null;
}
