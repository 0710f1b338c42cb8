/**
 * Opens the library page (issue 12), or one source's page in it, in a tab, or brings forward the one already open, so the
 * popup, the side panel and the settings page never stack copies of it. The open one is found
 * with runtime.getContexts, which sees the extension's own pages without the `tabs` permission.
 */
import browser from 'webextension-polyfill';
import { itemHash } from '../library/use-hash-route';

export async function openLibrary(hash = ''): Promise<void> {
  const url = browser.runtime.getURL('library.html');
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.TAB],
  });
  const open = contexts.find((c) => c.documentUrl?.startsWith(url) && c.tabId >= 0);
  if (open) {
    await browser.tabs.update(
      open.tabId,
      hash ? { active: true, url: url + hash } : { active: true },
    );
    if (open.windowId >= 0) await browser.windows.update(open.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url: url + hash });
}

/** Opens one source's page in the library (`#/item/<id>`, library/use-hash-route.ts). */
export const openLibraryItem = (id: string): Promise<void> => openLibrary(itemHash(id));
