/**
 * Builds what the service worker asked for: the page, the selection, a link or an image. The
 * payload is untrusted on arrival (the background parses it again), but it is shaped here to
 * pass that parse: limits from ./limits, http(s) URLs only.
 */
import type { SiteRule } from '../core/privacy/site-policy';
import { toWellFormed } from '../core/text/well-formed';
import { t } from '../shared/i18n';
import type { CapturePayload, CaptureRequest, GlimpsePayload } from '../shared/protocol';
import { captureImage, captureLink, type ElementCapture } from './capture-element';
import { extractPage, pageLang, type ExtractOptions } from './extract-page';
import { GATE_MESSAGES, gatePage, type GateOptions, type GateResult } from './gate';
import { MAX_TEXT, MAX_TITLE, MAX_URL } from './limits';
import { absoluteHttpUrl } from './links';
import { readSelection, selectionLinks, type SelectionSource } from './selection';
import { oneLine } from '../core/text/one-line';
import { truncateSafely } from '../core/text/text';

/** A refusal meant for the user: its message is shown as is. */
export class CaptureError extends Error {
  override name = 'CaptureError';
}

/**
 * The privacy gate kept the page's text back (./gate.ts). `result.decision` says whether its
 * address may still be kept (`url-only`) or nothing at all (`never`).
 */
export class GateRefusal extends CaptureError {
  override name = 'GateRefusal';
  constructor(readonly result: GateResult & { decision: 'never' | 'url-only' }) {
    super(result.reason === 'allowed' ? '' : GATE_MESSAGES[result.reason]);
  }
}

/** The part of `window` a capture reads. */
export interface CaptureWindow extends SelectionSource {
  location: { href: string };
}

export interface CaptureOptions {
  /** Passed to the page extractor (tests set a base URL; linkedom documents have none). */
  extract?: ExtractOptions;
  /**
   * The user's site rules, sent by the background. When present (even empty: the default
   * blocklist still applies) the privacy gate runs before anything is read from the page.
   */
  siteRules?: readonly SiteRule[];
  gate?: GateOptions;
  /** What was on screen (content/glimpse.ts), for a request that asks for a glimpse. */
  glimpse?: () => GlimpsePayload;
}

type Common = Pick<CapturePayload, 'mode' | 'url' | 'title' | 'lang'>;

function pageUrl(win: CaptureWindow): string {
  const url = win.location.href;
  if (!/^https?:\/\//i.test(url) || url.length > MAX_URL) {
    throw new CaptureError(t('refusalNotWeb'));
  }
  return url;
}

function withText(text: string, emptyMessage: string): string {
  const trimmed = truncateSafely(text.trim(), MAX_TEXT);
  if (!trimmed) throw new CaptureError(emptyMessage);
  return trimmed;
}

function capturePage(doc: Document, win: CaptureWindow, common: Common, options: CaptureOptions) {
  const page = extractPage(doc, { pageUrl: common.url, ...options.extract });
  const { text: selection } = readSelection(doc, win);
  return {
    ...common,
    title: truncateSafely(page.title, MAX_TITLE) || common.title,
    // A page with no readable text but a selection is still worth keeping.
    text: withText(page.text || selection, t('noticeNoPageText')),
    ...(selection ? { selection } : {}),
    links: page.links,
    extractor: page.extractor,
    ...(page.truncated ? { truncated: page.truncated } : {}),
    ...(page.metadata ? { metadata: page.metadata } : {}),
  } satisfies CapturePayload;
}

function captureSelection(
  doc: Document,
  win: CaptureWindow,
  request: CaptureRequest,
  base: string | undefined,
) {
  const state = readSelection(doc, win);
  if (state.inField) throw new CaptureError(t('noticeFormField'));
  // The live selection can be gone (or in a frame) by the time we run: the menu's copy stands in.
  const text = withText(state.text || request.selectionText || '', t('noticeNothingSelected'));
  const links =
    state.text && state.selection
      ? selectionLinks(state.selection, { base, exclude: win.location.href })
      : [];
  return { text, links };
}

function elementPayload(common: Common, found: ElementCapture): CapturePayload {
  return { ...common, ...found, extractor: 'element' };
}

/** Page text leaves well formed: a lone surrogate would not survive TextEncoder unchanged. */
function wellFormed(payload: CapturePayload): CapturePayload {
  const { title, text, selection } = payload;
  return {
    ...payload,
    title: toWellFormed(title),
    text: toWellFormed(text),
    ...(selection === undefined ? {} : { selection: toWellFormed(selection) }),
  };
}

/**
 * Capture what `request` asks for. Throws `CaptureError` with a message for the user, and its
 * subclass `GateRefusal` when the privacy gate keeps the page's text back.
 */
export function capture(
  request: CaptureRequest,
  doc: Document = document,
  win: CaptureWindow = window,
  options: CaptureOptions = {},
): CapturePayload {
  const url = pageUrl(win);
  if (options.siteRules) {
    // Before the title, the language or a single word of text is read.
    const gate = gatePage(doc, url, options.siteRules, options.gate);
    if (gate.decision === 'never') throw new GateRefusal({ ...gate, decision: gate.decision });
    // The address alone: no title, no text, no links from a page with a password field.
    if (gate.decision === 'url-only') {
      return { mode: request.mode, url, title: url, text: url, links: [], extractor: 'url-only' };
    }
  }
  const payload = wellFormed(read(request, doc, win, options, url));
  // After the gate: a page whose text is kept back has no glimpse either.
  if (!request.glimpse || !options.glimpse) return payload;
  return { ...payload, glimpse: options.glimpse() };
}

function read(
  request: CaptureRequest,
  doc: Document,
  win: CaptureWindow,
  options: CaptureOptions,
  url: string,
): CapturePayload {
  const lang = pageLang(doc);
  const common: Common = {
    mode: request.mode,
    url,
    title: truncateSafely(oneLine(doc.title), MAX_TITLE) || url.slice(0, MAX_TITLE),
    ...(lang ? { lang } : {}),
  };
  const base = options.extract?.baseUrl ?? doc.baseURI ?? url;
  switch (request.mode) {
    case 'page':
      return capturePage(doc, win, common, options);
    case 'selection': {
      const { text, links } = captureSelection(doc, win, request, base);
      return { ...common, text, links, extractor: 'selection' };
    }
    case 'link': {
      const linkUrl = absoluteHttpUrl(request.linkUrl) ? request.linkUrl : undefined;
      if (!linkUrl) throw new CaptureError(t('noticeNoLink'));
      return elementPayload(common, captureLink(doc, linkUrl, base));
    }
    case 'image': {
      if (!request.srcUrl) throw new CaptureError(t('noticeNoImage'));
      const found = captureImage(doc, request.srcUrl, base);
      withText(found.text, t('noticeImageNoText'));
      return elementPayload(common, found);
    }
  }
}
