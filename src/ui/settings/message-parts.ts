/**
 * A message with elements inside it ("A more precise rule wins: <code>a</code> over <code>b</code>"):
 * the message is looked up with markers for its placeholders, then split around them, so the
 * sentence stays whole in the locale file and each language puts the elements where it needs.
 */
import type { ComponentChild } from 'preact';
import { t, type MessageKey } from '../../shared/i18n';

const MARK = '\u0001';

export function messageParts(key: MessageKey, ...parts: ComponentChild[]): ComponentChild[] {
  const text = t(key, ...parts.map((_, i) => `${MARK}${i}${MARK}`));
  return text
    .split(new RegExp(`${MARK}(\\d+)${MARK}`))
    .map((piece, i) => (i % 2 === 1 ? parts[Number(piece)] : piece));
}
