import { expect, test } from 'vitest';
import { menuMove } from './menu-keys';

test('arrows wrap around, Home and End jump, other keys do not move', () => {
  expect(menuMove('ArrowDown', 0, 3)).toBe(1);
  expect(menuMove('ArrowDown', 2, 3)).toBe(0);
  expect(menuMove('ArrowUp', 0, 3)).toBe(2);
  expect(menuMove('Home', 2, 3)).toBe(0);
  expect(menuMove('End', 0, 3)).toBe(2);
  expect(menuMove('Enter', 1, 3)).toBeNull();
  expect(menuMove('ArrowDown', 0, 0)).toBeNull();
});
