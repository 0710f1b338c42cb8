/**
 * Hand-written validation of what reaches the content script. zod would triple the size of this
 * bundle, and the shapes are small; the background parses our replies with the real schemas.
 */
import type {
  CaptureMode,
  CaptureRequest,
  MessageFor,
  RequestOf,
  WatchConfig,
} from '../shared/protocol';
import { payloadProblem } from '../core/plain-data';
import { parseSiteRules } from '../core/privacy/site-policy';
import { MAX_TEXT, MAX_URL } from './limits';

/** The messages the content script handles: the protocol's `content` target. */
export type ContentMessage = MessageFor<'content'>;

export type NoticeRequest = RequestOf<'content/notice'>;

/**
 * A message for this script, parsed: one kind per message of the `content` target, with its
 * request type from the protocol (listener.ts must handle each), or `invalid`: ours, but
 * malformed, answered with this error so the sender learns why.
 */
export type ContentCommand =
  | { [N in ContentMessage]: { kind: N; request: RequestOf<N> } }[ContentMessage]
  | { kind: 'invalid'; error: string };

/** Who sent a message, as `runtime.onMessage` reports it. */
export interface SenderInfo {
  id?: string;
  url?: string;
}

const MODES: readonly CaptureMode[] = ['page', 'selection', 'link', 'image'];
const TONES: readonly NoticeRequest['tone'][] = ['success', 'error', 'info'];

type Fields = { readonly [key: string]: unknown };

const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalString = (value: unknown, max: number): value is string | undefined =>
  value === undefined || (typeof value === 'string' && value.length <= max);

const optionalBoolean = (value: unknown): value is boolean | undefined =>
  value === undefined || typeof value === 'boolean';

const includes = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** Whether `value` names no field but `known`: a field the protocol does not name is refused. */
const onlyKeys = (value: Fields, known: readonly string[]): boolean =>
  Object.keys(value).every((key) => known.includes(key));

const CAPTURE_KEYS = [
  'mode',
  'siteRules',
  'linkUrl',
  'srcUrl',
  'selectionText',
  'glimpse',
  'readFrames',
];

export function parseCaptureRequest(payload: unknown): CaptureRequest | null {
  if (!isRecord(payload) || !onlyKeys(payload, CAPTURE_KEYS) || !includes(MODES, payload.mode))
    return null;
  const { linkUrl, srcUrl, selectionText } = payload;
  const siteRules = payload.siteRules === undefined ? undefined : parseSiteRules(payload.siteRules);
  if (siteRules === null) return null;
  if (
    !optionalString(linkUrl, MAX_URL) ||
    (linkUrl !== undefined && !/^https?:\/\//i.test(linkUrl))
  )
    return null;
  if (!optionalString(srcUrl, MAX_URL) || !optionalString(selectionText, MAX_TEXT)) return null;
  if (!optionalBoolean(payload.glimpse) || !optionalBoolean(payload.readFrames)) return null;
  // Copy only the known fields: nothing else from the message travels further.
  return {
    mode: payload.mode,
    ...(linkUrl !== undefined ? { linkUrl } : {}),
    ...(srcUrl !== undefined ? { srcUrl } : {}),
    ...(selectionText !== undefined ? { selectionText } : {}),
    ...(siteRules !== undefined ? { siteRules } : {}),
    ...(payload.glimpse === true ? { glimpse: true } : {}),
    ...(payload.readFrames === true ? { readFrames: true } : {}),
  };
}

const MAX_WATCH_MS = 24 * 60 * 60 * 1000;
const isDuration = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_WATCH_MS;

/** The background's answer to `watch/config`; anything malformed means: do not watch. */
export function parseWatchConfig(value: unknown): WatchConfig {
  if (!isRecord(value) || value.watch !== true) return { watch: false };
  const { glimpseMs, dwellMs } = value;
  if (!isDuration(glimpseMs)) return { watch: false };
  if (dwellMs !== null && !(isDuration(dwellMs) && dwellMs > 0)) return { watch: false };
  return { watch: true, glimpseMs, dwellMs };
}

export function parseNoticeRequest(payload: unknown): NoticeRequest | null {
  if (!isRecord(payload) || !onlyKeys(payload, ['text', 'tone'])) return null;
  if (typeof payload.text !== 'string' || payload.text.length > 300) return null;
  return includes(TONES, payload.tone) ? { text: payload.text, tone: payload.tone } : null;
}

/** A request parser for every message of the `content` target: a missing one is a type error. */
const parsers: { [N in ContentMessage]: (payload: unknown) => RequestOf<N> | null } = {
  'content/capture': parseCaptureRequest,
  'content/notice': parseNoticeRequest,
  // Stop watching the page and forget its glimpse buffer: the payload is empty.
  'content/watch-stop': (payload) =>
    isRecord(payload) && Object.keys(payload).length === 0 ? {} : null,
};

/** The service worker's script (vite.config.ts names it sw.js), as `sender.url` gives it. */
const isWorkerUrl = (url: string, extensionOrigin: string): boolean =>
  url.startsWith(extensionOrigin) && /^sw\.js(?:[?#]|$)/.test(url.slice(extensionOrigin.length));

const isContentMessage = (type: unknown): type is ContentMessage =>
  typeof type === 'string' && Object.prototype.hasOwnProperty.call(parsers, type);

/**
 * What to do with a message: null to ignore it (not an Engram message for the content script, or
 * not from this extension's service worker), otherwise the command: `invalid` for a message of
 * ours that is wrong (an unknown type, a field the protocol does not name, a bad value). `extensionOrigin` is `chrome.runtime.getURL('')`.
 */
export function parseContentMessage(
  message: unknown,
  sender: SenderInfo,
  self: { id: string; extensionOrigin: string },
): ContentCommand | null {
  if (sender.id !== self.id) return null;
  if (!isRecord(message) || message.engram !== 1 || message.target !== 'content') return null;
  // Ours, for this script: whatever is wrong with it is answered, so the sender learns why.
  const { type } = message;
  // Only the service worker talks to us (the protocol's `from: ['background']`); its URL, when
  // given, is its script, not one of the extension's pages.
  if (sender.url !== undefined && !isWorkerUrl(sender.url, self.extensionOrigin)) {
    const name = typeof type === 'string' ? type.slice(0, 100) : typeof type;
    // i18n-exempt: a protocol error, for developers (only this extension's pages can cause it)
    return { kind: 'invalid', error: `Only the service worker may send "${name}" to a page` };
  }
  if (!isContentMessage(type)) {
    const name = typeof type === 'string' ? type.slice(0, 100) : typeof type;
    return { kind: 'invalid', error: `"${name}" is not a message the content script handles` };
  }
  const problem = payloadProblem(message.payload);
  if (problem) return { kind: 'invalid', error: `Invalid "${type}": ${problem}` };
  const request = parsers[type](message.payload);
  // The cast is sound: `request` came from the parser of this very message.
  return request
    ? ({ kind: type, request } as ContentCommand)
    : {
        kind: 'invalid',
        error: `Invalid "${type}": not the fields and types the protocol gives this message`,
      };
}
