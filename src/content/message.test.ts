import { describe, expect, it } from 'vitest';
import { parseContentMessage, parseWatchConfig } from './message';

const self = { id: 'engram-id', extensionOrigin: 'chrome-extension://engram-id/' };
const worker = { id: 'engram-id', url: 'chrome-extension://engram-id/sw.js' };
const envelope = (type: string, payload: unknown) => ({
  engram: 1,
  target: 'content',
  type,
  payload,
});

describe('parseContentMessage', () => {
  it('accepts capture and notice messages from this extension', () => {
    expect(
      parseContentMessage(envelope('content/capture', { mode: 'page' }), worker, self),
    ).toEqual({
      kind: 'content/capture',
      request: { mode: 'page' },
    });
    expect(
      parseContentMessage(
        envelope('content/notice', { text: 'Saved to Engram', tone: 'success' }),
        { id: 'engram-id' },
        self,
      ),
    ).toEqual({ kind: 'content/notice', request: { text: 'Saved to Engram', tone: 'success' } });
  });

  it('accepts watch-stop from the service worker, with an empty payload only', () => {
    expect(parseContentMessage(envelope('content/watch-stop', {}), worker, self)).toEqual({
      kind: 'content/watch-stop',
      request: {},
    });
    for (const payload of [undefined, { extra: 1 }, [], 'stop']) {
      expect(
        parseContentMessage(envelope('content/watch-stop', payload), worker, self),
      ).toMatchObject({ kind: 'invalid' });
    }
  });

  it('passes the readFrames setting on, and only as true', () => {
    const request = (payload: object) =>
      parseContentMessage(envelope('content/capture', { mode: 'page', ...payload }), worker, self);
    expect(request({ readFrames: true })).toEqual({
      kind: 'content/capture',
      request: { mode: 'page', readFrames: true },
    });
    expect(request({ readFrames: false })).toEqual({
      kind: 'content/capture',
      request: { mode: 'page' },
    });
    expect(request({ readFrames: 'yes' })).toMatchObject({ kind: 'invalid' });
  });

  it.each([
    ['another extension', envelope('content/capture', { mode: 'page' }), { id: 'evil' }],
    ['no sender id', envelope('content/capture', { mode: 'page' }), {}],

    ['null', null, worker],
    ['a string', 'content/capture', worker],
    ['an array', [1, 'content', 'content/capture'], worker],
    ['a wrong version', { ...envelope('content/capture', { mode: 'page' }), engram: 2 }, worker],
    [
      'another target',
      { ...envelope('content/capture', { mode: 'page' }), target: 'background' },
      worker,
    ],
  ])('ignores %s', (_label, message, sender) => {
    expect(parseContentMessage(message, sender, self)).toBeNull();
  });

  it.each([
    ['an extension page', 'chrome-extension://engram-id/popup.html'],
    ['the engine', 'chrome-extension://engram-id/offscreen.html'],
    ['a web page', 'https://evil.example/'],
    ['a script named like the worker elsewhere', 'https://evil.example/sw.js'],
  ])('answers %s, which may not send to a page, with an error', (_label, url) => {
    expect(
      parseContentMessage(
        envelope('content/capture', { mode: 'page' }),
        { id: 'engram-id', url },
        self,
      ),
    ).toEqual({
      kind: 'invalid',
      error: 'Only the service worker may send "content/capture" to a page',
    });
  });

  it.each([
    ['an unknown type', envelope('content/eval', { code: '1' }), '"content/eval"'],
    ['a message for someone else', envelope('chat/ask', { question: 'hi' }), '"chat/ask"'],
    ['an inherited name', envelope('toString', {}), '"toString"'],
    ['__proto__', envelope('__proto__', {}), '"__proto__"'],
    ['a type that is not a string', envelope(['content/capture'] as never, {}), '"object"'],
  ])('answers %s from the service worker with an error', (_label, message, name) => {
    expect(parseContentMessage(message, worker, self)).toEqual({
      kind: 'invalid',
      error: `${name} is not a message the content script handles`,
    });
  });

  it('refuses fields the protocol does not name, and prototype keys anywhere', () => {
    const invalid = (payload: unknown) =>
      parseContentMessage(envelope('content/capture', payload), worker, self);
    expect(invalid({ mode: 'page', extra: 1 })).toMatchObject({ kind: 'invalid' });
    expect(invalid(JSON.parse('{"mode":"page","__proto__":{"x":1}}'))).toEqual({
      kind: 'invalid',
      error: 'Invalid "content/capture": the key "__proto__" is not allowed',
    });
    expect(
      invalid(
        JSON.parse('{"mode":"page","siteRules":[{"pattern":"a","policy":"full","constructor":1}]}'),
      ),
    ).toMatchObject({ kind: 'invalid' });
  });

  it('answers a malformed payload from this extension with an error', () => {
    expect(
      parseContentMessage(envelope('content/capture', { mode: 'screen' }), worker, self),
    ).toEqual({
      kind: 'invalid',
      error: 'Invalid "content/capture": not the fields and types the protocol gives this message',
    });
    expect(
      parseContentMessage(
        envelope('content/notice', { text: 'x'.repeat(301), tone: 'info' }),
        worker,
        self,
      ),
    ).toMatchObject({ kind: 'invalid' });
  });
});

describe('parseWatchConfig', () => {
  it('accepts the background’s answer and refuses anything malformed', () => {
    // A verdict: the user's site rules, should they come, go no further (issue 11).
    const rules = [{ pattern: '127.0.0.1', policy: 'full' }];
    expect(
      parseWatchConfig({ watch: true, siteRules: rules, glimpseMs: 600_000, dwellMs: null }),
    ).toEqual({ watch: true, glimpseMs: 600_000, dwellMs: null });
    expect(parseWatchConfig({ watch: false })).toEqual({ watch: false });
    expect(parseWatchConfig(undefined)).toEqual({ watch: false });
    expect(parseWatchConfig({ watch: true, glimpseMs: 'x', dwellMs: null })).toEqual({
      watch: false,
    });
    expect(parseWatchConfig({ watch: true, siteRules: [], glimpseMs: -1, dwellMs: 5 })).toEqual({
      watch: false,
    });
    expect(parseWatchConfig({ watch: true, siteRules: [], glimpseMs: 0, dwellMs: 0 })).toEqual({
      watch: false,
    });
  });
});
