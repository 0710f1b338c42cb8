import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Envelope } from '../shared/protocol';
import { toBackground, type SendLike, type ToBackground } from './to-background';

function runtime(reply: unknown): SendLike & { sent: Envelope[] } {
  const sent: Envelope[] = [];
  return {
    sent,
    sendMessage: (message) => {
      sent.push(message);
      return Promise.resolve(reply);
    },
  };
}

describe('toBackground', () => {
  it('sends the protocol envelope and returns the value of the reply', async () => {
    const to = runtime({ ok: true, value: { watch: false } });
    expect(await toBackground(to, 'watch/config', {})).toEqual({ watch: false });
    expect(to.sent).toEqual([
      { engram: 1, target: 'background', type: 'watch/config', payload: {} },
    ]);
  });

  it('turns an error reply, or none, into an error', async () => {
    await expect(
      toBackground(runtime({ ok: false, error: 'Paused.' }), 'watch/config', {}),
    ).rejects.toThrow('Paused.');
    await expect(toBackground(runtime(undefined), 'watch/config', {})).rejects.toThrow(
      'No answer to "watch/config"',
    );
    await expect(toBackground(runtime({ ok: false }), 'watch/config', {})).rejects.toThrow(
      '"watch/config" failed',
    );
  });

  // Type-level: `tsc --noEmit` checks these (an unused `@ts-expect-error` fails it); vitest does not.
  it('takes only what a content script may send, with the request type of its message', () => {
    expectTypeOf<ToBackground>().toEqualTypeOf<'watch/config' | 'capture/auto'>();
    const to = runtime({ ok: true, value: {} });
    const typeErrors = () => [
      // @ts-expect-error a content script may not chat
      toBackground(to, 'chat/ask', { question: 'hi' }),
      // @ts-expect-error nor ask the engine
      toBackground(to, 'engine/status', {}),
      // @ts-expect-error `capture/auto` carries the page and its read parts
      toBackground(to, 'capture/auto', {}),
      // @ts-expect-error `watch/config` carries nothing
      toBackground(to, 'watch/config', { tabId: 1 }),
    ];
    expect(typeErrors).toBeTypeOf('function');
  });
});
