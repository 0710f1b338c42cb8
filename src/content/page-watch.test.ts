/**
 * The page watcher with a fake IntersectionObserver and clock, on a linkedom document: what the
 * buffer keeps, when a page counts as read, and a single-page app's new address as a new view.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPage } from './page-watch';

type Callback = (entries: object[]) => void;
let observer: { callback: Callback; targets: Set<Element> } | undefined;

class FakeIntersectionObserver {
  private readonly targets = new Set<Element>();
  constructor(callback: Callback) {
    observer = { callback, targets: this.targets };
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
}
class FakeMutationObserver {
  observe() {}
  disconnect() {}
}

let clock = 0;
const advance = async (ms: number) => {
  clock += ms;
  await vi.advanceTimersByTimeAsync(ms);
};

function setup(dwellMs: number | null) {
  const { document } = parseHTML(
    '<!doctype html><html><body><p id="a">Alpha paragraph.</p><p id="b">Beta paragraph.</p></body></html>',
  );
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  const win = {
    location: { href: 'https://example.com/app?route=one' },
    innerHeight: 800,
    scrollY: 0,
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  };
  const saveRead = vi.fn((_rules: unknown, _read: string[]) => Promise.resolve());
  const watcher = watchPage(
    { watch: true, siteRules: [], glimpseMs: 10 * 60_000, dwellMs },
    {
      doc: document,
      win: win as unknown as Window,
      saveRead,
      now: () => clock,
    },
  );
  const el = (id: string) => document.getElementById(id) as unknown as Element;
  const show = (id: string, on: boolean) =>
    observer?.callback([
      {
        target: el(id),
        isIntersecting: on,
        intersectionRect: { height: on ? 100 : 0 },
        boundingClientRect: { height: 100 },
        rootBounds: { height: 800 },
      },
    ]);
  return { watcher, win, saveRead, show, document };
}

beforeEach(() => {
  vi.useFakeTimers();
  clock = 1_000_000;
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  vi.stubGlobal('MutationObserver', FakeMutationObserver);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('watchPage', () => {
  it('observes the text blocks and keeps those on screen for a second or more', async () => {
    const { watcher, show } = setup(null);
    expect(observer?.targets.size).toBe(2);
    show('a', true);
    await advance(1_500);
    show('a', false);
    show('b', true);
    await advance(300);
    show('b', false);
    expect(watcher.seen?.().map((block) => block.text)).toEqual(['Alpha paragraph.']);
    watcher.stop();
    expect(watcher.seen?.()).toEqual([]);
  });

  it('saves a page once it has been read, once per view, with the blocks read', async () => {
    const { watcher, show, saveRead } = setup(2_000);
    show('a', true);
    await advance(1_000);
    expect(saveRead).not.toHaveBeenCalled();
    await advance(1_500);
    expect(saveRead).toHaveBeenCalledTimes(1);
    expect(saveRead.mock.calls[0]?.[1]).toEqual(['Alpha paragraph.']);
    await advance(5_000);
    expect(saveRead).toHaveBeenCalledTimes(1);
    watcher.stop();
  });

  it('a save that failed is tried again later in the same view, a few times at most', async () => {
    const { watcher, show, saveRead } = setup(2_000);
    saveRead.mockImplementation(() => Promise.reject(new Error('no answer')));
    show('a', true);
    await advance(2_500);
    expect(saveRead).toHaveBeenCalledTimes(1);
    await advance(10_000);
    expect(saveRead).toHaveBeenCalledTimes(1); // not hammered
    saveRead.mockImplementation(() => Promise.resolve());
    await advance(25_000);
    expect(saveRead).toHaveBeenCalledTimes(2);
    await advance(60_000);
    expect(saveRead).toHaveBeenCalledTimes(2); // saved: once per view
    watcher.stop();
  });

  it('a new address in a single-page app is a new view, read and saved on its own', async () => {
    const { watcher, win, show, saveRead } = setup(2_000);
    show('a', true);
    await advance(2_500);
    expect(saveRead).toHaveBeenCalledTimes(1);
    show('a', false);
    win.location.href = 'https://example.com/app?route=two';
    await advance(1_000); // noticed, and the new route given time to render
    show('b', true);
    await advance(1_000);
    expect(saveRead).toHaveBeenCalledTimes(1); // not read long enough yet
    await advance(1_500);
    expect(saveRead).toHaveBeenCalledTimes(2);
    expect(saveRead.mock.calls[1]?.[1]).toEqual(['Beta paragraph.']);
    watcher.stop();
  });

  it('stops: nothing is saved after it', async () => {
    const { watcher, show, saveRead } = setup(1_000);
    show('a', true);
    watcher.stop();
    await advance(5_000);
    expect(saveRead).not.toHaveBeenCalled();
  });
});
