/** chrome.idle lives in the service worker: its state is relayed to a running engine only. */
import { beforeEach, expect, test, vi } from 'vitest';

const sent: Array<[string, unknown]> = [];
vi.mock('../shared/messaging', () => ({
  send: vi.fn((name: string, payload: unknown) => {
    sent.push([name, payload]);
    return Promise.resolve({});
  }),
}));
let running = true;
vi.mock('./engine-gateway', () => ({ engineRunning: () => Promise.resolve(running) }));

const listeners: Array<(state: string) => void> = [];
let interval = 0;
beforeEach(() => {
  sent.length = 0;
  listeners.length = 0;
  vi.stubGlobal('chrome', {
    idle: {
      setDetectionInterval: (s: number) => void (interval = s),
      queryState: () => Promise.resolve('locked'),
      onStateChanged: { addListener: (l: (state: string) => void) => void listeners.push(l) },
    },
  });
});

const settle = () => new Promise((r) => setTimeout(r, 0));

test('changes reach a running engine; nothing wakes an engine that is not running', async () => {
  const { watchActivity, currentActivity } = await import('./user-activity');
  watchActivity();
  expect(interval).toBe(30);
  expect(listeners).toHaveLength(1);
  listeners[0]!('active');
  await settle();
  expect(sent).toEqual([['engine/activity', { state: 'active' }]]);
  running = false;
  listeners[0]!('idle');
  await settle();
  expect(sent).toHaveLength(1);
  // The engine asks at start instead.
  expect(await currentActivity()).toEqual({ state: 'locked' });
});
