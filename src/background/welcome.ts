/**
 * The welcome page, opened once when Engram is installed: not on an update, nor a browser
 * update. (Chromium started with --load-extension reports `install` at every launch, so the
 * tests and `npm start` see it each time: tests/e2e/harness.ts closes it.)
 */
export async function onInstalledWelcome(details: chrome.runtime.InstalledDetails): Promise<void> {
  if (details.reason !== 'install') return;
  await chrome.tabs.create({ url: chrome.runtime.getURL('welcome.html') });
}
