import { describe, expect, it } from 'vitest';
import { findShortcut } from './shortcut';

describe('findShortcut', () => {
  it('finds the remember command', () => {
    expect(
      findShortcut([
        { name: '_execute_action', shortcut: 'Ctrl+Shift+E' },
        { name: 'remember-glimpse', shortcut: 'Alt+Shift+S' },
      ]),
    ).toBe('Alt+Shift+S');
  });

  it('is null when unset or missing', () => {
    expect(findShortcut([{ name: 'remember-glimpse', shortcut: '' }])).toBeNull();
    expect(findShortcut([{ name: 'remember-glimpse' }])).toBeNull();
    expect(findShortcut([])).toBeNull();
  });
});
