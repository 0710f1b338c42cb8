import { describe, expect, it, vi } from 'vitest';
import type { CapturePayload } from '../shared/protocol';
import { CaptureError } from './capture';
import {
  createListener,
  install,
  type Handlers,
  type Listener,
  type Reply,
  type RuntimeLike,
} from './listener';

const payload: CapturePayload = {
  mode: 'page',
  url: 'https://a.example/',
  title: 'A',
  text: 'Body',
  links: [],
  extractor: 'visible-text',
};
const self = { id: 'engram-id', extensionOrigin: 'chrome-extension://engram-id/' };
const sender = { id: 'engram-id', url: 'chrome-extension://engram-id/sw.js' };
const message = (type: string, body: unknown) => ({
  engram: 1,
  target: 'content',
  type,
  payload: body,
});

function handlers(overrides: Partial<Handlers> = {}) {
  const capture = vi.fn((_request: unknown) => payload);
  const notice = vi.fn((_request: unknown) => undefined);
  const stopWatching = vi.fn(() => undefined);
  return { capture, notice, stopWatching, ...overrides } satisfies Handlers;
}

/** Call the listener; resolve with its return value and the reply it sent, if any. */
async function call(listener: Listener, msg: unknown, from: object = sender) {
  const replies: Reply[] = [];
  const returned = listener(msg, from, (reply) => replies.push(reply));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { returned, replies };
}

describe('createListener', () => {
  it('replies asynchronously with the capture', async () => {
    const h = handlers();
    const { returned, replies } = await call(
      createListener(h, self),
      message('content/capture', { mode: 'page' }),
    );
    expect(returned).toBe(true);
    expect(replies).toEqual([{ ok: true, value: payload }]);
    expect(h.capture).toHaveBeenCalledWith({ mode: 'page' });
  });

  it('stops watching the page when the background says so', async () => {
    const h = handlers();
    const msg = message('content/watch-stop', {});
    expect((await call(createListener(h, self), msg)).replies).toEqual([{ ok: true, value: {} }]);
    expect(h.stopWatching).toHaveBeenCalledTimes(1);
  });

  it('passes the glimpse flag of the shortcut on, and refuses a field it does not know', async () => {
    const h = handlers();
    await call(
      createListener(h, self),
      message('content/capture', { mode: 'page', glimpse: true }),
    );
    expect(h.capture).toHaveBeenCalledWith({ mode: 'page', glimpse: true });
    const extra = await call(
      createListener(h, self),
      message('content/capture', { mode: 'page', glimpse: true, extra: 1 }),
    );
    expect(extra.replies).toMatchObject([{ ok: false }]);
    expect(h.capture).toHaveBeenCalledTimes(1);
  });

  it('shows a notice and replies with an empty value', async () => {
    const h = handlers();
    const msg = message('content/notice', { text: 'Saved to Engram', tone: 'success' });
    expect((await call(createListener(h, self), msg)).replies).toEqual([{ ok: true, value: {} }]);
    expect(h.notice).toHaveBeenCalledWith({ text: 'Saved to Engram', tone: 'success' });
  });

  it('ignores what is not for it, without replying or throwing', async () => {
    const h = handlers();
    const listener = createListener(h, self);
    for (const [msg, from] of [
      [message('content/capture', { mode: 'page' }), { id: 'other-extension' }],
      [{ engram: 1, target: 'engine', type: 'engine/status', payload: {} }, sender],
      [undefined, sender],
      [
        {
          get engram(): never {
            throw new Error('hostile getter');
          },
        },
        sender,
      ],
    ] as const) {
      const { returned, replies } = await call(listener, msg, from);
      expect(returned).toBeUndefined();
      expect(replies).toEqual([]);
    }
    expect(h.capture).not.toHaveBeenCalled();
  });

  it('turns failures into error replies', async () => {
    const listener = createListener(
      handlers({
        capture: () => {
          throw new CaptureError('Nothing is selected.');
        },
        notice: () => {
          throw new TypeError('attachShadow is not a function');
        },
      }),
      self,
    );
    expect(
      (await call(listener, message('content/capture', { mode: 'selection' }))).replies,
    ).toEqual([{ ok: false, error: 'Nothing is selected.' }]);
    expect(
      (await call(listener, message('content/notice', { text: 'x', tone: 'info' }))).replies,
    ).toEqual([
      { ok: false, error: 'Engram could not show a notice: attachShadow is not a function' },
    ]);
    expect((await call(listener, message('content/capture', { mode: 'nope' }))).replies).toEqual([
      {
        ok: false,
        error:
          'Invalid "content/capture": not the fields and types the protocol gives this message',
      },
    ]);
  });

  it('survives a sendResponse that throws (the sender is gone)', async () => {
    const listener = createListener(handlers(), self);
    const returned = listener(message('content/capture', { mode: 'page' }), sender, () => {
      throw new Error('The message port closed before a response was received.');
    });
    expect(returned).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});

function fakeRuntime(id = 'engram-id'): RuntimeLike & { listeners: Listener[] } {
  const listeners: Listener[] = [];
  return {
    id,
    listeners,
    getURL: (path) => `chrome-extension://${id}/${path}`,
    onMessage: {
      addListener: (l) => void listeners.push(l),
      hasListener: (l) => listeners.includes(l),
    },
  };
}

describe('install', () => {
  it('adds one listener however often the script is injected', () => {
    const scope = {};
    const runtime = fakeRuntime();
    expect(install(scope, runtime, handlers())).toBe(true);
    expect(install(scope, runtime, handlers())).toBe(false);
    expect(install(scope, runtime, handlers())).toBe(false);
    expect(runtime.listeners).toHaveLength(1);
  });

  it('replaces a listener left by a previous, reloaded extension instance', () => {
    const scope = {};
    install(scope, fakeRuntime(), handlers());
    const reloaded = fakeRuntime();
    expect(install(scope, reloaded, handlers())).toBe(true);
    expect(reloaded.listeners).toHaveLength(1);

    const orphaned = fakeRuntime();
    orphaned.onMessage.hasListener = () => {
      throw new Error('Extension context invalidated.');
    };
    expect(install(scope, orphaned, handlers())).toBe(true);
  });

  it('does nothing when the runtime has no id (an orphaned script)', () => {
    const runtime = fakeRuntime();
    runtime.id = undefined;
    expect(install({}, runtime, handlers())).toBe(false);
    expect(runtime.listeners).toHaveLength(0);
  });
});
