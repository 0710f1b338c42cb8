/** The language the interface is shown in (src/shared/i18n.ts uiLanguage), for the popup. */
import { uiIsChinese, uiLanguage } from '../../shared/i18n';
import type { TextLanguage } from '../../shared/i18n-in';

/** "en", "zh-CN": for the page's `lang`, so Chinese text gets Chinese fonts and line breaks. */
export const interfaceLanguageTag = uiLanguage;

export const interfaceLanguage = (): TextLanguage => (uiIsChinese() ? 'zh' : 'en');
