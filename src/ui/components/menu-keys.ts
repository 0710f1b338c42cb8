/** Keyboard movement inside a menu of buttons (WAI-ARIA menu button pattern). */

/**
 * The index of the item to focus after `key` on item `current` of `count`, or null when the key
 * does not move (Enter and Space activate the focused button itself; Escape and Tab close).
 */
export function menuMove(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
