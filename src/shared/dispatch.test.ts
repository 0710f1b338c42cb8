import type { Runtime } from 'webextension-polyfill';
import { describe, expect, expectTypeOf, test } from 'vitest';
import {
  classifySender,
  dispatch,
  type Handler,
  type HandlerTable,
  type Handlers,
  type HandlersFor,
} from './dispatch';
import type { MessageFor, MessageFrom, MessageName } from './protocol';

const self = { id: 'engram-id', origin: 'chrome-extension://engram-id/' };
const popup: Runtime.MessageSender = { id: self.id, url: `${self.origin}popup.html` };
const worker: Runtime.MessageSender = { id: self.id, url: `${self.origin}sw.js` };
const engine: Runtime.MessageSender = { id: self.id, url: `${self.origin}offscreen.html` };
const tab = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };
const content: Runtime.MessageSender = {
  id: self.id,
  url: 'https://example.com/a',
  tab,
  frameId: 0,
};

const handlers: Handlers = {
  'chat/ask': ({ question }) =>
    Promise.resolve({ conversationId: 'c1', messageId: `m:${question}` }),
  'engine/answer': () => Promise.resolve({}),
  'engine/status': () => Promise.reject(new Error('engine exploded')),
  'activity/query': () => Promise.resolve({ state: 'idle' }),
};

describe('classifySender', () => {
  test('tells extension pages, the engine, the service worker and content scripts apart', () => {
    expect(classifySender(popup, self)).toBe('extension');
    expect(classifySender(engine, self)).toBe('engine');
    expect(classifySender(worker, self)).toBe('background');
    expect(classifySender(content, self)).toBe('content');
  });

  test('only the offscreen document is the engine', () => {
    expect(classifySender({ ...engine, url: `${self.origin}offscreen.html?x#y` }, self)).toBe(
      'engine',
    );
    for (const path of [
      'settings.html',
      'sidepanel.html',
      'offscreen.html.js',
      'offscreen.htm',
      'assets/offscreen.html',
      'x/offscreen.html',
      'popup.html?offscreen.html',
      'popup.html#offscreen.html',
    ]) {
      expect(classifySender({ id: self.id, url: `${self.origin}${path}` }, self), path).toBe(
        'extension',
      );
    }
    // The engine's page opened in a tab is a plain extension page.
    expect(classifySender({ ...engine, tab }, self)).toBe('extension');
    // Another extension's engine, or a web page named like it, is nobody.
    expect(classifySender({ ...engine, id: 'evil' }, self)).toBeNull();
    const lookalike = { id: self.id, url: 'https://example.com/offscreen.html' };
    expect(classifySender(lookalike, self)).toBeNull();
  });

  test('rejects other extensions, web pages and frames without a tab', () => {
    expect(classifySender({ ...popup, id: 'evil' }, self)).toBeNull();
    expect(classifySender({ id: self.id, url: 'https://example.com/' }, self)).toBeNull();
    expect(classifySender({ ...content, url: 'file:///etc/passwd' }, self)).toBeNull();
    expect(classifySender({}, self)).toBeNull();
  });
});

describe('dispatch', () => {
  const from = (sender: Runtime.MessageSender) => classifySender(sender, self);

  test('runs the handler for an allowed sender and wraps the value', async () => {
    const reply = await dispatch('chat/ask', { question: 'hi' }, popup, from(popup), handlers);
    expect(reply).toEqual({ ok: true, value: { conversationId: 'c1', messageId: 'm:hi' } });
  });

  test('names the field and the problem of a malformed payload', async () => {
    const reply = (payload: unknown) => dispatch('chat/ask', payload, popup, 'extension', handlers);
    expect(await reply({ question: 7 })).toEqual({
      ok: false,
      error: 'Invalid "chat/ask": question: Invalid input: expected string, received number',
    });
    expect(await reply([])).toEqual({
      ok: false,
      error: 'Invalid "chat/ask": the request: Invalid input: expected object, received array',
    });
    expect(await reply({ question: 'q', extra: 1 })).toMatchObject({
      error: expect.stringMatching(
        /^Invalid "chat\/ask": the request: Unrecognized key: "extra"/,
      ) as unknown,
    });
    expect(await reply(JSON.parse('{"question":"q","__proto__":{"x":1}}'))).toEqual({
      ok: false,
      error: 'Invalid "chat/ask": the key "__proto__" is not allowed',
    });
    let deep: unknown = 'q';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(await reply({ question: deep })).toEqual({
      ok: false,
      error: 'Invalid "chat/ask": nested more than 16 levels deep',
    });
  });

  test('rejects malformed payloads with a reason, never throwing', async () => {
    for (const payload of [undefined, null, 42, 'hi', {}, { question: '' }, { question: 7 }]) {
      const reply = await dispatch('chat/ask', payload, popup, from(popup), handlers);
      expect(reply.ok).toBe(false);
    }
    const long = await dispatch(
      'chat/ask',
      { question: 'x'.repeat(5_000) },
      popup,
      'extension',
      handlers,
    );
    expect(long).toMatchObject({ ok: false });
  });

  test('rejects foreign senders and senders without the right to send', async () => {
    const foreign = { id: 'other', url: 'chrome-extension://other/x.html' };
    expect(await dispatch('chat/ask', { question: 'q' }, foreign, from(foreign), handlers)).toEqual(
      {
        ok: false,
        error:
          'A sender outside this extension (another extension, a web page or a frame without a tab) may not send "chat/ask"',
      },
    );
    // A content script may not ask the engine to answer, nor chat.
    expect(
      (await dispatch('engine/answer', { messageId: 'm' }, content, from(content), handlers)).ok,
    ).toBe(false);
    expect(
      (await dispatch('chat/ask', { question: 'q' }, content, from(content), handlers)).ok,
    ).toBe(false);
  });

  test('the engine may ask for the user activity; extension pages and content scripts may not', async () => {
    expect(await dispatch('activity/query', {}, engine, from(engine), handlers)).toEqual({
      ok: true,
      value: { state: 'idle' },
    });
    for (const [sender, who] of [
      [popup, 'An extension page'],
      [worker, 'The service worker'],
      [content, 'A content script'],
    ] as const) {
      expect(await dispatch('activity/query', {}, sender, from(sender), handlers)).toEqual({
        ok: false,
        error: `${who} may not send "activity/query"`,
      });
    }
    // Nor may the engine send what only the pages or the service worker send.
    expect((await dispatch('chat/ask', { question: 'q' }, engine, from(engine), handlers)).ok).toBe(
      false,
    );
    expect(
      (await dispatch('engine/answer', { messageId: 'm' }, engine, from(engine), handlers)).ok,
    ).toBe(false);
  });

  test('unknown messages and missing handlers are errors, not exceptions', async () => {
    expect(await dispatch('rm -rf', {}, popup, 'extension', handlers)).toMatchObject({ ok: false });
    expect(await dispatch('__proto__', {}, popup, 'extension', handlers)).toMatchObject({
      ok: false,
    });
    expect(await dispatch('engine/ingest', {}, worker, 'background', handlers)).toMatchObject({
      ok: false,
    });
  });

  test('a handler that throws becomes an error reply', async () => {
    expect(await dispatch('engine/status', {}, popup, 'extension', handlers)).toEqual({
      ok: false,
      error: 'engine exploded',
    });
  });
});

/**
 * Type-level checks: vitest runs none of this, `tsc --noEmit` does (tests are in tsconfig.json), and
 * an `@ts-expect-error` that no longer finds its error fails the type check.
 */
describe('handler tables', () => {
  const ok =
    <N extends MessageName>(value: Awaited<ReturnType<Handler<N>>>): Handler<N> =>
    () =>
      Promise.resolve(value);
  const engineTable: HandlersFor<'engine'> = {
    'engine/ingest': ok({}),
    'engine/answer': ok({}),
    'engine/stop': ok({ stopped: false }),
    'engine/search': ok({ sourceIds: [] }),
    'engine/activity': ok({}),
    'engine/status': () => Promise.reject(new Error('not here')),
    'memory/forget': ok({ deleted: 0 }),
    'engine/pdf-text': () => Promise.reject(new Error('not here')),
    'library/search': ok({ sourceIds: [] }),
    'voice/transcribe': ok({ text: '' }),
  };

  test('each target handles its own messages, and who sends what', () => {
    expectTypeOf<MessageFor<'engine'>>().toEqualTypeOf<
      | 'engine/ingest'
      | 'engine/answer'
      | 'engine/stop'
      | 'engine/search'
      | 'engine/activity'
      | 'engine/status'
      | 'memory/forget'
      | 'engine/pdf-text'
      | 'library/search'
      | 'voice/transcribe'
    >();
    expectTypeOf<MessageFor<'content'>>().toEqualTypeOf<
      'content/capture' | 'content/watch-stop' | 'content/notice'
    >();
    expectTypeOf<MessageFrom<'engine'>>().toEqualTypeOf<'activity/query' | 'disk/full'>();
    expectTypeOf<MessageFrom<'content'>>().toEqualTypeOf<'watch/config' | 'capture/auto'>();
    expect(Object.keys(engineTable)).toHaveLength(10);
  });

  test('a missing handler, or one for another target, is a type error', async () => {
    const withoutStatus = Object.fromEntries(
      Object.entries(engineTable).filter(([name]) => name !== 'engine/status'),
    ) as Omit<HandlersFor<'engine'>, 'engine/status'>;
    // @ts-expect-error Property '"engine/status"' is missing in type ...
    const missing: HandlersFor<'engine'> = withoutStatus;
    const foreign: HandlersFor<'engine'> = {
      ...engineTable,
      // @ts-expect-error a background message has no place in the engine's table
      'chat/ask': ok<'chat/ask'>({ conversationId: 'c', messageId: 'm' }),
    };
    // A part of a table (as engine/models/model-handlers.ts gives) is only that part.
    const part: HandlerTable<'engine/search'> = { 'engine/search': ok({ sourceIds: [] }) };
    // @ts-expect-error the other engine messages are missing
    const partOnly: HandlersFor<'engine'> = part;
    expect([foreign, partOnly]).toHaveLength(2);
    // The run-time check stays: a table that slipped past the types still gets an error reply.
    expect(await dispatch('engine/status', {}, worker, 'background', missing)).toEqual({
      ok: false,
      error: 'No handler for "engine/status" here',
    });
  });
});
