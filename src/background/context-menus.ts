/** Right-click "Save to memory" on a page, a selection, a link or an image. */
import { t, type MessageKey } from '../shared/i18n';
import type { CaptureRequest } from '../shared/protocol';
import { captureTab } from './capture-tab';

const MENUS: ReadonlyArray<{
  id: string;
  title: MessageKey;
  contexts: [`${chrome.contextMenus.ContextType}`];
}> = [
  { id: 'save-page', title: 'menuSavePage', contexts: ['page'] },
  { id: 'save-selection', title: 'menuSaveSelection', contexts: ['selection'] },
  { id: 'save-link', title: 'menuSaveLink', contexts: ['link'] },
  { id: 'save-image', title: 'menuSaveImage', contexts: ['image'] },
];

const PAGES_ONLY = ['http://*/*', 'https://*/*'];

export async function createContextMenus(): Promise<void> {
  await chrome.contextMenus.removeAll();
  for (const menu of MENUS) {
    chrome.contextMenus.create({ ...menu, title: t(menu.title), documentUrlPatterns: PAGES_ONLY });
  }
}

export function requestFor(info: chrome.contextMenus.OnClickData): CaptureRequest | undefined {
  switch (info.menuItemId) {
    case 'save-page':
      return { mode: 'page' };
    case 'save-selection':
      return {
        mode: 'selection',
        ...(info.selectionText ? { selectionText: info.selectionText } : {}),
      };
    case 'save-link':
      return info.linkUrl ? { mode: 'link', linkUrl: info.linkUrl } : undefined;
    case 'save-image':
      return info.srcUrl ? { mode: 'image', srcUrl: info.srcUrl } : undefined;
    default:
      return undefined;
  }
}

export function onMenuClicked(info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab): void {
  const request = requestFor(info);
  if (!request) return;
  captureTab(tab ?? {}, request, 'menu').catch((error: unknown) =>
    console.warn('Engram: saving from the menu failed:', error),
  );
}
