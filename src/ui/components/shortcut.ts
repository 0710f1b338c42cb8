/** The keyboard shortcut of "Remember what I just saw", as the browser reports it. */

export const REMEMBER_COMMAND = 'remember-glimpse';

/** Null when the command has no shortcut (the suggested key was taken, or the user cleared it). */
export function findShortcut(
  commands: ReadonlyArray<{ name?: string; shortcut?: string }>,
): string | null {
  const shortcut = commands.find((c) => c.name === REMEMBER_COMMAND)?.shortcut?.trim();
  return shortcut ? shortcut : null;
}
