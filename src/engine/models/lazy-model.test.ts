import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { notAllowed } from '../downloads/model-download-error';
import { LazyModel, retryDelayMs } from './lazy-model';
import { becameAllowed } from './download-consent';
import { describeLoadFailure, type LoadFailure } from './load-error';
import type { ModelState } from './model-state';

/** The states a model went through, as the `models` table would see them. */
function fakeState(): ModelState & { seen: string[] } {
  const fake = {
    id: 'test/model',
    seen: [] as string[],
    state: 'idle',
    failure: undefined as LoadFailure | undefined,
    get error() {
      return fake.failure && describeLoadFailure(fake.failure);
    },
    set(state: string, failure?: LoadFailure) {
      fake.state = state;
      fake.failure = failure;
      fake.seen.push(state);
      return Promise.resolve();
    },
  };
  return fake as unknown as ModelState & { seen: string[] };
}

const MINUTE = 60_000;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('idle unload', () => {
  test('unloads after the idle period and reloads on the next use', async () => {
    const state = fakeState();
    const disposed: number[] = [];
    let loads = 0;
    const model = new LazyModel(state, () => Promise.resolve(++loads), {
      idleMs: 10 * MINUTE,
      dispose: (n) => Promise.resolve(void disposed.push(n)),
    });
    expect(await model.use((n) => Promise.resolve(n * 10))).toBe(10);
    await vi.advanceTimersByTimeAsync(10 * MINUTE - 1);
    expect(model.ready).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(model.ready).toBeUndefined();
    expect(disposed).toEqual([1]);
    expect(state.state).toBe('idle');
    // On demand again: a fresh load.
    expect(await model.use((n) => Promise.resolve(n))).toBe(2);
    expect(state.seen).toEqual(['loading', 'ready', 'idle', 'loading', 'ready']);
  });

  test('each use restarts the countdown', async () => {
    const model = new LazyModel(fakeState(), () => Promise.resolve('m'), { idleMs: MINUTE });
    await model.load();
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(MINUTE / 2);
      await model.use(() => Promise.resolve());
    }
    expect(model.ready).toBe('m');
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(model.ready).toBeUndefined();
  });

  test('never unloads while work runs, however long it takes', async () => {
    const model = new LazyModel(fakeState(), () => Promise.resolve('m'), { idleMs: MINUTE });
    let finish!: () => void;
    const work = model.use(() => new Promise<void>((resolve) => (finish = resolve)));
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(model.ready).toBe('m');
    expect(await model.unload()).toBe(false);
    finish();
    await work;
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(model.ready).toBeUndefined();
  });

  test('0 keeps the model loaded; setIdleMs changes it later', async () => {
    const model = new LazyModel(fakeState(), () => Promise.resolve('m'), { idleMs: 0 });
    await model.load();
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    expect(model.ready).toBe('m');
    model.setIdleMs(MINUTE);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(model.ready).toBeUndefined();
  });
});

describe('retry after a failure', () => {
  test('the pause grows: 5 s, 10 s, 20 s, 40 s, then every minute', () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelayMs)).toEqual([
      5_000, 10_000, 20_000, 40_000, 60_000, 60_000,
    ]);
  });

  test('a failed model is tried again after the pause, not before', async () => {
    const state = fakeState();
    let attempts = 0;
    const model = new LazyModel(state, () => {
      attempts++;
      return attempts < 3 ? Promise.reject(new Error('Failed to fetch')) : Promise.resolve('m');
    });
    await expect(model.load()).rejects.toThrow('Failed to fetch');
    expect(state.state).toBe('failed');
    await vi.advanceTimersByTimeAsync(4_999);
    await expect(model.load()).rejects.toThrow(/unreachable/); // the stored reason, no new try
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(model.load()).rejects.toThrow('Failed to fetch');
    expect(attempts).toBe(2);
    await vi.advanceTimersByTimeAsync(9_999);
    await expect(model.load()).rejects.toThrow();
    expect(attempts).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(await model.load()).toBe('m');
    expect(attempts).toBe(3);
  });

  test('retryNow (the network is back, or Try again) skips the pause', async () => {
    let attempts = 0;
    const model = new LazyModel(fakeState(), () =>
      ++attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve('m'),
    );
    await expect(model.load()).rejects.toThrow('offline');
    model.retryNow();
    expect(await model.load()).toBe('m');
  });
});

describe('model downloads not allowed yet (issue 10)', () => {
  test('the model is not-downloaded, not failed, and loads at once when allowed', async () => {
    const state = fakeState();
    let allowed = false;
    const model = new LazyModel(state, () =>
      allowed ? Promise.resolve('model') : Promise.reject(notAllowed('https://hub/acme/m/x')),
    );
    await expect(model.load()).rejects.toThrow(/wait until you choose/);
    expect(state.state).toBe('not-downloaded');
    expect(state.error).toBeUndefined();
    allowed = true;
    // No back-off: the user's "Download" must not wait 5 s behind a refusal that was no failure.
    expect(await model.load()).toBe('model');
    expect(state.seen).toEqual(['loading', 'not-downloaded', 'loading', 'ready']);
  });
});

describe('becameAllowed', () => {
  test('fires once, on the change from ask to allowed, never for the first value', () => {
    const started = becameAllowed();
    expect(started('allowed')).toBe(false);
    const waiting = becameAllowed();
    expect(['ask', 'ask', 'allowed', 'allowed'].map((v) => waiting(v as 'ask'))).toEqual([
      false,
      false,
      true,
      false,
    ]);
  });
});
