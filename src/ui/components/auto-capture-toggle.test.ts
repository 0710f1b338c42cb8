/**
 * The automatic-capture switch against a real Dexie database (fake-indexeddb), a DOM (linkedom)
 * and a fake browser: the disclosure comes before the permission request, refused access changes
 * nothing, granted access turns capture on and tells the service worker, and turning it off gives
 * the access back.
 */
import 'fake-indexeddb/auto';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTO_CAPTURE_ORIGINS } from '../../shared/auto-capture';
import { db } from '../../shared/db';
import { readSetting, writeSetting } from '../../shared/settings';
import { AutoCaptureToggle } from './auto-capture-toggle';

const fake = vi.hoisted(() => ({
  sendMessage: vi.fn<(message: unknown) => Promise<unknown>>(),
  request: vi.fn<(p: { origins: string[] }) => Promise<boolean>>(),
  remove: vi.fn<(p: { origins: string[] }) => Promise<boolean>>(),
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { sendMessage: fake.sendMessage },
    permissions: { request: fake.request, remove: fake.remove },
  },
}));

const { window, document } = parseHTML(
  '<!doctype html><html><body><div id="app"></div></body></html>',
);
const app = document.getElementById('app') as unknown as HTMLElement;
const $ = (testid: string) =>
  document.querySelector(`[data-testid="${testid}"]`) as unknown as HTMLElement | null;
const click = (testid: string) =>
  $(testid)?.dispatchEvent(new window.Event('click', { bubbles: true }));
const sent = (type: string) =>
  fake.sendMessage.mock.calls.filter(([m]) => (m as { type: string }).type === type);

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out: ${what}`);
}

beforeAll(() => {
  Object.assign(globalThis, { window, document });
});

afterAll(() => {
  render(null, app);
  db().close();
});

beforeEach(async () => {
  render(null, app);
  vi.clearAllMocks();
  fake.sendMessage.mockResolvedValue({ ok: true, value: { watching: true, origins: [] } });
  fake.remove.mockResolvedValue(true);
  await db().settings.clear();
  render(h(AutoCaptureToggle, { idPrefix: 't' }), app);
  await until(() => $('auto-capture-state') !== null, 'the switch');
});

describe('automatic capture switch', () => {
  it('is off by default and shows the disclosure before asking for access', async () => {
    expect($('auto-capture-state')?.textContent).toBe('off');
    click('auto-capture-details');
    await until(() => $('auto-capture-disclosure') !== null, 'the disclosure');
    expect($('auto-capture-disclosure')?.textContent).toMatch(/Never kept: private windows/);
    expect(fake.request).not.toHaveBeenCalled();
  });

  it('refused access changes nothing and says why', async () => {
    fake.request.mockResolvedValue(false);
    click('auto-capture-details');
    await until(() => $('auto-capture-on') !== null, 'the turn-on button');
    click('auto-capture-on');
    await until(() => $('auto-capture-error') !== null, 'the error');
    expect(fake.request).toHaveBeenCalledWith({ origins: AUTO_CAPTURE_ORIGINS });
    expect($('auto-capture-error')?.textContent).toMatch(/did not give Engram access/);
    expect(await readSetting(db(), 'autoCapture')).toBe(false);
    expect(sent('watch/sync')).toHaveLength(0);
  });

  it('granted access turns it on and tells the service worker', async () => {
    fake.request.mockResolvedValue(true);
    click('auto-capture-details');
    await until(() => $('auto-capture-on') !== null, 'the turn-on button');
    click('auto-capture-on');
    await until(() => $('auto-capture-state')?.textContent === 'on', 'the switch on');
    expect(await readSetting(db(), 'autoCapture')).toBe(true);
    expect(sent('watch/sync')).toHaveLength(1);
  });

  it('turning it off stores it, gives the access back and tells the service worker', async () => {
    await writeSetting(db(), 'autoCapture', true);
    await until(() => $('auto-capture-off') !== null, 'the turn-off button');
    click('auto-capture-off');
    await until(() => $('auto-capture-state')?.textContent === 'off', 'the switch off');
    expect(fake.remove).toHaveBeenCalledWith({ origins: AUTO_CAPTURE_ORIGINS });
    await until(() => sent('watch/sync').length === 1, 'the sync message');
  });
});
