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

  it('accepts watch-stop from this extension, whatever its payload', () => {
    for (const payload of [{}, undefined, { extra: 1 }]) {
      expect(parseContentMessage(envelope('content/watch-stop', payload), worker, self)).toEqual({
        kind: 'content/watch-stop',
        request: {},
      });
    }
  });

  it('passes the readFrames setting on, and only as true', () => {
    const request = (payload: object) =>
      parseContentMessage(envelope('content/capture', { mode: 'page', ...payload }), worker, self);
    expect(request({ readFrames: true })).toEqual({
      kind: 'content/capture',
      request: { mode: 'page', readFrames: true },
    });
    expect(request({ readFrames: 'yes' })).toEqual({
      kind: 'content/capture',
      request: { mode: 'page' },
    });
  });

  it.each([
    ['another extension', envelope('content/capture', { mode: 'page' }), { id: 'evil' }],
    ['no sender id', envelope('content/capture', { mode: 'page' }), {}],
    [
      'a web page url',
      envelope('content/capture', { mode: 'page' }),
      { id: 'engram-id', url: 'https://evil.example/' },
    ],
    ['null', null, worker],
    ['a string', 'content/capture', worker],
    ['an array', [1, 'content', 'content/capture'], worker],
    ['a wrong version', { ...envelope('content/capture', { mode: 'page' }), engram: 2 }, worker],
    [
      'another target',
      { ...envelope('content/capture', { mode: 'page' }), target: 'background' },
      worker,
    ],
    ['an unknown type', envelope('content/eval', { code: '1' }), worker],
    ['a protocol message for someone else', envelope('chat/ask', { question: 'hi' }), worker],
    ['an inherited name', envelope('toString', {}), worker],
    ['__proto__', envelope('__proto__', {}), worker],
    [
      'a type that is not a string',
      envelope(['content/capture'] as never, { mode: 'page' }),
      worker,
    ],
  ])('ignores %s', (_label, message, sender) => {
    expect(parseContentMessage(message, sender, self)).toBeNull();
  });

  it('answers a malformed payload from this extension with an error', () => {
    expect(
      parseContentMessage(envelope('content/capture', { mode: 'screen' }), worker, self),
    ).toEqual({
      kind: 'invalid',
      error: 'Invalid "content/capture" request',
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
