import Dexie from 'dexie';
import { afterEach, expect, it, vi } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zhCN from '../../../public/_locales/zh_CN/messages.json';
import { setMessageSource, tableSource } from '../../shared/i18n';
import { ImportError } from '../../shared/export/import-error';
import { importFailureText } from './import-words';

// The words only: not the messaging module, which needs a browser extension around it.
vi.mock('../../shared/messaging', () => ({
  errorMessage: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));

afterEach(() => setMessageSource(tableSource(en)));

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

it('an import stopped by a full disk says the disk is full, as Dexie and the DOM report it', () => {
  for (const error of [quota(), new Dexie.AbortError('Transaction aborted', quota())]) {
    expect(importFailureText(error)).toMatch(/^The import stopped: your disk is full\./);
  }
  setMessageSource(tableSource(zhCN));
  expect(importFailureText(quota())).toMatch(/^导入中断：磁盘已满/);
});

it('other failures keep their words: a bad line by number, anything else as it was', () => {
  expect(importFailureText(new ImportError('not-json', 3))).toMatch(/Line 3|line 3/);
  expect(importFailureText(new Error('boom'))).toBe('The import stopped: boom');
});
