/** Open a citation in a new tab: only an http(s) link, and only when the user asks. */
import browser from 'webextension-polyfill';
import type { Citation } from '../../shared/db';
import { citationUrl } from './safe-url';

export async function openCitation(citation: Pick<Citation, 'href' | 'url'>): Promise<void> {
  const url = citationUrl(citation);
  if (!url) return;
  await browser.tabs.create({ url });
}

/** For click handlers: open, and log rather than reject (there is nothing to retry). */
export function openCitationQuietly(citation: Pick<Citation, 'href' | 'url'>): void {
  openCitation(citation).catch((error: unknown) => console.warn('Engram: could not open', error));
}
