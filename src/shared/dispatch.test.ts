import type { Runtime } from 'webextension-polyfill';
import { describe, expect, test } from 'vitest';
import { classifySender, dispatch, type Handlers } from './dispatch';

const self = { id: 'engram-id', origin: 'chrome-extension://engram-id/' };
const popup: Runtime.MessageSender = { id: self.id, url: `${self.origin}popup.html` };
const worker: Runtime.MessageSender = { id: self.id, url: `${self.origin}sw.js` };
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
};

describe('classifySender', () => {
  test('tells extension pages, the service worker and content scripts apart', () => {
    expect(classifySender(popup, self)).toBe('extension');
    expect(classifySender(worker, self)).toBe('background');
    expect(classifySender(content, self)).toBe('content');
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
        error: 'Sender not allowed to send "chat/ask"',
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
