/**
 * Voice in the chat (issue 15), in a DOM (linkedom): holding Alt+M records and letting go
 * stops; reading aloud is offered only with a voice marked local (`localService`), since a
 * remote voice would send the answer's words to a server.
 */
import 'fake-indexeddb/auto';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MicButton } from './mic-button';
import { ReadAloud } from './read-aloud';
import type { useVoiceInput } from './use-voice-input';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const { window, document } = parseHTML(
  '<!doctype html><html><body><div id="app"></div></body></html>',
);
const app = document.getElementById('app') as unknown as HTMLElement;
const $ = (testid: string) =>
  document.querySelector(`[data-testid="${testid}"]`) as unknown as HTMLElement | null;
/** Preact runs effects after the next frame, or after 100 ms where there are no frames. */
const settle = () => new Promise((r) => setTimeout(r, 150));

beforeAll(() => Object.assign(globalThis, { window, document }));
afterEach(() => render(null, app));
afterAll(() => render(null, app));

function key(type: 'keydown' | 'keyup', code: string, keyName: string, altKey: boolean): void {
  const event = new window.Event(type, { bubbles: true, cancelable: true });
  Object.assign(event, { code, key: keyName, altKey, repeat: false });
  document.dispatchEvent(event);
}

describe('hold-to-talk', () => {
  it('holding Alt+M starts recording and letting go of M stops it', async () => {
    const voice = {
      state: { kind: 'idle' },
      listening: false,
      start: vi.fn(),
      stop: vi.fn(),
    } as unknown as ReturnType<typeof useVoiceInput>;
    render(h(MicButton, { voice }), app);
    await settle();
    expect($('mic')).not.toBeNull();

    key('keydown', 'KeyM', 'm', false);
    expect(voice.start).not.toHaveBeenCalled();
    key('keydown', 'KeyM', 'µ', true);
    expect(voice.start).toHaveBeenCalledTimes(1);
    expect(voice.stop).not.toHaveBeenCalled();
    key('keyup', 'KeyM', 'µ', true);
    expect(voice.stop).toHaveBeenCalledTimes(1);

    // Letting go of Alt first stops too.
    key('keydown', 'KeyM', 'µ', true);
    key('keyup', 'AltLeft', 'Alt', false);
    expect(voice.start).toHaveBeenCalledTimes(2);
    expect(voice.stop).toHaveBeenCalledTimes(2);
  });
});

describe('read aloud', () => {
  const voice = (lang: string, localService: boolean) =>
    ({
      lang,
      localService,
      name: `${lang} ${localService ? 'local' : 'remote'}`,
    }) as SpeechSynthesisVoice;
  const withVoices = (voices: SpeechSynthesisVoice[]) =>
    Object.assign(globalThis, {
      speechSynthesis: {
        getVoices: () => voices,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        cancel: () => undefined,
      },
    });

  it('offers no button when the only voices are remote', async () => {
    withVoices([voice('en-US', false), voice('zh-CN', false)]);
    render(h(ReadAloud, { text: 'Before their first birthday [1].', language: 'en' }), app);
    await settle();
    expect($('read-aloud')).toBeNull();
  });

  it('offers it with a local voice of the answer’s language, and only then', async () => {
    withVoices([voice('en-US', false), voice('en-GB', true)]);
    render(h(ReadAloud, { text: 'Before their first birthday [1].', language: 'en' }), app);
    await settle();
    expect($('read-aloud')).not.toBeNull();

    render(null, app);
    render(h(ReadAloud, { text: '一岁之前 [1]。', language: 'zh' }), app);
    await settle();
    expect($('read-aloud')).toBeNull();
  });
});
