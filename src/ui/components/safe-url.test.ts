import { describe, expect, it } from 'vitest';
import { citationUrl, safeHttpUrl } from './safe-url';

describe('safeHttpUrl', () => {
  it('accepts http and https', () => {
    expect(safeHttpUrl('https://example.com/a?b=1#c')).toBe('https://example.com/a?b=1#c');
    expect(safeHttpUrl('http://127.0.0.1:8080/page')).toBe('http://127.0.0.1:8080/page');
  });

  it('keeps a text fragment', () => {
    const href = 'https://example.com/rust#:~:text=futures%20are%20lazy';
    expect(safeHttpUrl(href)).toBe(href);
  });

  it('rejects other schemes, whatever their case or padding', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'chrome://settings',
      'chrome-extension://abc/popup.html',
      'blob:https://example.com/uuid',
    ]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });

  it('rejects relative, empty and malformed URLs', () => {
    expect(safeHttpUrl('/relative')).toBeNull();
    expect(safeHttpUrl('')).toBeNull();
    expect(safeHttpUrl(undefined)).toBeNull();
    expect(safeHttpUrl('https://')).toBeNull();
  });

  it('rejects URLs with credentials', () => {
    expect(safeHttpUrl('https://bank.com@evil.example/')).toBeNull();
  });
});

describe('citationUrl', () => {
  it('prefers the text-fragment link', () => {
    expect(citationUrl({ href: 'https://a.example/#:~:text=x', url: 'https://a.example/' })).toBe(
      'https://a.example/#:~:text=x',
    );
  });

  it('falls back to the page URL when the link is unsafe', () => {
    expect(citationUrl({ href: 'javascript:void 0', url: 'https://a.example/' })).toBe(
      'https://a.example/',
    );
    expect(citationUrl({ href: 'data:,x', url: 'file:///x' })).toBeNull();
  });
});
