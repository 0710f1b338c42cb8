/** The toolbar badge confirms a capture (or says it failed) on the tab it happened in. */
const CLEAR_AFTER_MS = 4_000;

export async function flashBadge(
  tabId: number | undefined,
  outcome: 'saved' | 'failed',
  detail: string,
): Promise<void> {
  const saved = outcome === 'saved';
  const target = tabId === undefined ? {} : { tabId };
  await Promise.all([
    chrome.action.setBadgeText({ ...target, text: saved ? '✓' : '!' }),
    chrome.action.setBadgeBackgroundColor({ ...target, color: saved ? '#1a7f37' : '#cf222e' }),
    chrome.action.setTitle({ ...target, title: `Engram — ${detail}` }),
  ]);
  setTimeout(() => {
    void Promise.all([
      chrome.action.setBadgeText({ ...target, text: '' }),
      chrome.action.setTitle({ ...target, title: 'Engram — ask your memory' }),
    ]).catch(() => undefined); // The tab may be gone by now; nothing to clear then.
  }, CLEAR_AFTER_MS);
}
