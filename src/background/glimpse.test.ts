/** The page's notice after the shortcut: one passage or several, held for review or seen again. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import { setMessageSource, tableSource } from '../shared/i18n';
import type { StoredGlimpse } from '../shared/store/glimpses';
import { glimpseConfirmation } from './glimpse';

vi.mock('./engine-gateway', () => ({ wakeEngine: vi.fn() }));

const glimpse = (blocks: number, held: boolean): StoredGlimpse => ({
  sourceId: 'g',
  isNew: held,
  title: 'Tea',
  blocks,
  ...(held ? { heldUntil: 1 } : {}),
});

describe('glimpse confirmation', () => {
  afterEach(() => setMessageSource(tableSource(en)));

  it('counts one passage or several, and says where to review a held glimpse', () => {
    expect(glimpseConfirmation(glimpse(1, true))).toBe(
      'Saved to Engram — glimpse of 1 passage. Review it in the Engram popup.',
    );
    expect(glimpseConfirmation(glimpse(4, true))).toBe(
      'Saved to Engram — glimpse of 4 passages. Review it in the Engram popup.',
    );
    expect(glimpseConfirmation(glimpse(1, false))).toBe(
      'Saved to Engram — glimpse of 1 passage, seen again',
    );
    expect(glimpseConfirmation(glimpse(3, false))).toBe(
      'Saved to Engram — glimpse of 3 passages, seen again',
    );
  });

  it('is said in Chinese in a Chinese browser', () => {
    setMessageSource(tableSource(zhCN));
    expect(glimpseConfirmation(glimpse(4, true))).toBe(
      '已保存到 Engram：刚才所见的 4 段内容。可在 Engram 弹出窗口中查看。',
    );
    expect(glimpseConfirmation(glimpse(1, false))).toBe(
      '已保存到 Engram：刚才所见的 1 段内容，之前已见过',
    );
  });
});
