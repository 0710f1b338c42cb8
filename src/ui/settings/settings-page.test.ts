/**
 * The settings page against a real Dexie database (fake-indexeddb), a DOM (linkedom), a fake
 * browser and fake model files: each registered model's row follows the engine's writes to the
 * `models` table, and switching, deleting and saving go through the settings and the protocol.
 */
import 'fake-indexeddb/auto';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../shared/db';
import { MODELS, modelSpec } from '../../shared/model-registry';
import { readSetting, writeSetting } from '../../shared/settings';
import { SettingsPage } from './settings-page';
import { deviceOf, speedLine } from './model-speed';

const MB = 1024 * 1024;
const E5 = 'Xenova/multilingual-e5-small';
const QWEN = 'onnx-community/Qwen3-0.6B-ONNX';
const GEMMA = 'onnx-community/gemma-3-270m-it-ONNX';
const GLOVE = 'engram/glove-100d-static';
const GLOVE_50 = 'engram/glove-50d-static';
const TINY = 'engram/tiny-gpt';

const fake = vi.hoisted(() => ({
  sendMessage: vi.fn<(message: unknown) => Promise<unknown>>(),
  deleteModelFiles: vi.fn<(id: string) => Promise<number>>(),
  modelFilesUsage: vi.fn<() => Promise<Record<string, number>>>(),
  estimate: vi.fn<() => Promise<{ usage?: number; quota?: number }>>(),
}));

vi.mock('webextension-polyfill', () => ({
  default: { runtime: { sendMessage: fake.sendMessage } },
}));

vi.mock('../../shared/model-files', () => ({
  deleteModelFiles: fake.deleteModelFiles,
  modelFilesUsage: fake.modelFilesUsage,
}));

const { window, document } = parseHTML(
  '<!doctype html><html><body><div id="app"></div></body></html>',
);
const app = document.getElementById('app') as unknown as HTMLElement;

const $ = (selector: string, root: ParentNode = document) =>
  root.querySelector(selector) as unknown as HTMLElement | null;
const $$ = (selector: string) =>
  Array.from(document.querySelectorAll(selector)) as unknown as HTMLElement[];
const rowOf = (id: string) => $(`[data-testid="model-row"][data-model-id="${id}"]`);
const inRow = (id: string, testid: string) => $(`[data-testid="${testid}"]`, rowOf(id)!);

function fire(target: HTMLElement, type: string, props: Record<string, unknown> = {}) {
  const event = new window.Event(type, { bubbles: true, cancelable: true });
  for (const [key, value] of Object.entries(props)) Object.defineProperty(event, key, { value });
  target.dispatchEvent(event);
  return event;
}

const sent = (type: string) =>
  fake.sendMessage.mock.calls.filter(([m]) => (m as { type: string }).type === type);

beforeAll(() => {
  Object.assign(globalThis, { window, document });
  Object.defineProperty(globalThis, 'navigator', {
    value: { languages: ['en'], language: 'en', storage: { estimate: fake.estimate } },
    configurable: true,
  });
});

afterAll(() => {
  render(null, app);
  db().close();
});

beforeEach(async () => {
  render(null, app);
  vi.clearAllMocks();
  fake.sendMessage.mockResolvedValue({ ok: true, value: {} });
  fake.deleteModelFiles.mockResolvedValue(3);
  fake.modelFilesUsage.mockResolvedValue({ [E5]: 118 * MB, [QWEN]: 40 * MB, [GLOVE]: 5 * MB });
  fake.estimate.mockResolvedValue({ usage: 200 * MB, quota: 10 * 1024 * MB });

  const d = db();
  await Promise.all([d.settings.clear(), d.models.clear(), d.sources.clear(), d.chunks.clear()]);
  await writeSetting(d, 'embeddingModel', E5);
  await writeSetting(d, 'generationModel', QWEN);
  await d.models.bulkAdd([
    { id: E5, task: 'embed', state: 'ready', loaded: 118 * MB, total: 118 * MB, updatedAt: 2 },
    {
      id: QWEN,
      task: 'generate',
      state: 'loading',
      loaded: 40 * MB,
      total: 100 * MB,
      updatedAt: 2,
    },
    {
      id: GEMMA,
      task: 'generate',
      state: 'failed',
      loaded: 0,
      total: 0,
      error: 'You are offline',
      updatedAt: 1,
    },
    // Left over from before a switch: GloVe is no longer loaded.
    { id: GLOVE, task: 'embed', state: 'ready', loaded: 5 * MB, total: 5 * MB, updatedAt: 1 },
  ]);
  await d.sources.bulkAdd(
    [1, 2].map((n) => ({
      id: `src_${n}`,
      kind: 'page' as const,
      url: `https://example.com/${n}`,
      canonicalUrl: `https://example.com/${n}`,
      title: `Page ${n}`,
      site: 'example.com',
      text: 'text',
      extractor: 'readability',
      origin: 'popup' as const,
      status: 'indexed' as const,
      savedAt: 1,
      lastSeenAt: 1,
      seenCount: 1,
      outLinks: [],
    })),
  );
  await d.chunks.bulkAdd(
    [0, 1, 2].map((ord) => ({
      id: `src_1#${ord}`,
      sourceId: 'src_1',
      ord,
      text: 't',
      start: 0,
      end: 1,
    })),
  );
  render(h(SettingsPage, {}), app);
  await vi.waitFor(() => expect(rowOf(GLOVE)?.getAttribute('data-state')).toBe('downloaded'));
});

describe('SettingsPage', () => {
  it('lists every model of the fixture build, by task, with its live state', () => {
    const rows = $$('[data-testid="model-row"]');
    expect(rows.map((r) => r.getAttribute('data-model-id'))).toEqual([
      E5,
      GLOVE,
      GLOVE_50,
      QWEN,
      GEMMA,
      TINY,
      'onnx-community/whisper-base',
      'engram/tiny-whisper',
    ]);
    expect(rows).toHaveLength(MODELS.length);
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual([
      'ready',
      'downloaded',
      'not-downloaded',
      'downloading',
      'failed',
      'not-downloaded',
      'not-downloaded',
      'not-downloaded',
    ]);
    // Speech has no choice: the build's model is the one in use (the fixture, in this build).
    expect(rows.map((r) => r.getAttribute('data-in-use'))).toEqual([
      'true',
      'false',
      'false',
      'true',
      'false',
      'false',
      'false',
      'true',
    ]);
    expect(inRow(QWEN, 'model-state')?.textContent).toBe('downloading 40% (40 MB of 100 MB)');
    expect(inRow(GEMMA, 'model-state')?.textContent).toBe('failed: You are offline');
    expect(inRow(TINY, 'model-state')?.textContent).toBe('not downloaded');
    expect(inRow(E5, 'model-size')?.textContent).toBe('118 MB');
    // Each language model with its expected speed on this device (issue 13); no other model.
    const device = deviceOf(undefined, navigator.hardwareConcurrency);
    expect(inRow(QWEN, 'model-speed')?.textContent).toBe(speedLine(modelSpec(QWEN)!, device));
    expect(inRow(QWEN, 'model-speed')?.textContent).toMatch(/^First words after about \d+ (s|min)/);
    expect(inRow(GEMMA, 'model-speed')?.textContent).toMatch(/\(estimated, not measured\)$/);
    expect(inRow(E5, 'model-speed')).toBeNull();
    expect(rowOf(E5)?.textContent).toContain('Multilingual');
    expect(rowOf(E5)?.textContent).toContain('MIT');
    expect(inRow(E5, 'in-use')?.textContent).toBe('In use');
    expect(inRow(E5, 'use-model')).toBeNull();
    expect(inRow(GLOVE, 'in-use')).toBeNull();
    const groups = $$('.model-group h3').map((g) => g.textContent);
    expect(groups).toEqual(['Embedding', 'Answers', 'Speech recognition']);
    expect($('[data-testid="reindex-note"]')?.textContent).toMatch(/re-indexes your memory/);
  });

  it('follows the engine as a download finishes, and measures the cache again', async () => {
    const reads = fake.modelFilesUsage.mock.calls.length;
    fake.modelFilesUsage.mockResolvedValue({ [E5]: 118 * MB, [QWEN]: 100 * MB, [GLOVE]: 5 * MB });
    await db().models.update(QWEN, { state: 'ready', loaded: 100 * MB });
    await vi.waitFor(() => expect(rowOf(QWEN)?.getAttribute('data-state')).toBe('ready'));
    expect(inRow(QWEN, 'model-state')?.textContent).toBe('ready');
    await vi.waitFor(() =>
      expect($('[data-model-id="' + QWEN + '"][data-testid="model-usage"]')?.textContent).toContain(
        '100 MB',
      ),
    );
    expect(fake.modelFilesUsage.mock.calls.length).toBeGreaterThan(reads);
  });

  it('switches the model: writes the setting, restarts the engine, and says what follows', async () => {
    expect(sent('engine/ensure')).toHaveLength(1);
    fire(inRow(GLOVE, 'use-model')!, 'click');
    await vi.waitFor(() => expect(sent('engine/restart')).toHaveLength(1));
    expect(sent('engine/restart')[0]?.[0]).toMatchObject({ target: 'background', payload: {} });
    expect(await readSetting(db(), 'embeddingModel')).toBe(GLOVE);
    await vi.waitFor(() => expect(rowOf(GLOVE)?.getAttribute('data-in-use')).toBe('true'));
    expect(rowOf(E5)?.getAttribute('data-in-use')).toBe('false');
    expect($('[data-testid="switch-notice"]')?.textContent).toBe(
      'Now using GloVe 100-d static (test fixture). Your memory is being re-indexed in the background.',
    );
  });

  it('says so when the engine does not restart after a switch', async () => {
    fake.sendMessage.mockResolvedValue({ ok: false, error: 'no engine' });
    fire(inRow(GEMMA, 'use-model')!, 'click');
    await vi.waitFor(() =>
      expect($('[data-testid="switch-notice"]')?.textContent).toContain(
        'did not restart (no engine)',
      ),
    );
    expect(await readSetting(db(), 'generationModel')).toBe(GEMMA);
  });

  it('offers to try a failed model in use again', async () => {
    expect(inRow(GEMMA, 'retry-model')).toBeNull();
    await db().models.update(E5, { state: 'failed', error: 'file corrupted' });
    await vi.waitFor(() => expect(inRow(E5, 'retry-model')).not.toBeNull());
    fire(inRow(E5, 'retry-model')!, 'click');
    await vi.waitFor(() => expect(sent('engine/restart')).toHaveLength(1));
    await vi.waitFor(() =>
      expect($('[data-testid="switch-notice"]')?.textContent).toBe(
        'Trying Multilingual E5 small again.',
      ),
    );
  });

  it('deletes a download only after an inline confirmation', async () => {
    fire(inRow(E5, 'delete-model')!, 'click');
    await vi.waitFor(() => expect(inRow(E5, 'confirm-delete')).not.toBeNull());
    expect(rowOf(E5)?.textContent).toContain('Delete 118 MB of Multilingual E5 small?');
    fire(inRow(E5, 'cancel-delete')!, 'click');
    await vi.waitFor(() => expect(inRow(E5, 'delete-model')).not.toBeNull());

    fire(inRow(E5, 'delete-model')!, 'click');
    await vi.waitFor(() => expect(inRow(E5, 'confirm-delete')).not.toBeNull());
    fire($('.delete-confirm', rowOf(E5)!)!, 'keydown', { key: 'Escape' });
    await vi.waitFor(() => expect(inRow(E5, 'delete-model')).not.toBeNull());
    expect(fake.deleteModelFiles).not.toHaveBeenCalled();

    const reads = fake.modelFilesUsage.mock.calls.length;
    fake.modelFilesUsage.mockResolvedValue({ [QWEN]: 40 * MB, [GLOVE]: 5 * MB });
    fire(inRow(E5, 'delete-model')!, 'click');
    await vi.waitFor(() => expect(inRow(E5, 'confirm-delete')).not.toBeNull());
    fire(inRow(E5, 'confirm-delete')!, 'click');
    await vi.waitFor(() => expect(fake.deleteModelFiles).toHaveBeenCalledWith(E5));
    await vi.waitFor(() => expect(fake.modelFilesUsage.mock.calls.length).toBeGreaterThan(reads));
    await vi.waitFor(() => expect(inRow(E5, 'delete-model')?.hasAttribute('disabled')).toBe(true));
  });

  it('shows why a delete failed', async () => {
    fake.deleteModelFiles.mockRejectedValue(new Error('cache locked'));
    fire(inRow(GLOVE, 'delete-model')!, 'click');
    await vi.waitFor(() => expect(inRow(GLOVE, 'confirm-delete')).not.toBeNull());
    fire(inRow(GLOVE, 'confirm-delete')!, 'click');
    await vi.waitFor(() =>
      expect(inRow(GLOVE, 'delete-error')?.textContent).toBe('Could not delete: cache locked'),
    );
  });

  it('keeps delete off for the model in use while it loads, and where nothing is downloaded', () => {
    expect(inRow(QWEN, 'delete-model')?.hasAttribute('disabled')).toBe(true);
    expect(inRow(TINY, 'delete-model')?.hasAttribute('disabled')).toBe(true);
    expect(inRow(E5, 'delete-model')?.hasAttribute('disabled')).toBe(false);
    expect(inRow(GEMMA, 'delete-model')?.hasAttribute('disabled')).toBe(true);
  });

  it('shows storage used and available, per model, and the memory counts', async () => {
    await vi.waitFor(() =>
      expect($('[data-testid="storage-total"]')?.textContent).toBe(
        'Engram uses 200 MB; 9.8 GB more is available.',
      ),
    );
    expect($('[data-testid="storage-total"]')?.getAttribute('data-bytes')).toBe(String(200 * MB));
    expect($('[data-testid="models-total"]')?.textContent).toBe('163 MB');
    expect($$('[data-testid="model-usage"]').map((li) => li.getAttribute('data-model-id'))).toEqual(
      [E5, QWEN, GLOVE],
    );
    await vi.waitFor(() =>
      expect($('[data-testid="memory-counts"]')?.textContent).toBe(
        '2 pages remembered, 3 passages indexed',
      ),
    );
  });

  it('checks the model host before saving it, then restarts the engine', async () => {
    const input = $('[data-testid="model-host"]') as HTMLInputElement;
    expect(input.value).toBe('https://huggingface.co/');
    input.value = 'ftp://models.example/';
    fire(input, 'input');
    fire($('[data-testid="save-model-host"]')!.closest('form') as unknown as HTMLElement, 'submit');
    await vi.waitFor(() =>
      expect($('[data-testid="model-host-error"]')?.textContent).toMatch(/http\(s\) address/),
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(sent('engine/restart')).toHaveLength(0);

    input.value = ' http://127.0.0.1:8123/ ';
    fire(input, 'input');
    await vi.waitFor(() => expect($('[data-testid="model-host-error"]')).toBeNull());
    fire($('[data-testid="save-model-host"]')!.closest('form') as unknown as HTMLElement, 'submit');
    await vi.waitFor(() => expect($('[data-testid="model-host-saved"]')).not.toBeNull());
    expect(await readSetting(db(), 'modelHost')).toBe('http://127.0.0.1:8123/');
    expect(sent('engine/restart')).toHaveLength(1);
  });

  it('binds the generation toggle to the setting', async () => {
    const toggle = $('[data-testid="generation-toggle"]') as HTMLInputElement;
    // linkedom has no `checked` property, so Preact renders the attribute.
    expect(toggle.hasAttribute('checked')).toBe(true);
    toggle.checked = false;
    fire(toggle, 'change');
    await vi.waitFor(async () => expect(await readSetting(db(), 'generation')).toBe(false));
    await writeSetting(db(), 'generation', true);
    await vi.waitFor(() => expect(toggle.checked).toBe(true));
  });
});
