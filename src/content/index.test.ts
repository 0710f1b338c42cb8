import { afterEach, describe, expect, it, vi } from 'vitest';

/** The entry as the service worker runs it: a fresh module evaluation per injection. */
describe('content script entry', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('registers a single message listener when injected twice', async () => {
    const listeners: unknown[] = [];
    vi.stubGlobal('chrome', {
      runtime: {
        id: 'engram-id',
        getURL: (path: string) => `chrome-extension://engram-id/${path}`,
        onMessage: {
          addListener: (l: unknown) => void listeners.push(l),
          hasListener: (l: unknown) => listeners.includes(l),
        },
      },
    });
    await import('./index');
    vi.resetModules();
    await import('./index');
    expect(listeners).toHaveLength(1);
  });
});
