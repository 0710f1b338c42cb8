/**
 * Unit tests read the interface's words from the English locale file, as an English browser
 * would (src/shared/i18n.ts); a test that needs Chinese sets `setMessageSource` itself.
 */
import en from '../../public/_locales/en/messages.json';
import { setMessageSource, tableSource } from '../../src/shared/i18n';

setMessageSource(tableSource(en));
