/**
 * The tab beside the composer (issue 15): a note typed in the popup or side panel keeps the page
 * that was open. Only its id is sent; the service worker reads the tab itself and asks the capture
 * policy (background/note-page.ts). The popup opened as a page of its own is its own active tab,
 * an extension page the policy refuses, so such a note simply keeps no page.
 */
export async function activeTabId(): Promise<number | undefined> {
  try {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  } catch {
    // No tabs API here (a test page, a browser without it): the note keeps no page.
    return undefined;
  }
}
