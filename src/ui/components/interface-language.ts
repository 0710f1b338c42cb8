/**
 * The language the interface is shown in, as the browser chose it among the locale files: read
 * from a message of ours, since `@@ui_locale` and `getUILanguage()` both say "en_US" under
 * `--lang=zh-CN` on Linux while every message comes in Chinese.
 */
import { t } from '../../shared/i18n';
import type { TextLanguage } from '../../shared/i18n-in';

/** "en", "zh-CN": for the page's `lang`, so Chinese text gets Chinese fonts and line breaks. */
export const interfaceLanguageTag = (): string => t('popupLanguageTag');

export const interfaceLanguage = (): TextLanguage =>
  /^zh\b/i.test(interfaceLanguageTag()) ? 'zh' : 'en';
