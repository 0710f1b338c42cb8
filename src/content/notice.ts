/**
 * A small toast the page can neither style nor read: a custom element whose closed shadow root
 * holds the text and the styles. One at a time; it goes away by itself.
 */
import { uiLanguage } from '../shared/i18n';
import { HOST_STYLE, NOTICE_CSS } from './notice-style';

export type Tone = 'success' | 'error' | 'info';

const HOST_TAG = 'engram-notice';
const ICONS: Record<Tone, string> = { success: '✓', error: '!', info: 'i' };
/** Long enough to read a short sentence; the notice is also dismissed by a click. */
export const NOTICE_DURATION_MS = 3_500;
/**
 * The message is written a moment after the live region is attached: screen readers announce
 * changes to a live region, not a region that arrives with its content already in it.
 */
const ANNOUNCE_DELAY_MS = 50;

let current: { host: Element; timers: ReturnType<typeof setTimeout>[] } | null = null;

export function dismissNotice(): void {
  if (!current) return;
  for (const timer of current.timers) clearTimeout(timer);
  current.host.remove();
  current = null;
}

function addStyles(root: ShadowRoot, doc: Document): void {
  // A constructed sheet is not an inline style, so a strict page CSP cannot block it.
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in root) {
    try {
      const sheet = new Sheet();
      sheet.replaceSync(NOTICE_CSS);
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Firefox content scripts cannot hand their own sheets to the page's DOM: use <style>.
    }
  }
  const style = doc.createElement('style');
  style.textContent = NOTICE_CSS;
  root.append(style);
}

export function showNotice(text: string, tone: Tone, doc: Document = document): void {
  dismissNotice();
  const parent = doc.documentElement;
  if (!parent) return;
  const host = doc.createElement(HOST_TAG);
  for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
  // Closed: `host.shadowRoot` is null for the page, so it cannot read or restyle the contents.
  const root = host.attachShadow({ mode: 'closed' });
  addStyles(root, doc);

  const box = doc.createElement('div');
  box.className = `notice ${tone}`;
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  // The words are in the interface's language, not the page's: fonts and screen readers follow.
  box.lang = uiLanguage().replace('_', '-');
  const icon = doc.createElement('span');
  icon.className = 'icon';
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = ICONS[tone];
  const message = doc.createElement('span');
  message.className = 'text';
  box.append(icon, message);
  box.addEventListener('click', dismissNotice);
  root.append(box);
  parent.append(host);

  const timers = [
    setTimeout(() => {
      message.textContent = text;
    }, ANNOUNCE_DELAY_MS),
    setTimeout(dismissNotice, NOTICE_DURATION_MS),
  ];
  current = { host, timers };
}
