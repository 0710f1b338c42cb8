/**
 * The first run of the shipped build (issue 10): the welcome page opens at install, nothing is
 * downloaded before the user chooses "Download now", the empty popup says how to save, and the
 * choice starts the download. The model host (huggingface.co) is mapped to a TCP server on
 * 127.0.0.1 that records every connection (the offscreen document's fetches are not seen by
 * Playwright's routes); it answers no TLS, so the download then fails, as offline, and the popup
 * shows that failure in full with Try again. A second browser, in Chinese, shows the page in Chinese.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  launchEngram,
  readTable,
  ROOT,
  tempProfile,
  waitFor,
  welcomePage,
  type Engram,
} from './harness';

const SHIPPED_DIST = resolve(ROOT, process.env.ENGRAM_E2E_SHIPPED_DIST ?? 'dist/chrome');
const SHOTS = process.env.ENGRAM_WELCOME_SHOTS ?? '/tmp/welcome-shots';

/** A stand-in for the model host: counts connections and keeps their first bytes (TLS SNI). */
async function recordingHost(): Promise<{ server: Server; port: number; hellos: string[] }> {
  const hellos: string[] = [];
  const server = createServer((socket) => {
    socket.once('data', (data) => {
      hellos.push(data.toString('latin1'));
      socket.destroy();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port, hellos };
}

describe('welcome and consent to download (shipped build)', () => {
  const profile = tempProfile();
  let host: Awaited<ReturnType<typeof recordingHost>>;
  let engram: Engram;
  let welcome: Page;
  let popup: Page;

  const modelRows = () => readTable<{ id: string; state: string }>(engram, 'models');

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    host = await recordingHost();
    engram = await launchEngram(profile.dir, SHIPPED_DIST, {
      args: [`--host-resolver-rules=MAP huggingface.co 127.0.0.1:${host.port}`],
      keepWelcome: true,
    });
  });

  afterAll(async () => {
    await engram?.close();
    await new Promise((done) => host?.server.close(done));
    profile.remove();
  });

  test('the welcome page opens at install and says what Engram keeps, how to save and the models', async () => {
    const page = await welcomePage(engram.context, engram.extensionId, 15_000);
    expect(page, 'the welcome page opened').toBeDefined();
    welcome = page!;
    await welcome.getByTestId('welcome-choice').waitFor();
    const text = await welcome.getByTestId('welcome').innerText();
    expect(await welcome.title()).toBe('Welcome to Engram');
    expect(await welcome.locator('h1').innerText()).toBe('Welcome to Engram');
    expect(await welcome.locator('h2').allInnerTexts()).toEqual([
      'What Engram keeps',
      'What it never keeps',
      'How to save',
      'How to ask',
      'The models',
    ]);
    expect(await welcome.getByTestId('download-later').innerText()).toBe('Later');
    expect(text).toMatch(/never keeps/i);
    expect(text).toMatch(/incognito/);
    expect(text).toMatch(/password or payment field/);
    // The shortcut as the browser reports it, and the models of this build with their sizes.
    await expect
      .poll(() => welcome.getByTestId('how-to-save-shortcut').getAttribute('data-state'))
      .toBe('set');
    expect(await welcome.locator('kbd').first().innerText()).toMatch(/Alt\s*\+\s*Shift\s*\+\s*S/);
    expect(text).toMatch(/Save … to memory/);
    expect(text).toMatch(/Remember this page/);
    const models = await welcome.getByTestId('welcome-model').allInnerTexts();
    expect(models).toHaveLength(2);
    expect(models[0]).toMatch(/Multilingual E5 small[\s\S]*118 MB/);
    expect(models[1]).toMatch(/Qwen3 0\.6B[\s\S]*920 MB/);
    expect(await welcome.getByTestId('download-models').innerText()).toMatch(
      /Download now \(1 GB\)/,
    );
    for (const scheme of ['light', 'dark'] as const) {
      await welcome.emulateMedia({ colorScheme: scheme });
      await welcome.screenshot({ path: `${SHOTS}/welcome-${scheme}.png`, fullPage: true });
    }
    await welcome.emulateMedia({ colorScheme: 'light' });
  });

  test('nothing is downloaded before the choice; the empty popup says how to save', async () => {
    popup = await engram.context.newPage();
    await popup.setViewportSize({ width: 400, height: 560 });
    await popup.goto(`chrome-extension://${engram.extensionId}/popup.html`);
    await popup.getByTestId('empty-memory').waitFor();
    // The shortcut comes from the browser a moment after the first paint ("Press the shortcut…").
    await popup.locator('[data-testid="how-to-save-shortcut"][data-state="set"]').waitFor();
    const empty = await popup.getByTestId('empty-memory').innerText();
    expect(empty).toMatch(/Nothing saved yet/);
    expect(empty).toMatch(/Alt\s*\+\s*Shift\s*\+\s*S/);
    expect(empty).toMatch(/Right-click/);
    expect(empty).toMatch(/Remember this page/);
    // The engine started at install and tried both models: refused before any request.
    await waitFor('both models to be not-downloaded', async () => {
      const rows = await modelRows();
      return rows.length === 2 && rows.every((row) => row.state === 'not-downloaded');
    });
    const notice = popup.getByTestId('model-notice');
    await expect.poll(() => notice.getAttribute('data-kind')).toBe('not-downloaded');
    expect(await notice.getByTestId('download-models').innerText()).toBe('Download (1 GB)');
    expect(await popup.getByTestId('model-status').innerText()).toMatch(/not downloaded/);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `${SHOTS}/popup-empty-${scheme}.png` });
    }
    await popup.emulateMedia({ colorScheme: 'light' });
    // "Later" changes nothing.
    await welcome.getByTestId('download-later').click();
    await welcome.getByTestId('later-note').waitFor();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(host.hellos, 'connections to the model host before the choice').toEqual([]);
  });

  test('"Download now" starts the download; its failure shows in full in the popup', async () => {
    await welcome.getByTestId('download-models').click();
    await waitFor('a connection to the model host', () =>
      Promise.resolve(host.hellos.some((hello) => hello.includes('huggingface.co'))),
    );
    await welcome.getByTestId('welcome-model-status').waitFor();
    // The host answers no TLS: the download fails as offline, and the popup says so in full.
    const notice = popup.getByTestId('model-notice');
    await expect.poll(() => notice.getAttribute('data-kind'), { timeout: 60_000 }).toBe('failed');
    expect(await notice.innerText()).toMatch(/still work/);
    await notice.getByTestId('retry-models').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `${SHOTS}/popup-model-failed-${scheme}.png` });
    }
    for (const scheme of ['light', 'dark'] as const) {
      await welcome.emulateMedia({ colorScheme: scheme });
      await welcome.screenshot({ path: `${SHOTS}/welcome-after-${scheme}.png`, fullPage: true });
    }
  });
});

describe('welcome in a Chinese browser (shipped build)', () => {
  const profile = tempProfile();
  let engram: Engram;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    engram = await launchEngram(profile.dir, SHIPPED_DIST, {
      args: ['--lang=zh-CN'],
      keepWelcome: true,
    });
  });

  afterAll(async () => {
    await engram?.close();
    profile.remove();
  });

  test('the welcome page speaks Chinese: headings, the models and the choice', async () => {
    const page = await welcomePage(engram.context, engram.extensionId, 15_000);
    expect(page, 'the welcome page opened').toBeDefined();
    const welcome = page!;
    await welcome.getByTestId('welcome-choice').waitFor();
    expect(await welcome.title()).toBe('欢迎使用 Engram');
    expect(await welcome.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await welcome.locator('h1').innerText()).toBe('欢迎使用 Engram');
    expect(await welcome.locator('h2').allInnerTexts()).toEqual([
      'Engram 会保存什么',
      '它从不保存什么',
      '如何保存',
      '如何提问',
      '模型',
    ]);
    const text = await welcome.getByTestId('welcome').innerText();
    expect(text).toMatch(/无痕（隐身）窗口/);
    expect(text).toMatch(/只需从 huggingface\.co 下载一次/);
    const models = await welcome.getByTestId('welcome-model').allInnerTexts();
    expect(models[0]).toMatch(/按含义查找你的网页[\s\S]*118 MB/);
    expect(models[1]).toMatch(/根据网页撰写回答[\s\S]*920 MB/);
    expect(await welcome.getByTestId('download-models').innerText()).toMatch(/^立即下载/);
    expect(await welcome.getByTestId('download-later').innerText()).toBe('以后再说');
    for (const scheme of ['light', 'dark'] as const) {
      await welcome.emulateMedia({ colorScheme: scheme });
      await welcome.screenshot({ path: `${SHOTS}/welcome-zh-${scheme}.png`, fullPage: true });
    }
    await welcome.getByTestId('download-later').click();
    expect(await welcome.getByTestId('later-note').innerText()).toMatch(/^好的，现在不会下载/);
  });
});
