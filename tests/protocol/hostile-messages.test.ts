/**
 * Every message of the protocol, fuzzed with hostile payloads and senders (issue 11), through the
 * real receiving path: the service worker's and the engine's `createReceiver` with their real
 * handler tables, and the content script's listener, over a real Dexie database (fake-indexeddb).
 *
 * The messages come from the protocol table itself, so a new message is fuzzed as soon as it
 * exists (its valid sample, below, is required by the compiler). Each run mutates a valid message
 * into a hostile one: not an object, a wrong type, a missing field, a string of megabytes, a
 * nesting thousands deep, a prototype key, an unknown field, a bad number, a sender that may not
 * send it, an unknown type. Every one must be answered `{ ok: false, error }` with a sentence that
 * names the message and the problem, without a throw or an unhandled rejection, without any
 * handler running, without touching `Object.prototype`, and without writing to the database.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import type { Runtime } from 'webextension-polyfill';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';

const self = vi.hoisted(() => ({ id: 'engram-id', origin: 'chrome-extension://engram-id/' }));

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: self.id,
      getURL: (path: string) => `${self.origin}${path}`,
      // A handler that ran by mistake and sends on gets nowhere: the test counts the handler.
      sendMessage: () => Promise.reject(new Error('no receiver in this test')),
    },
  },
}));

import { backgroundHandlers } from '../../src/background/handlers';
import { encodePcm16 } from '../../src/core/audio/pcm16';
import { createListener, type Reply } from '../../src/content/listener';
import type { Engine } from '../../src/engine/engine';
import { engineHandlers } from '../../src/engine/handlers';
import { db } from '../../src/shared/db';
import { createReceiver } from '../../src/shared/messaging';
import {
  protocol,
  type CapturePayload,
  type MessageName,
  type RequestOf,
  type Result,
  type SenderKind,
  type Target,
} from '../../src/shared/protocol';
import { writeSetting } from '../../src/shared/settings';

const TAB = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };
const MB = 1024 * 1024;

const page: CapturePayload = {
  mode: 'page',
  url: 'https://example.com/a',
  title: 'An article',
  text: 'The first paragraph.',
  links: ['https://example.com/b'],
  extractor: 'readability',
  metadata: {
    jsonLd: ['{"@type":"NewsArticle","author":{"@type":"Person","name":"Jane Chen"}}'],
    meta: [
      { name: 'author', property: 'article:author', itemprop: 'author', content: 'Jane Chen' },
    ],
    byline: 'By Jane Chen',
    siteName: 'The Example',
  },
  glimpse: {
    seen: [{ text: 'Seen', firstSeenAt: 1, lastSeenAt: 2, visibleMs: 1_000 }],
    now: ['Now'],
    buffered: true,
  },
};

/** A valid request of every message, with every optional field set, for the mutations to break. */
const samples: { [N in MessageName]: RequestOf<N> } = {
  'chat/ask': { conversationId: 'conv_1', question: 'What did I read about tides?', tabId: 7 },
  'capture/active-tab': { tabId: 7 },
  'pause/set': { choice: 'hour' },
  'engine/ensure': {},
  'engine/restart': {},
  'engine/ingest': {},
  'engine/answer': { messageId: 'msg_1' },
  'engine/search': { query: 'tides', mode: 'keyword', limit: 5 },
  'engine/activity': { state: 'idle' },
  'activity/query': {},
  'disk/full': {},
  'engine/status': {},
  'memory/forget': { sourceIds: ['src_1'] },
  'engine/pdf-text': { url: 'https://example.com/a.pdf', data: 'JVBERi0xLjQ=' },
  'content/capture': {
    mode: 'page',
    siteRules: [{ pattern: 'example.com', policy: 'full' }],
    linkUrl: 'https://example.com/l',
    srcUrl: 'https://example.com/i.png',
    selectionText: 'A selection',
    glimpse: true,
    readFrames: true,
  },
  'watch/config': { url: 'https://example.com/a' },
  'capture/auto': { page, read: ['Seen'] },
  'glimpse/review': { sourceId: 'src_1', action: 'edit', text: 'Edited' },
  'watch/sync': {},
  'content/watch-stop': {},
  'content/notice': { text: 'Saved to Engram', tone: 'success' },
  'conversations/delete': { conversationId: 'conv_1' },
  'conversations/rename': { conversationId: 'conv_1', title: 'Tides, renamed' },
  'chat/stop': { messageId: 'msg_1' },
  'chat/regenerate': { messageId: 'msg_1' },
  'engine/stop': { messageId: 'msg_1' },
  'source/retry': { sourceId: 'src_1' },
  'source/note': { sourceId: 'src_1', text: 'A note about it' },
  'library/search': { query: 'tides', limit: 20 },
  'graph/rename': { entityId: 'e:person:jane chen', name: 'Dr. Jane Chen' },
  'graph/merge': { intoId: 'e:person:jane chen', fromId: 'e:person:j chen' },
  'graph/delete': { entityId: 'e:idea:tides' },
  'seen/tab': { tabId: 7 },
  // A quarter second of a 440 Hz tone, 16 kHz PCM16 in base64 (core/audio/pcm16.ts).
  'voice/transcribe': {
    audio: encodePcm16(Float32Array.from({ length: 4_000 }, (_, i) => Math.sin(i / 5.8))),
    language: 'en',
  },
};

const names = Object.keys(protocol) as MessageName[];

/** Senders as `runtime.onMessage` reports them, with who the protocol takes each for. */
const senders: Array<{ label: string; kind: SenderKind | null; sender: Runtime.MessageSender }> = [
  {
    label: 'the popup',
    kind: 'extension',
    sender: { id: self.id, url: `${self.origin}popup.html` },
  },
  {
    label: 'the settings page in a tab',
    kind: 'extension',
    sender: { id: self.id, url: `${self.origin}settings.html`, tab: TAB },
  },
  {
    label: "the engine's page opened in a tab",
    kind: 'extension',
    sender: { id: self.id, url: `${self.origin}offscreen.html`, tab: TAB },
  },
  {
    label: 'the engine',
    kind: 'engine',
    sender: { id: self.id, url: `${self.origin}offscreen.html` },
  },
  {
    label: 'the service worker',
    kind: 'background',
    sender: { id: self.id, url: `${self.origin}sw.js` },
  },
  {
    label: 'a content script',
    kind: 'content',
    sender: { id: self.id, url: 'https://example.com/a', tab: TAB, frameId: 0 },
  },
  {
    label: 'a content script in a cross-site frame',
    kind: 'content',
    sender: { id: self.id, url: 'https://ads.example.net/frame', tab: TAB, frameId: 3 },
  },
  {
    label: 'another extension',
    kind: null,
    sender: { id: 'evil-id', url: 'chrome-extension://evil-id/popup.html' },
  },
  {
    label: "another extension's offscreen document",
    kind: null,
    sender: { id: 'evil-id', url: 'chrome-extension://evil-id/offscreen.html' },
  },
  {
    label: "another extension's service worker",
    kind: null,
    sender: { id: 'evil-id', url: 'chrome-extension://evil-id/sw.js' },
  },
  {
    label: 'a web page',
    kind: null,
    sender: { url: 'https://evil.example/', tab: TAB, frameId: 0 },
  },
  {
    label: 'a page named like the engine',
    kind: null,
    sender: { id: self.id, url: 'https://evil.example/offscreen.html' },
  },
  {
    label: 'a file page',
    kind: null,
    sender: { id: self.id, url: 'file:///etc/passwd', tab: TAB, frameId: 0 },
  },
  { label: 'a sender with nothing', kind: null, sender: {} },
];

const allowedSenders = (name: MessageName) =>
  senders.filter((s) => s.kind && (protocol[name].from as readonly SenderKind[]).includes(s.kind));
const refusedSenders = (name: MessageName) =>
  senders.filter(
    (s) => !s.kind || !(protocol[name].from as readonly SenderKind[]).includes(s.kind),
  );

// The receivers, each handler counted: a hostile message must never reach one.
const ran: string[] = [];
function counted<T extends object>(table: T): T {
  return Object.fromEntries(
    Object.entries(table).map(([name, handler]) => [
      name,
      (...args: unknown[]) => {
        ran.push(name);
        return (handler as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as T;
}

// The engine never starts here: a handler that ran would find it failed (and be counted).
const noEngine = Promise.reject<Engine>(new Error('no engine in this test'));
noEngine.catch(() => undefined);

const receivers = {
  background: createReceiver('background', counted(backgroundHandlers)),
  engine: createReceiver('engine', counted(engineHandlers(noEngine))),
};
const contentListener = createListener(
  counted({
    capture: () => page,
    notice: () => undefined,
    stopWatching: () => undefined,
  }),
  { id: self.id, extensionOrigin: self.origin },
);

type Answers = Partial<Record<Target, Result<unknown>>>;

/** Hand a message to every receiver, as `runtime.sendMessage` and `tabs.sendMessage` would. */
async function deliver(message: unknown, sender: Runtime.MessageSender): Promise<Answers> {
  const answers: Answers = {};
  for (const target of ['background', 'engine'] as const) {
    const reply = receivers[target](message, sender); // a throw here fails the test
    if (reply !== undefined) answers[target] = await reply;
  }
  const content = await new Promise<Reply | undefined>((resolve) => {
    if (contentListener(message, sender, resolve) !== true) resolve(undefined);
  });
  if (content !== undefined) answers.content = content;
  return answers;
}

const envelopeOf = (name: MessageName, payload: unknown) => ({
  engram: 1,
  target: protocol[name].target,
  type: name,
  payload,
});

/** A refusal a person can act on: short, in words, naming the message. */
function expectRefusal(answers: Answers, target: Target, type: string): void {
  expect(Object.keys(answers), 'only the target answers').toEqual([target]);
  const reply = answers[target];
  expect(reply).toMatchObject({ ok: false });
  const error = reply && !reply.ok ? reply.error : '';
  expect(error.length).toBeGreaterThan(15);
  expect(error.length).toBeLessThanOrEqual(500);
  expect(error).toContain(`"${type.slice(0, 100)}"`);
  expect(error).toMatch(/[a-z]{3,} [a-z]{2,}/i);
}

// ---- What must stay as it was -------------------------------------------------------------

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const prototypeKeys = () => PROTOTYPES.map((p) => Reflect.ownKeys(p).map(String).sort());
let keysBefore: string[][] = [];

function expectNoPollution(): void {
  expect(prototypeKeys()).toEqual(keysBefore);
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

async function dumpDatabase(): Promise<string> {
  const tables = await Promise.all(
    db().tables.map(async (table) => [table.name, await table.toArray()] as const),
  );
  return JSON.stringify(tables);
}

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
let databaseBefore = '';

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  // Something to lose: a source held for review, a conversation, and the user's site rules.
  await writeSetting(db(), 'siteRules', [{ pattern: 'example.com', policy: 'full' }]);
  await db().sources.put({
    id: 'src_1',
    kind: 'page',
    url: 'https://example.com/a',
    canonicalUrl: 'https://example.com/a',
    title: 'An article',
    site: 'example.com',
    text: 'The first paragraph.',
    extractor: 'readability',
    origin: 'shortcut',
    status: 'held',
    savedAt: 1,
    lastSeenAt: 1,
    seenCount: 1,
    outLinks: [],
    heldUntil: Date.now() + 3_600_000,
  } as never);
  await db().conversations.put({ id: 'conv_1', title: 'Tides', createdAt: 1, updatedAt: 1 });
  databaseBefore = await dumpDatabase();
  keysBefore = prototypeKeys();
});

afterEach(async () => {
  expect(ran, 'no handler ran').toEqual([]);
  expect(await dumpDatabase(), 'nothing written').toBe(databaseBefore);
  expect(rejections).toEqual([]);
  expectNoPollution();
});

afterAll(() => {
  process.off('unhandledRejection', onRejection);
  db().close();
});

// ---- Mutations -----------------------------------------------------------------------------

type Path = Array<string | number>;

/** Every value inside a sample (the first item of an array stands for all), as paths. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) {
    return value.length > 0 ? [[...prefix, 0], ...paths(value[0], [...prefix, 0])] : [];
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    [...prefix, key],
    ...paths(inner, [...prefix, key]),
  ]);
}

const at = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((inner, key) => (inner as Record<string | number, unknown>)[key], value);

/** A copy of `sample` with the value at `path` replaced (`undefined`: removed). */
function withValue(sample: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(sample);
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (value === undefined && !Array.isArray(parent)) delete parent[key];
  else parent[key] = value;
  return copy;
}

/** A copy of `sample` with an own property `key` on the object at `path` (even `__proto__`). */
function withKey(sample: unknown, path: Path, key: string, value: unknown): unknown {
  const copy = structuredClone(sample);
  Object.defineProperty(at(copy, path), key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

const deeplyNested = (depth: number, wrap: (inner: unknown) => unknown) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
};

const DEEP_ARRAY = deeplyNested(10_000, (inner) => [inner]);
const DEEP_OBJECT = deeplyNested(10_000, (inner) => ({ a: inner }));

/** Values of every kind: the one that differs from a field's kind is a wrong type there. */
const ANY_KIND: unknown[] = [
  0,
  42,
  'x',
  'https://example.com/',
  true,
  false,
  null,
  [],
  ['x'],
  {},
  { a: 1 },
];
/** Numbers no field of the protocol accepts. */
const BAD_NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  1.5,
  2 ** 60,
];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const POLLUTERS: unknown[] = [{ polluted: true }, { toString: 'x' }, 'x', null, [{ polluted: 1 }]];

// `length` characters, not UTF-16 units: zod's string limits count code points, so an emoji
// string of 3 M units (1.5 M characters) fits a 2 M limit.
const hugeString = fc
  .integer({ min: 3 * MB, max: 6 * MB })
  .chain((length) => fc.constantFrom('x', '字', '\u{1F600}').map((c) => c.repeat(length)));

const messageName = fc.constantFrom(...names);
const pathOf = (name: MessageName, keep: (value: unknown) => boolean) =>
  paths(samples[name]).filter((path) => keep(at(samples[name], path)));

/** Mutations of a message's valid sample that the protocol refuses, whatever the message. */
function mutations(
  name: MessageName,
): fc.Arbitrary<{ name: MessageName; how: string; payload: unknown }> {
  const sample = samples[name];
  const all = pathOf(name, () => true);
  const objects = [[], ...pathOf(name, (v) => kindOf(v) === 'object')];
  const strings = pathOf(name, (v) => typeof v === 'string');
  const numbers = pathOf(name, (v) => typeof v === 'number');
  const options: Array<fc.Arbitrary<{ how: string; payload: unknown }>> = [
    fc
      .oneof(
        fc.constantFrom(null, undefined, 0, Number.NaN, true, 'content/capture', [], [sample]),
        fc.anything().filter((v) => kindOf(v) !== 'object'),
        hugeString,
        fc.constant(DEEP_ARRAY),
      )
      .map((payload) => ({ how: 'not an object', payload })),
    fc
      .tuple(
        fc.constantFrom(...objects),
        fc.constantFrom(...PROTOTYPE_KEYS),
        fc.constantFrom(...POLLUTERS),
      )
      .map(([path, key, value]) => ({
        how: `a "${key}" key at ${path.join('.') || 'the top'}`,
        payload: withKey(sample, path, key, value),
      })),
    fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((key) => !(key in (sample as object)) && !PROTOTYPE_KEYS.includes(key))
      .map((key) => ({ how: `an unknown field "${key}"`, payload: withKey(sample, [], key, 1) })),
  ];
  if (all.length > 0) {
    options.push(
      fc.constantFrom(...all).chain((path) =>
        fc
          .constantFrom(...ANY_KIND.filter((v) => kindOf(v) !== kindOf(at(sample, path))))
          .map((value) => ({
            how: `${path.join('.')} is ${JSON.stringify(value)}`,
            payload: withValue(sample, path, value),
          })),
      ),
      fc.constantFrom(...all).map((path) => ({
        how: `${path.join('.')} nested 10,000 deep`,
        payload: withValue(sample, path, DEEP_OBJECT),
      })),
    );
  }
  if (numbers.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...numbers), fc.constantFrom(...BAD_NUMBERS)).map(([path, n]) => ({
        how: `${path.join('.')} is ${n}`,
        payload: withValue(sample, path, n),
      })),
    );
  }
  // A missing field, or a string of megabytes, is refused where the protocol requires the field
  // or caps its length: optional fields, and a PDF's bytes (up to 60 MB), are not hostile.
  const refused = (payload: unknown) => !protocol[name].request.safeParse(payload).success;
  const required = all.filter((path) => refused(withValue(sample, path, undefined)));
  const capped = strings.filter((path) => refused(withValue(sample, path, 'x'.repeat(3 * MB))));
  if (required.length > 0) {
    options.push(
      fc.constantFrom(...required).map((path) => ({
        how: `${path.join('.')} missing`,
        payload: withValue(sample, path, undefined),
      })),
    );
  }
  if (capped.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...capped), hugeString).map(([path, huge]) => ({
        how: `${path.join('.')} is ${Math.round(huge.length / MB)} M characters`,
        payload: withValue(sample, path, huge),
      })),
    );
  }
  return fc.oneof(...options).map((m) => ({ name, ...m }));
}

/** Built once per message (the paths a mutation may take are worked out ahead). */
const byMessage = new Map(names.map((name) => [name, mutations(name)]));
const hostilePayload = messageName.chain(
  (name) => byMessage.get(name) ?? fc.constant(null as never),
);

// ---- Properties ----------------------------------------------------------------------------

describe('every message of the protocol, fuzzed', () => {
  test('each sample is valid, from each allowed sender: the mutations start from a real message', () => {
    for (const name of names) {
      expect(protocol[name].request.safeParse(samples[name]).success, name).toBe(true);
      expect(allowedSenders(name).length, name).toBeGreaterThan(0);
    }
  });

  test('hostile payloads from an allowed sender are refused, naming the problem', async () => {
    await fc.assert(
      fc.asyncProperty(hostilePayload, fc.nat(), async ({ name, payload }, pick) => {
        const from = allowedSenders(name);
        const { sender } = from[pick % from.length] as (typeof from)[number];
        const handled = ran.length;
        const answers = await deliver(envelopeOf(name, payload), sender);
        expectRefusal(answers, protocol[name].target, name);
        expect(ran.length).toBe(handled);
        expectNoPollution();
      }),
      { numRuns: 250, endOnFailure: true },
    );
    // Strings of megabytes take their time on a busy machine: a few seconds on an idle one.
  }, 60_000);

  test('a valid message from each sender that may not send it is refused', async () => {
    // Every pair, not a sample: there are a few hundred at most.
    const cases = names.flatMap((name) => refusedSenders(name).map((s) => ({ name, ...s })));
    expect(cases.length).toBeGreaterThan(names.length * 5);
    for (const { name, sender, kind } of cases) {
      const answers = await deliver(envelopeOf(name, samples[name]), sender);
      // A content script cannot hear another extension: it ignores what is not its own.
      if (protocol[name].target === 'content' && kind === null && sender.id !== self.id) {
        expect(answers).toEqual({});
        continue;
      }
      expectRefusal(answers, protocol[name].target, name);
      expect((answers[protocol[name].target] as { error: string }).error).toMatch(
        /may (not )?send/,
      );
    }
  });

  test('an unknown message, or one sent to the wrong context, is refused by name', async () => {
    const worker = senders.find((s) => s.kind === 'background')?.sender ?? {};
    const unknownType = fc.oneof(
      fc.string({ maxLength: 100 }),
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'CHAT/ASK',
        'chat/ask ',
        'chat/ask\u0000',
        'engine/',
        '',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          unknownType.filter((type) => !names.includes(type as MessageName)),
          messageName,
        ),
        fc.constantFrom<Target>('background', 'engine', 'content'),
        fc.anything(),
        async (type, target, payload) => {
          fc.pre(
            !names.includes(type as MessageName) || protocol[type as MessageName].target !== target,
          );
          const handled = ran.length;
          const answers = await deliver({ engram: 1, target, type, payload }, worker);
          expectRefusal(answers, target, type);
          expect(ran.length).toBe(handled);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('what is not an Engram message is left alone: nobody answers, nothing runs', async () => {
    const worker = senders.find((s) => s.kind === 'background')?.sender ?? {};
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({
            engram: fc.anything(),
            target: fc.anything(),
            type: fc.anything(),
            payload: fc.anything(),
          }),
          messageName.map((name) => ({ ...envelopeOf(name, samples[name]), engram: 2 })),
          messageName.map((name) => ({ ...envelopeOf(name, samples[name]), target: 'popup' })),
        ),
        async (message) => {
          const m = message as { engram?: unknown; target?: unknown; type?: unknown };
          const ours = typeof m === 'object' && m !== null && m.engram === 1;
          fc.pre(!ours || !['background', 'engine', 'content'].includes(m.target as string));
          const handled = ran.length;
          expect(await deliver(message, worker)).toEqual({});
          expect(ran.length).toBe(handled);
        },
      ),
      { numRuns: 200 },
    );
  });
});
