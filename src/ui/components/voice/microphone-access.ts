/**
 * Whether this extension may use the microphone. A popup or side panel cannot show Chrome's
 * permission prompt (the request is dismissed at once), so, as other extensions do, Engram asks
 * from a page of its own in a tab (voice.html) once; the permission then belongs to the
 * extension's origin and the popup and side panel can record.
 */
import browser from 'webextension-polyfill';

export type MicrophoneAccess = 'granted' | 'prompt' | 'denied';

export async function microphoneAccess(): Promise<MicrophoneAccess> {
  try {
    const status = await navigator.permissions.query({ name: 'microphone' });
    return status.state;
  } catch {
    return 'prompt'; // A browser that cannot say: the permission page asks.
  }
}

/** Open the permission page in a tab (a popup then closes: the tab takes the focus). */
export async function openMicrophonePage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('voice.html') });
}
