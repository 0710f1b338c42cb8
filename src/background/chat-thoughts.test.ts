/**
 * The user's own thoughts in the chat are memory (issue 15): a statement is kept as `said` with
 * its conversation and acknowledged briefly; a note keeps the page open beside the composer where
 * the capture policy allows it; deleting the conversation forgets what was said in it.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../shared/db';
import { deleteConversation, getMessage } from '../shared/store/conversations';
import { storeCapture } from '../shared/store/sources';
import { ask } from './chat';
import { sendToEngine } from './engine-gateway';

vi.mock('./engine-gateway', () => ({
  wakeEngine: vi.fn(() => Promise.resolve()),
  sendToEngine: vi.fn(() => Promise.resolve({})),
}));

const tabs: Record<number, chrome.tabs.Tab> = {};
vi.stubGlobal('chrome', {
  tabs: {
    get: vi.fn((id: number) => Promise.resolve(tabs[id] ?? Promise.reject(new Error('No tab')))),
  },
});
const tab = (id: number, url: string, title: string, incognito = false) => {
  tabs[id] = { id, url, title, incognito } as chrome.tabs.Tab;
  return id;
};

const done = async (messageId: string) =>
  vi.waitFor(async () => {
    const message = await getMessage(db(), messageId);
    if (message?.status !== 'done') throw new Error('not yet');
    return message;
  });

beforeEach(async () => {
  vi.mocked(sendToEngine).mockClear();
  await Promise.all(
    [db().messages, db().conversations, db().sources, db().links, db().jobs].map((t) => t.clear()),
  );
});
afterAll(() => db().close());

describe('a statement typed in the chat', () => {
  it('is kept as said, with its conversation and message, and acknowledged without a search', async () => {
    const { conversationId, messageId } = await ask({ question: "My sister's birthday is 12 May" });
    expect((await done(messageId)).text).toBe('Got it. I’ll remember that.');
    const [kept, ...more] = await db().sources.toArray();
    expect(more).toEqual([]);
    expect(kept).toMatchObject({
      kind: 'said',
      text: "My sister's birthday is 12 May",
      origin: 'chat',
    });
    expect(kept?.said?.conversationId).toBe(conversationId);
    const question = await getMessage(db(), kept?.said?.messageId ?? '');
    expect(question?.text).toBe("My sister's birthday is 12 May");
    expect(sendToEngine).not.toHaveBeenCalled();
  });

  it('is acknowledged in Chinese when said in Chinese', async () => {
    const { messageId } = await ask({ question: '我下周三去上海出差' });
    expect((await done(messageId)).text).toBe('好，我记下了。');
  });

  it('a question is answered, not kept', async () => {
    await ask({ question: "When is my sister's birthday?" });
    expect(await db().sources.count()).toBe(0);
    expect(sendToEngine).toHaveBeenCalledOnce();
  });

  it('keeps no secret', async () => {
    const token = `ghp_${'a1B2c3D4e5'.repeat(3)}x9Y8z7`;
    const { messageId } = await ask({ question: `My deploy token is ${token}` });
    await done(messageId);
    expect(JSON.stringify(await db().sources.toArray())).not.toContain(token);
  });

  it('is forgotten with its conversation, and only with its own', async () => {
    const first = await ask({ question: 'I prefer the second design' });
    const second = await ask({ question: 'I prefer the second design' });
    await Promise.all([done(first.messageId), done(second.messageId)]);
    expect(await db().sources.count()).toBe(2);
    await deleteConversation(db(), first.conversationId);
    const left = await db().sources.toArray();
    expect(left.map((s) => s.said?.conversationId)).toEqual([second.conversationId]);
  });
});

describe('a note typed with a page open', () => {
  it('keeps the page in its text and row, and links to the page’s source in memory', async () => {
    const url = 'https://news.example.com/sodium';
    const { sourceId: pageId } = await storeCapture(
      db(),
      {
        mode: 'page',
        url,
        title: 'Sodium batteries',
        text: 'Sodium cells.',
        links: [],
        extractor: 'readability',
      },
      'shortcut',
    );
    const tabId = tab(4, url, 'Sodium batteries are coming');
    const { messageId } = await ask({ question: 'remember heat store idea', tabId });
    await done(messageId);
    const noted = (await db().sources.where('kind').equals('note').toArray())[0];
    expect(noted?.notedOn).toEqual({ url, title: 'Sodium batteries are coming' });
    expect(noted?.text).toBe(
      `heat store idea\n\nNoted while on the page “Sodium batteries are coming” (${url})`,
    );
    expect(await db().links.toArray()).toEqual([{ fromId: noted?.id, toId: pageId, kind: 'note' }]);
  });

  it.each([
    ['an incognito tab', tab(5, 'https://news.example.com/a', 'Private', true)],
    ['a browser page', tab(6, 'chrome://settings/', 'Settings')],
    ['a blocked local address', tab(7, 'http://127.0.0.1:8080/admin', 'Router')],
    ['a tab that is gone', 99],
  ])('keeps no page from %s', async (_, tabId) => {
    const { messageId } = await ask({ question: 'remember buy seeds', tabId });
    await done(messageId);
    const noted = (await db().sources.toArray())[0];
    expect(noted?.notedOn).toBeUndefined();
    expect(noted?.text).toBe('buy seeds');
  });
});
