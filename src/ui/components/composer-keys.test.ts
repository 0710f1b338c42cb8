import { describe, expect, it } from 'vitest';
import { composerAction } from './composer-keys';

const key = (
  key: string,
  over: { shiftKey?: boolean; isComposing?: boolean; keyCode?: number } = {},
) => ({
  key,
  shiftKey: false,
  isComposing: false,
  ...over,
});

describe('composerAction', () => {
  it('sends on Enter and clears on Escape', () => {
    expect(composerAction(key('Enter'))).toBe('send');
    expect(composerAction(key('Escape'))).toBe('clear');
  });

  it('leaves Shift+Enter and other keys to the textarea', () => {
    expect(composerAction(key('Enter', { shiftKey: true }))).toBeNull();
    expect(composerAction(key('a'))).toBeNull();
  });

  it('never sends while an input method is composing', () => {
    expect(composerAction(key('Enter', { isComposing: true }))).toBeNull();
    expect(composerAction(key('Enter', { keyCode: 229 }))).toBeNull();
  });
});
