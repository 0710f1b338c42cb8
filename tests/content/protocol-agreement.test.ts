/**
 * The content script validates by hand and mirrors the protocol's limits (it may not import zod):
 * these tests hold the two to the same answers. Outside src/content for the same lint reason.
 */
import { describe, expect, it } from 'vitest';
import * as limits from '../../src/content/limits';
import { parseCaptureRequest, parseNoticeRequest } from '../../src/content/message';
import { capturePayload, captureRequest, noticeRequest } from '../../src/shared/protocol';

describe('parseCaptureRequest and parseNoticeRequest agree with the protocol schemas', () => {
  const captures: unknown[] = [
    { mode: 'page' },
    { mode: 'selection', selectionText: 'hi' },
    { mode: 'link', linkUrl: 'https://a.example/' },
    { mode: 'link', linkUrl: 'javascript:alert(1)' },
    { mode: 'link', linkUrl: `https://a.example/${'x'.repeat(9_000)}` },
    { mode: 'image', srcUrl: 'data:image/png;base64,AAAA' },
    { mode: 'image', srcUrl: 42 },
    { mode: 'selection', selectionText: 'x'.repeat(2_000_001) },
    { mode: 'other' },
    { mode: 'page', extra: 'refused' },
    [],
    null,
    'page',
  ];
  it.each(captures.map((c) => [c]))('capture %#', (payload) => {
    const ours = parseCaptureRequest(payload);
    const theirs = captureRequest.safeParse(payload);
    expect(ours !== null).toBe(theirs.success);
    if (theirs.success) expect(ours).toEqual(theirs.data);
  });

  const notices: unknown[] = [
    { text: 'Saved', tone: 'success' },
    { text: '', tone: 'error' },
    { text: 'x'.repeat(300), tone: 'info' },
    { text: 'x'.repeat(301), tone: 'info' },
    { text: 'Saved', tone: 'loud' },
    { text: 1, tone: 'info' },
    { tone: 'info' },
    { text: 'Saved', tone: 'info', extra: 'refused' },
  ];
  it.each(notices.map((n) => [n]))('notice %#', (payload) => {
    const ours = parseNoticeRequest(payload);
    const theirs = noticeRequest.safeParse(payload);
    expect(ours !== null).toBe(theirs.success);
    if (theirs.success) expect(ours).toEqual(theirs.data);
  });
});

describe('limits', () => {
  const base = {
    mode: 'page',
    url: 'https://a.example/',
    title: 't',
    text: 'x',
    links: [],
    extractor: 'readability',
  } as const;
  const ok = (patch: object) => capturePayload.safeParse({ ...base, ...patch }).success;

  it('match the payload schema at each limit', () => {
    expect(ok({ text: 'x'.repeat(limits.MAX_TEXT) })).toBe(true);
    expect(ok({ text: 'x'.repeat(limits.MAX_TEXT + 1) })).toBe(false);
    expect(ok({ title: 'x'.repeat(limits.MAX_TITLE) })).toBe(true);
    expect(ok({ title: 'x'.repeat(limits.MAX_TITLE + 1) })).toBe(false);
    expect(ok({ lang: 'x'.repeat(limits.MAX_LANG) })).toBe(true);
    expect(ok({ lang: 'x'.repeat(limits.MAX_LANG + 1) })).toBe(false);
    const url = (n: number) => `https://a.example/${'x'.repeat(n - 18)}`;
    expect(ok({ targetUrl: url(limits.MAX_URL) })).toBe(true);
    expect(ok({ targetUrl: url(limits.MAX_URL + 1) })).toBe(false);
    const links = Array.from({ length: limits.MAX_LINKS + 1 }, (_, i) => `https://a.example/${i}`);
    expect(ok({ links: links.slice(0, limits.MAX_LINKS) })).toBe(true);
    expect(ok({ links })).toBe(false);
  });
});
