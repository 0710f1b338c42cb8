/**
 * The chat against a real Dexie database (fake-indexeddb), a DOM (linkedom) and a fake browser:
 * what it shows comes from IndexedDB, and what it sends goes through the protocol.
 */
import 'fake-indexeddb/auto';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zhCN from '../../../public/_locales/zh_CN/messages.json';
import { db, type Citation, type MessageRow } from '../../shared/db';
import { setMessageSource, tableSource } from '../../shared/i18n';
import { Chat } from './chat';

const fake = vi.hoisted(() => ({
  sendMessage: vi.fn<(message: unknown) => Promise<unknown>>(),
  create: vi.fn<(props: { url: string }) => Promise<unknown>>(),
  query: vi.fn<() => Promise<Array<{ id?: number }>>>(),
  getAll: vi.fn<() => Promise<Array<{ name?: string; shortcut?: string }>>>(),
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { sendMessage: fake.sendMessage },
    tabs: { create: fake.create, query: fake.query },
    commands: { getAll: fake.getAll },
  },
}));

// The full-disk banner reads its flag from chrome.storage.local (shared/disk-full.ts): not set.
vi.stubGlobal('chrome', {
  storage: {
    local: { get: () => Promise.resolve({}) },
    onChanged: { addListener: () => undefined, removeListener: () => undefined },
  },
});

const NOW = Date.now();
const { window, document } = parseHTML(
  '<!doctype html><html><body><div id="app"></div></body></html>',
);
const app = document.getElementById('app') as unknown as HTMLElement;

const $ = (selector: string) => document.querySelector(selector) as unknown as HTMLElement | null;
const $$ = (selector: string) =>
  Array.from(document.querySelectorAll(selector)) as unknown as HTMLElement[];

function fire(target: HTMLElement, type: string, props: Record<string, unknown> = {}) {
  const event = new window.Event(type, { bubbles: true, cancelable: true });
  for (const [key, value] of Object.entries(props)) Object.defineProperty(event, key, { value });
  target.dispatchEvent(event);
  return event;
}

const citation = (n: number, over: Partial<Citation> = {}): Citation => ({
  n,
  sourceId: `src_${n}`,
  chunkId: `src_${n}#0`,
  title: `Page ${n}`,
  site: 'example.com',
  url: `https://example.com/${n}`,
  savedAt: NOW - 3 * 24 * 3600 * 1000,
  quote: `Passage ${n}`,
  href: `https://example.com/${n}#:~:text=Passage`,
  ...over,
});

const message = (over: Partial<MessageRow> & Pick<MessageRow, 'id' | 'role'>): MessageRow => ({
  conversationId: 'c2',
  text: '',
  status: 'done',
  citations: [],
  createdAt: NOW,
  updatedAt: NOW,
  ...over,
});

beforeAll(() => {
  Object.assign(globalThis, {
    window,
    document,
    requestAnimationFrame: (cb: () => void) => setTimeout(cb, 0),
    cancelAnimationFrame: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
  });
  Object.defineProperty(globalThis, 'navigator', {
    value: { languages: ['en'], language: 'en' },
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
  fake.sendMessage.mockImplementation((m) => {
    const type = (m as { type: string }).type;
    if (type === 'chat/ask') {
      return Promise.resolve({ ok: true, value: { conversationId: 'c2', messageId: 'm9' } });
    }
    if (type === 'engine/ensure') return Promise.resolve({ ok: true, value: {} });
    return Promise.resolve({ ok: false, error: `unexpected ${type}` });
  });
  fake.create.mockResolvedValue({});
  fake.query.mockResolvedValue([{ id: 7 }]);
  fake.getAll.mockResolvedValue([{ name: 'remember-glimpse', shortcut: 'Alt+Shift+S' }]);

  const d = db();
  await Promise.all([
    d.conversations.clear(),
    d.messages.clear(),
    d.sources.clear(),
    d.models.clear(),
  ]);
  await d.conversations.bulkAdd([
    { id: 'c1', title: 'older', createdAt: NOW - 10_000, updatedAt: NOW - 10_000 },
    { id: 'c2', title: 'newer', createdAt: NOW - 5_000, updatedAt: NOW - 1_000 },
  ]);
  await d.messages.bulkAdd([
    message({ id: 'old', role: 'user', conversationId: 'c1', text: 'old question' }),
    message({
      id: 'a1',
      role: 'assistant',
      text: 'Futures are lazy [1][2]. <img src=x onerror="alert(1)"> xs[0]',
      mode: 'extractive',
      citations: [citation(1), citation(2, { href: 'javascript:alert(1)', url: 'file:///x' })],
      createdAt: NOW - 4_000,
    }),
    message({ id: 'q1', role: 'user', text: 'What about async?', createdAt: NOW - 4_001 }),
    message({
      id: 'a2',
      role: 'assistant',
      status: 'searching',
      progress: 'Loading the language model… 40%',
      createdAt: NOW - 2_000,
    }),
  ]);
  await d.models.bulkAdd([
    { id: 'e5', task: 'embed', state: 'ready', loaded: 1, total: 1, updatedAt: 1 },
    { id: 'qwen', task: 'generate', state: 'loading', loaded: 40, total: 100, updatedAt: 1 },
  ]);
  await d.sources.bulkAdd(
    [1, 2, 3].map((n) => ({
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
      savedAt: NOW,
      lastSeenAt: NOW,
      seenCount: 1,
      outLinks: [],
    })),
  );
  render(h(Chat, { layout: 'popup' }), app);
  await vi.waitFor(() => expect($$('[data-testid="message"]')).toHaveLength(3));
});

describe('Chat', () => {
  it('opens on the most recently updated conversation, in order', () => {
    const messages = $$('[data-testid="message"]');
    expect(messages.map((m) => m.getAttribute('data-role'))).toEqual([
      'user',
      'assistant',
      'assistant',
    ]);
    expect(messages.map((m) => m.getAttribute('data-status'))).toEqual([
      'done',
      'done',
      'searching',
    ]);
    expect(messages[1]?.getAttribute('data-mode')).toBe('extractive');
    expect($('[data-testid="mode-label"]')?.textContent).toBe(
      'From your saved pages (no language model yet)',
    );
  });

  it('renders the answer as text, with chips only for known citations', () => {
    const answer = $('[data-testid="answer-text"]');
    expect(answer?.querySelector('img')).toBeNull();
    expect(answer?.textContent).toBe(
      'Futures are lazy [1][2]. <img src=x onerror="alert(1)"> xs[0]',
    );
    const chips = $$('[data-testid="citation-chip"]');
    expect(chips.map((c) => c.getAttribute('data-n'))).toEqual(['1', '2']);
  });

  it('lists citations with title, site and saved time', () => {
    const items = $$('[data-testid="citation"]');
    expect(items.map((c) => c.getAttribute('data-source-id'))).toEqual(['src_1', 'src_2']);
    expect(items[0]?.getAttribute('data-n')).toBe('1');
    expect(items[0]?.querySelector('[data-testid="citation-title"]')?.textContent).toBe('Page 1');
    expect(items[0]?.textContent).toContain('example.com · 3 days ago');
    expect(items[0]?.textContent).toContain('Passage 1');
  });

  it('opens only http(s) citations, in a new tab', () => {
    const [first, second] = $$('[data-testid="citation"]');
    fire(first!, 'click');
    expect(fake.create).toHaveBeenCalledWith({ url: 'https://example.com/1#:~:text=Passage' });
    expect(second?.hasAttribute('disabled')).toBe(true);
    fire($$('[data-testid="citation-chip"]')[1]!, 'click');
    expect(fake.create).toHaveBeenCalledTimes(1);
  });

  it('shows progress words while an answer is being found, then follows the stream', async () => {
    const working = $$('[data-testid="message"]')[2]!;
    expect(working.getAttribute('aria-busy')).toBe('true');
    expect(working.querySelector('[data-testid="progress"]')?.textContent).toBe(
      'Loading the language model… 40%',
    );
    await db().messages.update('a2', { status: 'generating', text: 'Streaming' });
    await vi.waitFor(() =>
      expect($$('[data-testid="answer-text"]')[1]?.textContent).toBe('Streaming'),
    );
    expect(working.querySelector('[data-testid="progress"]')).toBeNull();
    // The best passages are on screen while the model reads its prompt: the wait is said below.
    const waitWords = en.answerWritingSeconds.message.replace('$WAIT$', '25');
    await db().messages.update('a2', {
      mode: 'extractive',
      text: 'Futures are lazy [1].',
      progress: waitWords,
    });
    await vi.waitFor(() =>
      expect(working.querySelector('[data-testid="progress"]')?.textContent).toBe(
        'Writing… the first words in about 25 s',
      ),
    );
    expect($$('[data-testid="answer-text"]')[1]?.textContent).toBe('Futures are lazy [1].');
    await db().messages.update('a2', { status: 'error', error: 'model crashed' });
    await vi.waitFor(() =>
      expect($('[data-testid="answer-error"]')?.textContent).toContain('model crashed'),
    );
    expect(working.querySelector('[data-testid="progress"]')).toBeNull();
  });

  it('shows memory count, model status and shortcut, and warms the engine', async () => {
    await vi.waitFor(() =>
      expect($('[data-testid="memory-count"]')?.textContent).toBe('3 memories'),
    );
    expect($('[data-testid="model-status"]')?.textContent).toBe(
      'Embedding model ready · Language model loading 40%',
    );
    await vi.waitFor(() => expect($('[data-testid="shortcut"]')?.textContent).toBe('Alt+Shift+S'));
    expect(fake.sendMessage).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'engine/ensure', payload: {} }),
    );
  });

  it('asks in the open conversation on Enter, and clears on Escape', async () => {
    const box = $('[data-testid="question"]') as HTMLTextAreaElement;
    const ask = $('[data-testid="ask"]')!;
    expect(ask.hasAttribute('disabled')).toBe(true);
    box.value = '  what did I read?  ';
    fire(box, 'input');
    await vi.waitFor(() => expect(ask.hasAttribute('disabled')).toBe(false));
    fire(box, 'keydown', { key: 'Enter', shiftKey: true, isComposing: false });
    expect(fake.sendMessage).not.toHaveBeenCalledWith(
      expect.objectContaining({ type: 'chat/ask' }),
    );
    fire(box, 'keydown', { key: 'Enter', shiftKey: false, isComposing: false });
    await vi.waitFor(() =>
      expect(fake.sendMessage).toHaveBeenCalledWith(
        expect.objectContaining({
          type: 'chat/ask',
          payload: { conversationId: 'c2', question: 'what did I read?' },
        }),
      ),
    );
    await vi.waitFor(() => expect(box.value).toBe(''));
    box.value = 'draft';
    fire(box, 'input');
    fire(box, 'keydown', { key: 'Escape', shiftKey: false, isComposing: false });
    await vi.waitFor(() => expect(box.value).toBe(''));
  });

  it('starts a new conversation after New chat', async () => {
    fire($('[data-testid="new-chat"]')!, 'click');
    await vi.waitFor(() => expect($$('[data-testid="message"]')).toHaveLength(0));
    const box = $('[data-testid="question"]') as HTMLTextAreaElement;
    box.value = 'fresh';
    fire(box, 'input');
    await vi.waitFor(() => expect($('[data-testid="ask"]')?.hasAttribute('disabled')).toBe(false));
    fire($('form.composer')!, 'submit');
    await vi.waitFor(() =>
      expect(fake.sendMessage).toHaveBeenCalledWith(
        expect.objectContaining({ type: 'chat/ask', payload: { question: 'fresh' } }),
      ),
    );
  });

  it('remembers the active tab and shows what was saved', async () => {
    fake.sendMessage.mockImplementation((m) => {
      const { type, payload } = m as { type: string; payload: unknown };
      if (type === 'capture/active-tab') {
        expect(payload).toEqual({ tabId: 7 });
        return Promise.resolve({
          ok: true,
          value: { sourceId: 'src_9', title: 'Rust async book' },
        });
      }
      return Promise.resolve({ ok: true, value: {} });
    });
    fire($('[data-testid="remember"]')!, 'click');
    await vi.waitFor(() =>
      expect($('[data-testid="remember-result"]')?.textContent).toBe('Saved: Rust async book'),
    );
  });

  it('shows why a page could not be remembered', async () => {
    fake.sendMessage.mockResolvedValue({ ok: false, error: 'This page cannot be read' });
    fire($('[data-testid="remember"]')!, 'click');
    await vi.waitFor(() =>
      expect($('[data-testid="remember-result"]')?.textContent).toBe(
        'Not saved: This page cannot be read',
      ),
    );
  });
});

describe('the language of the chat', () => {
  afterEach(() => setMessageSource(tableSource(en)));

  const rerender = async () => {
    render(null, app);
    render(h(Chat, { layout: 'popup' }), app);
    await vi.waitFor(() => expect($$('[data-testid="message"]').length).toBeGreaterThan(0));
  };

  it('labels the answer to a Chinese question in Chinese, in an English interface', async () => {
    await db().conversations.add({ id: 'c3', title: '潮汐', createdAt: NOW, updatedAt: NOW });
    await db().messages.bulkAdd([
      message({ id: 'zq', role: 'user', conversationId: 'c3', text: '大潮低潮是什么时候？' }),
      message({
        id: 'za',
        role: 'assistant',
        conversationId: 'c3',
        replyTo: 'zq',
        text: '低潮在早上 [1]。',
        mode: 'extractive',
        citations: [citation(1)],
        createdAt: NOW + 1,
      }),
    ]);
    await rerender();
    await vi.waitFor(() => expect($$('[data-testid="message"]')).toHaveLength(2));
    expect($('[data-testid="mode-label"]')?.textContent).toBe(
      '摘自你保存的网页（语言模型尚未就绪）',
    );
    expect($('[data-testid="citation"]')?.textContent).toContain('example.com · 3 天前');
    expect($('[data-testid="citation-chip"]')?.getAttribute('aria-label')).toBe('来源 1：Page 1');
    expect($('.citations')?.getAttribute('aria-label')).toBe('来源');
    // The rest of the interface stays in the browser's language.
    expect($('[data-testid="question"]')?.getAttribute('placeholder')).toBe(
      'Ask your memory… (e.g. what did I read about…)',
    );
    expect($('[data-testid="new-chat"]')?.textContent).toBe('New chat');
  });

  it('labels the answer to an English question in English, in a Chinese interface', async () => {
    setMessageSource(tableSource(zhCN));
    await rerender();
    expect($('[data-testid="question"]')?.getAttribute('placeholder')).toBe(
      '问问你的记忆…（例如：我读过关于…的什么内容）',
    );
    expect($('[data-testid="new-chat"]')?.textContent).toBe('新对话');
    expect($('[data-testid="ask"]')?.textContent).toBe('提问');
    expect($('[data-testid="mode-label"]')?.textContent).toBe(
      'From your saved pages (no language model yet)',
    );
    expect($('[data-testid="citation"]')?.textContent).toContain('example.com · 3 days ago');
    await vi.waitFor(() => expect($('[data-testid="memory-count"]')?.textContent).toBe('3 条记忆'));
  });
});
