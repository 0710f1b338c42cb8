import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTICE_DURATION_MS, dismissNotice, showNotice } from './notice';

function setup() {
  const { document, window } = parseHTML(
    '<!doctype html><html><head></head><body><p>page</p></body></html>',
  );
  // Closed roots are unreachable from the host, as for the page: catch the root as it is made.
  const attach = vi.spyOn(window.Element.prototype, 'attachShadow');
  const root = (i = 0): ShadowRoot => attach.mock.results[i]?.value as ShadowRoot;
  return { document, attach, root };
}

describe('showNotice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    dismissNotice();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('shows the text in a closed shadow root the page cannot reach', () => {
    const { document, attach, root } = setup();
    showNotice('Saved to Engram', 'success', document);
    const host = document.documentElement.lastElementChild as HTMLElement;
    expect(host.localName).toBe('engram-notice');
    expect(attach).toHaveBeenCalledWith({ mode: 'closed' });
    expect(host.shadowRoot).toBeNull();
    expect(host.textContent).toBe(''); // nothing in the light DOM for the page to read
    vi.advanceTimersByTime(100);
    const box = root().querySelector('.notice') as Element;
    expect(box.getAttribute('role')).toBe('status');
    expect(box.getAttribute('aria-live')).toBe('polite');
    expect(box.classList.contains('success')).toBe(true);
    expect(box.textContent).toBe('✓Saved to Engram');
    expect(root().querySelector('.icon')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('keeps its styles inside the shadow root and pins the host with !important', () => {
    const { document, root } = setup();
    // linkedom drops the priority when serialising, so check what was asked for.
    const declaration = Object.getPrototypeOf(
      document.createElement('i').style,
    ) as CSSStyleDeclaration;
    const setProperty = vi.spyOn(declaration, 'setProperty');
    showNotice('Saved', 'info', document);
    expect(document.head.children).toHaveLength(0);
    const style = root().querySelector('style');
    expect(style?.textContent).toContain('prefers-color-scheme: dark');
    expect(setProperty.mock.calls[0]).toEqual(['all', 'initial', 'important']);
    expect(setProperty).toHaveBeenCalledWith('position', 'fixed', 'important');
    expect(setProperty).toHaveBeenCalledWith('z-index', '2147483647', 'important');
    const host = document.querySelector('engram-notice') as HTMLElement;
    expect(host.getAttribute('style')).toContain('position:fixed');
  });

  it('writes text with textContent: markup stays text', () => {
    const { document, root } = setup();
    showNotice('<img src=x onerror=alert(1)>', 'error', document);
    vi.advanceTimersByTime(100);
    expect(root().querySelector('img')).toBeNull();
    expect(root().querySelector('.text')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root().querySelector('.notice')?.classList.contains('error')).toBe(true);
  });

  it('replaces the previous notice and goes away by itself', () => {
    const { document } = setup();
    showNotice('First', 'info', document);
    showNotice('Second', 'success', document);
    expect(document.querySelectorAll('engram-notice')).toHaveLength(1);
    vi.advanceTimersByTime(NOTICE_DURATION_MS + 1);
    expect(document.querySelectorAll('engram-notice')).toHaveLength(0);
  });
});
