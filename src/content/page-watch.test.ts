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
/** Every MutationObserver made, so a test can report a change of the page to all of them. */
const mutationObservers: Array<(records: object[]) => void> = [];
class FakeMutationObserver {
  constructor(callback: (records: object[]) => void) {
    mutationObservers.push(callback);
  }
  observe() {}
  disconnect() {}
}
const added = (node: Node) =>
  mutationObservers.forEach((callback) =>
    callback([{ type: 'childList', addedNodes: [node], removedNodes: [] }]),
  );
const removed = (node: Node) =>
  mutationObservers.forEach((callback) =>
    callback([{ type: 'childList', addedNodes: [], removedNodes: [node] }]),
  );

let clock = 0;
const advance = async (ms: number) => {
  clock += ms;
  await vi.advanceTimersByTimeAsync(ms);
};

/** The site rules as the background applies them: `/mail` is refused (the default blocklist's icloud.com/mail). */
const siteAllows = vi.fn((url: string) =>
  Promise.resolve(!new URL(url).pathname.startsWith('/mail')),
);

function setup(dwellMs: number | null) {
  const { document } = parseHTML(
    '<!doctype html><html><body><p id="a">Alpha paragraph.</p><p id="b">Beta paragraph.</p><p id="c">Gamma paragraph.</p></body></html>',
  );
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  const win = {
    location: { href: 'https://example.com/app?route=one' },
    innerHeight: 800,
    scrollY: 0,
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  };
  const saveRead = vi.fn((_read: string[]) => Promise.resolve());
  const watcher = watchPage(
    { watch: true, glimpseMs: 10 * 60_000, dwellMs },
    {
      doc: document,
      win: win as unknown as Window,
      saveRead,
      siteAllows,
      // The page's own gate: here, any password field.
      fieldsAllow: () => !document.querySelector('input[type=password]'),
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
  mutationObservers.length = 0;
  siteAllows.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('watchPage', () => {
  it('observes the text blocks and keeps those on screen for a second or more', async () => {
    const { watcher, show } = setup(null);
    expect(observer?.targets.size).toBe(3);
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
    expect(saveRead.mock.calls[0]?.[0]).toEqual(['Alpha paragraph.']);
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
    expect(saveRead.mock.calls[1]?.[0]).toEqual(['Beta paragraph.']);
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

describe('the gate, kept while the page is open (issue 11)', () => {
  const texts = (watcher: ReturnType<typeof setup>['watcher']) =>
    watcher.seen?.().map((block) => block.text);

  it('a single-page app that routes to a blocked path: its buffer is emptied, nothing recorded there', async () => {
    const { watcher, win, show } = setup(null);
    show('a', true);
    await advance(1_500);
    show('a', false);
    expect(texts(watcher)).toEqual(['Alpha paragraph.']);
    // pushState to a blocked path (the page's own world: the content script sees only the address).
    win.location.href = 'https://example.com/mail/inbox';
    await advance(300);
    expect(siteAllows).toHaveBeenLastCalledWith('https://example.com/mail/inbox');
    expect(texts(watcher)).toEqual([]); // the page stopped being fully allowed: forgotten
    show('b', true); // the inbox, on screen for long
    await advance(5_000);
    show('b', false);
    expect(texts(watcher)).toEqual([]);
    // Back to an allowed address: recording again, from now on.
    win.location.href = 'https://example.com/photos';
    await advance(300);
    show('c', true);
    await advance(1_500);
    expect(texts(watcher)).toEqual(['Gamma paragraph.']);
    watcher.stop();
  });

  it('what is on screen while the verdict for a new address is awaited does not count', async () => {
    const { watcher, win, show } = setup(null);
    let answer: (ok: boolean) => void = () => undefined;
    siteAllows.mockImplementationOnce(() => new Promise((done) => (answer = done)));
    win.location.href = 'https://example.com/mail/';
    await advance(300);
    show('b', true);
    await advance(3_000);
    answer(false);
    await advance(10);
    expect(texts(watcher)).toEqual([]);
    watcher.stop();
  });

  it('automatic capture saves nothing from a blocked path, and starts a new view when allowed again', async () => {
    const { watcher, win, show, saveRead } = setup(2_000);
    win.location.href = 'https://example.com/mail/inbox';
    await advance(300);
    show('b', true);
    await advance(10_000);
    expect(saveRead).not.toHaveBeenCalled();
    show('b', false);
    win.location.href = 'https://example.com/photos';
    await advance(1_000);
    show('c', true);
    await advance(3_000);
    expect(saveRead).toHaveBeenCalledTimes(1);
    expect(saveRead.mock.calls[0]?.[0]).toEqual(['Gamma paragraph.']);
    watcher.stop();
  });

  it('a login dialog added after load: the buffer is emptied, nothing recorded while it is open', async () => {
    const { watcher, show, saveRead, document } = setup(2_000);
    show('a', true);
    await advance(1_500);
    expect(texts(watcher)).toEqual(['Alpha paragraph.']);
    const dialog = document.createElement('div');
    const password = document.createElement('input');
    password.setAttribute('type', 'password');
    password.setAttribute('autocomplete', 'current-password');
    dialog.append(password);
    document.body.append(dialog);
    added(dialog);
    expect(texts(watcher)).toEqual([]); // at once, before anything else is read
    show('b', true);
    await advance(10_000);
    expect(texts(watcher)).toEqual([]);
    expect(saveRead).not.toHaveBeenCalled();
    show('a', false);
    show('b', false);
    // The dialog closes: the page is fully allowed again.
    dialog.remove();
    removed(dialog);
    await advance(1_500);
    show('c', true);
    await advance(2_500);
    expect(texts(watcher)).toEqual(['Gamma paragraph.']);
    expect(saveRead).toHaveBeenCalledTimes(1);
    expect(saveRead.mock.calls[0]?.[0]).toEqual(['Gamma paragraph.']);
    watcher.stop();
  });

  it('a field that turns into a password field (its type changed) closes the gate too', async () => {
    const { watcher, show, document } = setup(null);
    const input = document.createElement('input');
    input.setAttribute('type', 'text');
    document.body.append(input);
    added(input);
    show('a', true);
    await advance(1_500);
    expect(texts(watcher)).toEqual(['Alpha paragraph.']);
    input.setAttribute('type', 'password');
    mutationObservers.forEach((callback) =>
      callback([
        {
          type: 'attributes',
          target: input,
          attributeName: 'type',
          addedNodes: [],
          removedNodes: [],
        },
      ]),
    );
    expect(texts(watcher)).toEqual([]);
    watcher.stop();
  });
});
