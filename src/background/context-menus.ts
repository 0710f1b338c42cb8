/** Right-click "Save to memory" on a page, a selection, a link or an image. */
import { t, type MessageKey } from '../shared/i18n';
import type { CaptureRequest } from '../shared/protocol';
import { captureTab, type PointedAt } from './capture-tab';

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

/**
 * Where the click was (issue 11): Chrome hands the selection's text over itself, whatever frame
 * or field it was made in. What was clicked in a frame (a selection, a link, an image) is that
 * frame's: its own address goes to the policy, and it is read there. A selection in an editable
 * field is refused. "Save page" saves the page, wherever the click was.
 */
export function pointedAt(info: chrome.contextMenus.OnClickData): PointedAt {
  if (info.menuItemId === 'save-page') return {};
  return {
    frameId: info.frameId ?? 0,
    ...(info.frameId ? { frameUrl: info.frameUrl } : {}),
    ...(info.menuItemId === 'save-selection' && info.editable ? { editable: true } : {}),
  };
}

export function onMenuClicked(info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab): void {
  const request = requestFor(info);
  if (!request) return;
  captureTab(tab ?? {}, request, 'menu', pointedAt(info)).catch((error: unknown) =>
    console.warn('Engram: saving from the menu failed:', error),
  );
}
