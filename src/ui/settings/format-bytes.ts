/**
 * "118 MB": a byte count as people read it. Binary steps (1 MB = 1024 × 1024 bytes), as the model
 * registry counts its sizes and as Chrome's own storage pages do; one decimal below 10 so small
 * models do not all read "1 MB". The number is written in the interface's locale; the unit
 * symbols are the same in English and Chinese.
 */
import { uiLanguage } from '../../shared/i18n';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number, locale = uiLanguage()): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  let shown = unit === 0 || value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  // 1023.7 KB rounds up to 1024 KB: say 1 MB instead.
  if (shown >= 1024 && unit < UNITS.length - 1) {
    shown = 1;
    unit += 1;
  }
  // No grouping: a shown value is below 1024 ("1023 B", not "1,023 B").
  const number = new Intl.NumberFormat(locale, { useGrouping: false }).format(shown);
  return `${number} ${UNITS[unit]}`;
}
