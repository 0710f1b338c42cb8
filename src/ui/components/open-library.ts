/**
 * Opens the library page (issue 12) in a tab, or brings forward the one already open, so the
 * popup, the side panel and the settings page never stack copies of it. The open one is found
 * with runtime.getContexts, which sees the extension's own pages without the `tabs` permission.
 */
import browser from 'webextension-polyfill';

export async function openLibrary(): Promise<void> {
  const url = browser.runtime.getURL('library.html');
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.TAB],
  });
  const open = contexts.find((c) => c.documentUrl?.startsWith(url) && c.tabId >= 0);
  if (open) {
    await browser.tabs.update(open.tabId, { active: true });
    if (open.windowId >= 0) await browser.windows.update(open.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}
