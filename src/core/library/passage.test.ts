import { describe, expect, test } from 'vitest';
import { passageOf, START_CHARS } from './passage';

const text = 'Intro line. The part the user read closely. A part read later. The end.';
const at = (part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });

describe('the passage an original opens at', () => {
  test('the first part read, before the selection', () => {
    const read = [at('The part the user read closely.'), at('A part read later.')];
    expect(passageOf({ text, read, selection: 'The end.' })).toBe(
      'The part the user read closely.',
    );
  });

  test('a read range that does not fit the text is skipped', () => {
    const read = [{ start: 5, end: 5 }, { start: 60, end: 999 }, at('A part read later.')];
    expect(passageOf({ text, read })).toBe('A part read later.');
  });

  test('else the selection', () => {
    expect(passageOf({ text, read: [], selection: 'A part read later.' })).toBe(
      'A part read later.',
    );
    expect(passageOf({ text, selection: '  ' })).toBe(text);
  });

  test('else the first few hundred characters, never half a surrogate pair', () => {
    const long = 'word '.repeat(200);
    expect(passageOf({ text: long })).toBe(long.slice(0, START_CHARS));
    const emoji = `${'a'.repeat(START_CHARS - 1)}😀 and more`;
    const start = passageOf({ text: emoji });
    expect(start).toBe('a'.repeat(START_CHARS - 1));
    expect(start).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});
