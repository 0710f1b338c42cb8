/** The service worker creates the engine document whenever it is needed, once at a time. */
import { beforeEach, expect, test, vi } from 'vitest';

const sent: string[] = [];
let replies: Array<() => unknown> = [];
vi.mock('../shared/messaging', () => ({
  errorMessage: (e: unknown) => (e instanceof Error ? e.message : String(e)),
  send: vi.fn((name: string) => {
    sent.push(name);
    const next = replies.shift();
    try {
      return Promise.resolve(next ? next() : {});
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }),
}));

let documents = 0;
let creations = 0;
const alarms = new Set<string>();
beforeEach(() => {
  vi.resetModules();
  sent.length = 0;
  replies = [];
  documents = 0;
  creations = 0;
  alarms.clear();
  vi.stubGlobal('chrome', {
    runtime: {
      ContextType: { OFFSCREEN_DOCUMENT: 'OFFSCREEN_DOCUMENT' },
      getURL: (path: string) => `chrome-extension://id/${path}`,
      getContexts: () => Promise.resolve(Array.from({ length: documents }, () => ({}))),
    },
    offscreen: {
      Reason: { WORKERS: 'WORKERS' },
      createDocument: async () => {
        creations++;
        await new Promise((r) => setTimeout(r, 5));
        if (documents > 0) throw new Error('Only a single offscreen document may be created.');
        documents = 1;
      },
      closeDocument: () => {
        documents = 0;
        return Promise.resolve();
      },
    },
    // The work check armed with each job or answer handed over (work-watch.ts).
    alarms: {
      get: () => Promise.resolve(alarms.has('engram-work-check') ? {} : undefined),
      create: (name: string) => Promise.resolve(void alarms.add(name)),
    },
  });
});

test('concurrent callers share one creation; an existing engine is not created again', async () => {
  const { ensureEngine } = await import('./engine-gateway');
  await Promise.all([ensureEngine(), ensureEngine(), ensureEngine()]);
  expect(creations).toBe(1);
  await ensureEngine();
  expect(creations).toBe(1);
});

test('an engine that went away (closed, crashed) is created again for the next message', async () => {
  const { sendToEngine } = await import('./engine-gateway');
  await sendToEngine('engine/ingest', {});
  expect(creations).toBe(1);
  // It goes away between the check and the message.
  replies.push(() => {
    documents = 0;
    throw new Error('Could not establish connection. Receiving end does not exist.');
  });
  await sendToEngine('engine/ingest', {});
  expect(creations).toBe(2);
  expect(sent).toEqual(['engine/ingest', 'engine/ingest', 'engine/ingest']);
});

test('other errors are the engine’s answer, not a missing engine: no retry', async () => {
  const { sendToEngine } = await import('./engine-gateway');
  replies.push(() => {
    throw new Error('The model failed to load.');
  });
  await expect(sendToEngine('engine/status', {})).rejects.toThrow('failed to load');
  expect(sent).toHaveLength(1);
});

const notListening = () => {
  throw new Error('Could not establish connection. Receiving end does not exist.');
};

test('a new document is waited for until it listens; concurrent messages share one creation', async () => {
  const { sendToEngine } = await import('./engine-gateway');
  // The document exists at once but registers its listener only after loading its modules.
  replies.push(notListening, notListening, notListening, notListening);
  const answers = await Promise.all([
    sendToEngine('engine/status', {}),
    sendToEngine('engine/ingest', {}),
    sendToEngine('engine/ingest', {}),
  ]);
  expect(answers).toEqual([{}, {}, {}]);
  expect(creations).toBe(1);
  // Four unanswered tries, then each of the three delivered once.
  expect(sent).toHaveLength(7);
});

test('a document that vanishes while it is awaited is created again', async () => {
  const { sendToEngine } = await import('./engine-gateway');
  replies.push(notListening, () => {
    documents = 0; // it crashed while loading
    return notListening();
  });
  replies.push(() => {
    throw new Error('No receiver answered "engine/ingest"');
  });
  await expect(sendToEngine('engine/ingest', {})).resolves.toEqual({});
  expect(creations).toBe(2);
  expect(sent).toHaveLength(4);
});

test('after the bound (about 15 s) a clear error, not an endless wait', async () => {
  vi.useFakeTimers();
  try {
    const { sendToEngine, ENGINE_TRIES, EngineUnavailableError } = await import('./engine-gateway');
    replies = Array.from({ length: ENGINE_TRIES + 5 }, () => notListening);
    const started = Date.now();
    const result = sendToEngine('engine/status', {});
    const failed = expect(result).rejects.toThrow(
      /engine did not answer "engine\/status" \(tried for about 15 s\): .*Receiving end does not exist/,
    );
    await vi.runAllTimersAsync();
    await failed;
    await expect(result).rejects.toBeInstanceOf(EngineUnavailableError);
    expect(sent).toHaveLength(ENGINE_TRIES);
    expect(creations).toBe(1);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThan(13_000);
    expect(waited).toBeLessThan(17_000);
  } finally {
    vi.useRealTimers();
  }
});

test('waking the engine goes through the gateway and never throws', async () => {
  const { wakeEngine } = await import('./engine-gateway');
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  replies.push(notListening);
  await wakeEngine();
  expect(sent).toEqual(['engine/ingest', 'engine/ingest']);
  expect([...alarms]).toEqual(['engram-work-check']); // until the work watch finds none left
  replies.push(() => {
    throw new Error('The engine failed to start.');
  });
  await expect(wakeEngine()).resolves.toBeUndefined();
  expect(warn).toHaveBeenCalledTimes(1);
  warn.mockRestore();
});

test('engine/ensure returns once the engine answers, not when its document merely exists', async () => {
  const { engineListening } = await import('./engine-gateway');
  replies.push(() => {
    throw new Error('Could not establish connection. Receiving end does not exist.');
  });
  await engineListening();
  expect(creations).toBe(1);
  expect(sent).toEqual(['engine/status', 'engine/status']);
});
