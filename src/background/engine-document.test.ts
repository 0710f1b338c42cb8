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
beforeEach(() => {
  vi.resetModules();
  sent.length = 0;
  replies = [];
  documents = 0;
  creations = 0;
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
  });
});

test('concurrent callers share one creation; an existing engine is not created again', async () => {
  const { ensureEngine } = await import('./engine-document');
  await Promise.all([ensureEngine(), ensureEngine(), ensureEngine()]);
  expect(creations).toBe(1);
  await ensureEngine();
  expect(creations).toBe(1);
});

test('an engine that went away (closed, crashed) is created again for the next message', async () => {
  const { sendToEngine } = await import('./engine-document');
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
  const { sendToEngine } = await import('./engine-document');
  replies.push(() => {
    throw new Error('The model failed to load.');
  });
  await expect(sendToEngine('engine/status', {})).rejects.toThrow('failed to load');
  expect(sent).toHaveLength(1);
});
