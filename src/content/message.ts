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

const includes = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

export function parseCaptureRequest(payload: unknown): CaptureRequest | null {
  if (!isRecord(payload) || !includes(MODES, payload.mode)) return null;
  const { linkUrl, srcUrl, selectionText } = payload;
  const siteRules = payload.siteRules === undefined ? undefined : parseSiteRules(payload.siteRules);
  if (siteRules === null) return null;
  if (
    !optionalString(linkUrl, MAX_URL) ||
    (linkUrl !== undefined && !/^https?:\/\//i.test(linkUrl))
  )
    return null;
  if (!optionalString(srcUrl, MAX_URL) || !optionalString(selectionText, MAX_TEXT)) return null;
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
  if (!isRecord(payload) || typeof payload.text !== 'string' || payload.text.length > 300)
    return null;
  return includes(TONES, payload.tone) ? { text: payload.text, tone: payload.tone } : null;
}

/** A request parser for every message of the `content` target: a missing one is a type error. */
const parsers: { [N in ContentMessage]: (payload: unknown) => RequestOf<N> | null } = {
  'content/capture': parseCaptureRequest,
  'content/notice': parseNoticeRequest,
  // Stop watching the page and forget its glimpse buffer: nothing to read in the payload.
  'content/watch-stop': () => ({}),
};

const isContentMessage = (type: unknown): type is ContentMessage =>
  typeof type === 'string' && Object.prototype.hasOwnProperty.call(parsers, type);

/**
 * What to do with a message: null to ignore it (not ours, not for us, or not from this
 * extension), otherwise the command. `extensionOrigin` is `chrome.runtime.getURL('')`.
 */
export function parseContentMessage(
  message: unknown,
  sender: SenderInfo,
  self: { id: string; extensionOrigin: string },
): ContentCommand | null {
  if (sender.id !== self.id) return null;
  // Only the service worker talks to us; its URL, when given, is on the extension's origin.
  if (sender.url !== undefined && !sender.url.startsWith(self.extensionOrigin)) return null;
  if (!isRecord(message) || message.engram !== 1 || message.target !== 'content') return null;
  const { type } = message;
  if (!isContentMessage(type)) return null;
  const request = parsers[type](message.payload);
  // The cast is sound: `request` came from the parser of this very message.
  return request
    ? ({ kind: type, request } as ContentCommand)
    : { kind: 'invalid', error: `Invalid "${type}" request` };
}
