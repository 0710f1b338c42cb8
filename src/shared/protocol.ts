/**
 * The one message protocol of Engram.
 *
 * Every message that crosses a context boundary is named here, with a zod schema for its request,
 * a schema for its reply value, the context that handles it, and who may send it. Receivers parse
 * with these schemas and check the sender before running a handler; replies are always
 * `{ ok: true, value } | { ok: false, error }`, so nothing throws across the wire.
 *
 * Requests the background or the engine parse are strict objects: a field the protocol does not
 * name is refused, not silently dropped, so a stray or hostile message is answered with an error
 * and never half-handled (issue 11; tests/protocol/hostile-messages.test.ts). The `content`
 * target's requests are parsed by hand in the content script (content/message.ts).
 */
import './zod-setup';
import { z } from 'zod';
import { CAPTURE_LIMITS } from '../core/graph/entity';
import {
  engineRuntime,
  engineTimings,
  indexingProgress,
  searchRequest,
  searchResponse,
  userActivity,
} from './engine-info';
import { pauseChoice } from './pause-schema';
import { MAX_PCM16_BASE64 } from '../core/audio/pcm16';

/** Where a message is handled. `runtime.sendMessage` is a broadcast: receivers ignore other targets. */
export type Target = 'background' | 'engine' | 'content';

/**
 * Who may send a message:
 * - `extension`: a page of this extension (popup, side panel, settings), never the engine;
 * - `engine`: the offscreen document that runs the engine (offscreen.html, no tab);
 * - `background`: this extension's service worker (no tab, no document);
 * - `content`: a content script of this extension in an http(s) tab.
 */
export type SenderKind = 'extension' | 'engine' | 'background' | 'content';

const MAX_TEXT = 2_000_000; // 2 MB of page text, the capture limit
const MAX_URL = 8_192;

const httpUrl = z
  .string()
  .max(MAX_URL)
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

/** `page`: the main content plus the selection (the shortcut); the rest save just what was clicked. */
export const captureMode = z.enum(['page', 'selection', 'link', 'image']);
export type CaptureMode = z.infer<typeof captureMode>;

/** How the capture was asked for; kept with the source (saved on purpose ranks higher later). */
export const captureOrigin = z.enum([
  'shortcut',
  'menu',
  'popup',
  'chat',
  'omnibox',
  'auto',
  'library',
]);
export type CaptureOrigin = z.infer<typeof captureOrigin>;

export const siteRule = z.object({
  pattern: z.string().min(1).max(300),
  policy: z.enum(['never', 'url-only', 'full']),
});

/** What the background asks a content script to capture. */
export const captureRequest = z.strictObject({
  mode: captureMode,
  /** The user's site rules (the default blocklist applies on top): the gate decides in the page. */
  siteRules: z.array(siteRule).max(2_000).optional(),
  linkUrl: httpUrl.optional(),
  srcUrl: z.string().max(MAX_URL).optional(),
  selectionText: z.string().max(MAX_TEXT).optional(),
  /** The shortcut: also return the glimpse (what is on screen now, and the buffer of the page). */
  glimpse: z.boolean().optional(),
  /** Read same-origin frames too (the `readFrames` setting; extract-page.ts `readFrames`). */
  readFrames: z.boolean().optional(),
});
export type CaptureRequest = z.infer<typeof captureRequest>;

const MAX_BLOCK = 20_000;
/** A text block that stayed on screen for at least a second, with when. */
export const seenBlock = z.object({
  text: z.string().min(1).max(MAX_BLOCK),
  firstSeenAt: z.number().int().nonnegative(),
  lastSeenAt: z.number().int().nonnegative(),
  visibleMs: z.number().int().nonnegative(),
});
export type SeenBlock = z.infer<typeof seenBlock>;

/** A glimpse: the page's buffer of what stayed on screen, and what is on screen now. */
export const glimpsePayload = z.object({
  /** Blocks seen in the last minutes, oldest first; empty where Engram has no host access. */
  seen: z.array(seenBlock).max(1_000),
  /** The text blocks on screen at the moment of the shortcut. */
  now: z.array(z.string().min(1).max(MAX_BLOCK)).max(1_000),
  /** Whether a buffer was running in the page (host access), or this is the moment only. */
  buffered: z.boolean(),
});
export type GlimpsePayload = z.infer<typeof glimpsePayload>;

const attribute = z.string().max(CAPTURE_LIMITS.attributeChars).optional();
/** What a page says about itself (content/page-metadata.ts): untrusted, parsed in core/graph. */
export const pageMetadata = z.strictObject({
  jsonLd: z.array(z.string().max(CAPTURE_LIMITS.scriptChars)).max(CAPTURE_LIMITS.scripts),
  meta: z
    .array(
      z.strictObject({
        name: attribute,
        property: attribute,
        itemprop: attribute,
        content: z.string().max(CAPTURE_LIMITS.metaChars),
      }),
    )
    .max(CAPTURE_LIMITS.metaTags),
  byline: z.string().max(CAPTURE_LIMITS.nameChars).nullable().optional(),
  siteName: z.string().max(CAPTURE_LIMITS.nameChars).nullable().optional(),
});

/** What a content script returns: untrusted, parsed again by the background. */
export const capturePayload = z.object({
  mode: captureMode,
  url: httpUrl,
  title: z.string().max(2_000),
  lang: z.string().max(35).optional(),
  /** The main text of what was captured (article, selection, link text, image alt/caption). */
  text: z.string().min(1).max(MAX_TEXT),
  /** The selection at the moment of capture, if any (also folded into `text` for a glimpse). */
  selection: z.string().max(MAX_TEXT).optional(),
  /** Where the capture points when it is not the page itself (a link's or an image's URL). */
  targetUrl: z.string().max(MAX_URL).optional(),
  /** http(s) links found in the captured content: the hyperlink edges of the graph. */
  links: z.array(httpUrl).max(2_000),
  /**
   * How the text was found: the article extractor, the visible-text fallback, the selection, an
   * element, or `url-only` when the privacy gate kept the page's text back (text = the URL).
   */
  extractor: z.enum([
    'readability',
    'visible-text',
    'selection',
    'element',
    'url-only',
    'pdf',
    'youtube-transcript',
  ]),
  /** What was on screen, when the request asked for a glimpse (content/glimpse.ts). */
  glimpse: glimpsePayload.optional(),
  /** Which limit cut the page's text short (element count, 2 MB, time budget), if one did. */
  truncated: z.enum(['elements', 'size', 'time']).optional(),
  /** A page's JSON-LD, meta tags, byline and site name, for its entities (issue 14). */
  metadata: pageMetadata.optional(),
});
export type CapturePayload = z.infer<typeof capturePayload>;

/**
 * What the page's watcher may do, decided by the background for the tab that asks, at the address
 * it asks about: its verdict, never the user's site rules (issue 11).
 */
export const watchConfig = z.union([
  z.object({ watch: z.literal(false) }),
  z.object({
    watch: z.literal(true),
    /** How long the glimpse buffer keeps a block, ms. */
    glimpseMs: z.number().int().nonnegative(),
    /** Automatic capture: how long a page must be read, ms; null when it is off. */
    dwellMs: z.number().int().positive().nullable(),
  }),
]);
export type WatchConfig = z.infer<typeof watchConfig>;

export const noticeRequest = z.strictObject({
  text: z.string().max(300),
  tone: z.enum(['success', 'error', 'info']),
});

const empty = z.object({}).strict();
const idString = z.string().min(1).max(200);

export const modelState = z.enum([
  'idle',
  'loading',
  'ready',
  'failed',
  'unavailable',
  'not-downloaded',
]);

export const engineStatus = z.object({
  embedder: z.object({ state: modelState, model: z.string(), error: z.string().optional() }),
  generator: z.object({ state: modelState, model: z.string(), error: z.string().optional() }),
  /** While memory is re-embedded for a newly chosen model: chunks done of all (issue 3). */
  reembedding: z
    .object({ model: z.string(), done: z.number().int(), total: z.number().int() })
    .optional(),
  /** While older sources get their people, places and ideas: sources looked at of all (issue 14). */
  graphBackfill: z
    .object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() })
    .optional(),
  sources: z.number().int(),
  chunks: z.number().int(),
  pendingJobs: z.number().int(),
  runtime: engineRuntime.optional(),
  indexing: indexingProgress.optional(),
  timings: engineTimings.optional(),
});
export type EngineStatus = z.infer<typeof engineStatus>;

/**
 * What to forget: these sources, everything kept from a site (the host and its subdomains,
 * `example.com` covering `news.example.com`; `www.`, `*.` and a pasted URL are accepted), or
 * everything saved within [savedFrom, savedTo) (epoch ms; no `savedTo`: up to now and after).
 */
export const forgetRequest = z.union([
  z.object({ sourceIds: z.array(idString).min(1).max(100_000) }).strict(),
  z.object({ site: z.string().trim().min(1).max(300) }).strict(),
  z
    .object({
      savedFrom: z.number().nonnegative(),
      savedTo: z.number().nonnegative().optional(),
    })
    .strict(),
]);

/** Which conversations to delete (issue 12): one, or every one. */
export const deleteConversationsRequest = z.union([
  z.object({ conversationId: idString }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type ForgetRequest = z.infer<typeof forgetRequest>;

const keptSource = z.object({ id: idString, title: z.string(), savedAt: z.number() });
/** "Seen before" about a page (core/seen/seen-notice.ts `SeenNotice`). */
const seenNoticeSchema = z.object({
  kept: z.array(keptSource),
  entities: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      count: z.number().int().nonnegative(),
      sources: z.array(keptSource),
    }),
  ),
});

/** A message definition; its target and senders keep their literal types (see `MessageFor`). */
interface Def<
  T extends Target,
  F extends SenderKind,
  Req extends z.ZodType,
  Res extends z.ZodType,
> {
  target: T;
  from: readonly F[];
  request: Req;
  response: Res;
}
const def = <T extends Target, F extends SenderKind, Req extends z.ZodType, Res extends z.ZodType>(
  d: Def<T, F, Req, Res>,
) => d;

export const protocol = {
  /** Popup or side panel: ask a question; the answer is written to the conversation in IndexedDB. */
  'chat/ask': def({
    target: 'background',
    from: ['extension'],
    request: z.strictObject({
      conversationId: idString.optional(),
      question: z.string().trim().min(1).max(4_000),
      /** The composer's active tab: a note keeps the page it was noted on (issue 15). */
      tabId: z.number().int().nonnegative().optional(),
    }),
    response: z.object({ conversationId: idString, messageId: idString }),
  }),
  /** Popup: remember the active tab (same as the shortcut). */
  'capture/active-tab': def({
    target: 'background',
    from: ['extension'],
    request: z.strictObject({ tabId: z.number().int().nonnegative() }),
    response: z.object({ sourceId: idString, title: z.string() }),
  }),
  /** Popup or settings page: pause capture (an hour, until tomorrow, until resumed) or resume. */
  'pause/set': def({
    target: 'background',
    from: ['extension'],
    request: z.strictObject({ choice: pauseChoice }),
    response: z.object({ paused: z.boolean(), until: z.number().nullable() }),
  }),
  /**
   * Any extension page: make sure the engine runs and answers (it resumes pending work when it
   * starts); after it, a page may message the engine directly.
   */
  'engine/ensure': def({
    target: 'background',
    from: ['extension'],
    request: empty,
    response: empty,
  }),
  /** Settings page: restart the engine so it loads the models the settings now name. */
  'engine/restart': def({
    target: 'background',
    from: ['extension'],
    request: empty,
    response: empty,
  }),
  /** Background, or the settings page after an import → engine: process queued ingest jobs. */
  'engine/ingest': def({
    target: 'engine',
    from: ['background', 'extension'],
    request: empty,
    response: empty,
  }),
  /** Background → engine: answer the assistant message `messageId` (already stored as pending). */
  'engine/answer': def({
    target: 'engine',
    from: ['background'],
    request: z.strictObject({ messageId: idString }),
    response: empty,
  }),
  /**
   * Benchmarks and tests: the sources a dense or keyword search finds, best first. They ask from
   * the service worker (scripts/bench, tests/e2e/engine-messages.ts) or from an extension page.
   */
  'engine/search': def({
    target: 'engine',
    from: ['background', 'extension'],
    request: searchRequest,
    response: searchResponse,
  }),
  /** Background → engine: the user's activity (chrome.idle), so bulk indexing can wait. */
  'engine/activity': def({
    target: 'engine',
    from: ['background'],
    request: userActivity,
    response: empty,
  }),
  /** Engine → background: the user's activity now (the engine asks when it starts). */
  'activity/query': def({
    target: 'background',
    from: ['engine'],
    request: empty,
    response: userActivity,
  }),
  /**
   * Engine → background: a write failed for lack of space (indexing, the saved indexes). The
   * settings page sends it too when an import stops on a full disk. The worker sets the disk-full
   * flag (automatic capture waits, the popup and library say so) and watches for space.
   */
  'disk/full': def({
    target: 'background',
    from: ['engine', 'extension'],
    request: empty,
    response: empty,
  }),
  /** Engine health: the UI polls it; tests and benchmarks ask from the service worker. */
  'engine/status': def({
    target: 'engine',
    from: ['background', 'extension'],
    request: empty,
    response: engineStatus,
  }),
  /**
   * Settings, library or popup: delete sources and all derived from them (glimpses, chunks,
   * vectors, graph rows, jobs, index entries and persisted index parts, the citations and quoted
   * sentences of answers). Handled by the engine, which holds the indexes and rewrites their
   * persisted parts before it replies; `deleted` counts the sources that existed, glimpses taken
   * on them included. Send `engine/ensure` first if the engine may not be running.
   */
  'memory/forget': def({
    target: 'engine',
    from: ['extension'],
    request: forgetRequest,
    response: z.object({ deleted: z.number().int().nonnegative() }),
  }),
  // Forgetting (issue 12): conversations. Sources are forgotten through `memory/forget` above.
  /**
   * Chat or settings page: delete one conversation, or all, with their messages (and so every
   * quote they kept). `deleted` counts the conversations that existed.
   */
  'conversations/delete': def({
    target: 'background',
    from: ['extension'],
    request: deleteConversationsRequest,
    response: z.object({ deleted: z.number().int().nonnegative() }),
  }),
  // The chat's list of conversations and the actions under an answer (issue 15).
  /** Chat: give a conversation the title the user typed (one line; an empty one is refused). */
  'conversations/rename': def({
    target: 'background',
    from: ['extension'],
    request: z.strictObject({
      conversationId: idString,
      title: z.string().trim().min(1).max(1_000),
    }),
    response: z.object({ renamed: z.boolean() }),
  }),
  /**
   * Chat: stop an answer while it is written; what was written stays, marked stopped. `stopped` is
   * false when it had already finished.
   */
  'chat/stop': def({
    target: 'background',
    from: ['extension'],
    request: z.strictObject({ messageId: idString }),
    response: z.object({ stopped: z.boolean() }),
  }),
  /** Chat: write a finished answer again, in its place, for the same question. */
  'chat/regenerate': def({
    target: 'background',
    from: ['extension'],
    request: z.strictObject({ messageId: idString }),
    response: z.object({ regenerating: z.boolean() }),
  }),
  /** Background → engine: stop writing the answer `messageId` (generation is interrupted). */
  'engine/stop': def({
    target: 'engine',
    from: ['background'],
    request: z.strictObject({ messageId: idString }),
    response: z.object({ stopped: z.boolean() }),
  }),
  /**
   * Background → engine: the text of a PDF open in a tab, with pdf.js. The engine fetches `url`
   * itself, or reads `data` (the file, base64) when the background fetched it in the page.
   */
  'engine/pdf-text': def({
    target: 'engine',
    from: ['background'],
    request: z.strictObject({ url: httpUrl, data: z.string().max(60_000_000).optional() }),
    response: z.object({
      title: z.string().max(2_000),
      text: z.string().min(1).max(MAX_TEXT),
      pages: z.number().int().nonnegative(),
      pagesRead: z.number().int().nonnegative(),
    }),
  }),
  /**
   * Popup or side panel → engine: speech recorded there, turned into text by the speech model
   * (issue 15). 16 kHz mono 16-bit PCM in base64 (core/audio/pcm16.ts), at most Whisper's 30 s;
   * `language` is the language to transcribe in (Whisper in transformers.js does not detect it).
   * Send `engine/ensure` first if the engine may not be running.
   */
  'voice/transcribe': def({
    target: 'engine',
    from: ['extension'],
    request: z.strictObject({
      audio: z
        .string()
        .min(4)
        .max(MAX_PCM16_BASE64)
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
      language: z.enum(['en', 'zh']),
    }),
    response: z.object({ text: z.string().max(10_000) }),
  }),
  /** Background → content script: extract what the user asked to keep. */
  'content/capture': def({
    target: 'content',
    from: ['background'],
    request: captureRequest,
    response: capturePayload,
  }),
  /** Content script (at page start, and at each new address): may this page be watched, and how? */
  'watch/config': def({
    target: 'background',
    from: ['content'],
    /** The page's address now (a single-page app changes it); on the sender's origin. */
    request: z.strictObject({ url: httpUrl.optional() }),
    response: watchConfig,
  }),
  /** Content script: a page the user actually read (automatic capture, opt-in). */
  'capture/auto': def({
    target: 'background',
    from: ['content'],
    request: z.strictObject({
      page: capturePayload,
      /** The blocks that stayed on screen while the page was read: the read parts. */
      read: z.array(z.string().min(1).max(MAX_BLOCK)).max(1_000),
    }),
    response: z.object({ sourceId: idString.nullable(), isNew: z.boolean() }),
  }),
  /** Popup: keep a held glimpse now, keep an edited text instead, or discard it. */
  'glimpse/review': def({
    target: 'background',
    from: ['extension'],
    request: z.strictObject({
      sourceId: idString,
      action: z.enum(['keep', 'edit', 'discard']),
      text: z.string().max(MAX_TEXT).optional(),
    }),
    response: z.object({ sourceId: idString.nullable() }),
  }),
  /** Popup or settings: automatic capture or host access changed; register or stop the watchers. */
  'watch/sync': def({
    target: 'background',
    from: ['extension'],
    request: empty,
    response: z.object({ watching: z.boolean(), origins: z.array(z.string()) }),
  }),
  /** Background → content script: stop watching this page and forget the buffer. */
  'content/watch-stop': def({
    target: 'content',
    from: ['background'],
    request: empty,
    response: empty,
  }),
  /** Background → content script: show a small notice the page can neither style nor read. */
  'content/notice': def({
    target: 'content',
    from: ['background'],
    request: noticeRequest,
    response: empty,
  }),
  // The library page (issue 12): retry a failed source, note on a source, search as you type.
  /** Library: index a source whose indexing failed again, from a fresh job (attempts 0). */
  'source/retry': def({
    target: 'background',
    from: ['extension'],
    request: z.strictObject({ sourceId: idString }),
    response: z.object({ queued: z.boolean() }),
  }),
  /** Library: keep a note about a source (a `note` source linked to it), indexed like a capture. */
  'source/note': def({
    target: 'background',
    from: ['extension'],
    request: z.strictObject({ sourceId: idString, text: z.string().trim().min(1).max(20_000) }),
    response: z.object({ noteId: idString }),
  }),
  /** Library: the chat's hybrid search (keywords and, once the embedder is ready, vectors). */
  'library/search': def({
    target: 'engine',
    from: ['extension'],
    request: z.strictObject({
      query: z.string().trim().min(1).max(1_000),
      limit: z.number().int().min(1).max(100),
    }),
    response: z.object({ sourceIds: z.array(idString) }),
  }),
  // The knowledge graph's entities (issue 14): the user's edits, from the graph and entity pages.
  /** Rename an entity (its old name stays an alias). */
  'graph/rename': def({
    target: 'background',
    from: ['extension'],
    request: z.strictObject({ entityId: idString, name: z.string().trim().min(1).max(200) }),
    response: z.object({ changed: z.boolean() }),
  }),
  /** Merge entity `fromId` into `intoId` (mentions, edges, aliases, counts). */
  'graph/merge': def({
    target: 'background',
    from: ['extension'],
    request: z.strictObject({ intoId: idString, fromId: idString }),
    response: z.object({ changed: z.boolean() }),
  }),
  /** Delete an entity with its mentions and edges; its sources stay. */
  'graph/delete': def({
    target: 'background',
    from: ['extension'],
    request: z.strictObject({ entityId: idString }),
    response: z.object({ changed: z.boolean() }),
  }),
  /**
   * Side panel: what "seen before" says about a tab's page (issue 14), or null (setting off, page
   * refused by the capture policy, paused, nothing kept).
   */
  'seen/tab': def({
    target: 'background',
    from: ['extension'],
    request: z.strictObject({ tabId: z.number().int().nonnegative() }),
    response: seenNoticeSchema.nullable(),
  }),
} as const;

export type MessageName = keyof typeof protocol;
export type RequestOf<N extends MessageName> = z.infer<(typeof protocol)[N]['request']>;
export type ResponseOf<N extends MessageName> = z.infer<(typeof protocol)[N]['response']>;
/** The messages that `target` handles: its handler table has exactly these (dispatch.ts). */
export type MessageFor<T extends Target> = {
  [N in MessageName]: (typeof protocol)[N]['target'] extends T ? N : never;
}[MessageName];
/** The messages that `kind` may send. */
export type MessageFrom<K extends SenderKind> = {
  [N in MessageName]: K extends (typeof protocol)[N]['from'][number] ? N : never;
}[MessageName];

/** The wire envelope of every message. */
export const envelope = z.object({
  engram: z.literal(1),
  target: z.enum(['background', 'engine', 'content']),
  type: z.string().max(100),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof envelope>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.union([
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]);

export const isMessageName = (type: string): type is MessageName =>
  Object.prototype.hasOwnProperty.call(protocol, type);
