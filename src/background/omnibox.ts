/**
 * The address-bar keyword `m`: "m buy a cloche for the terrarium" keeps a note, with the page
 * open in the active tab where the capture policy allows it (issue 15, note-page.ts).
 */
import { db } from '../shared/db';
import { errorMessage } from '../shared/dispatch';
import { t } from '../shared/i18n';
import { storeNote } from '../shared/store/sources';
import { flashBadge } from './badge';
import { wakeEngine } from './engine-gateway';
import { activeTabId, linkToNotedPage, notePageOf } from './note-page';

export function setOmniboxSuggestion(): void {
  chrome.omnibox
    .setDefaultSuggestion({ description: t('omniboxSuggestion') })
    .catch((error: unknown) => console.warn('Engram: omnibox:', error));
}

export function onOmniboxEntered(text: string): void {
  void (async () => {
    try {
      const page = await notePageOf(await activeTabId());
      const stored = await storeNote(db(), text, 'omnibox', Date.now(), page);
      await linkToNotedPage(stored.sourceId, page);
      await flashBadge(undefined, 'saved', t('omniboxNoted', stored.title));
      void wakeEngine();
    } catch (error) {
      await flashBadge(undefined, 'failed', errorMessage(error)).catch(() => undefined);
    }
  })();
}
