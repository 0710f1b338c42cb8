/**
 * The chat's question and the "Noted" echo never keep a secret the note itself would not (issue
 * 11): what the user types goes through the redactor before anything is stored.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../shared/db';
import { ask } from './chat';

vi.mock('./engine-gateway', () => ({
  sendToEngine: vi.fn(() => Promise.resolve({})),
  wakeEngine: vi.fn(() => Promise.resolve()),
}));

const TOKEN = `ghp_${'a1B2c3D4e5'.repeat(3)}x9Y8z7`;

beforeEach(async () => {
  await Promise.all([db().messages.clear(), db().conversations.clear(), db().sources.clear()]);
});
afterAll(() => db().close());

/** Every string stored by the chat: messages, conversation titles and sources. */
async function everythingStored(): Promise<string> {
  const [messages, conversations, sources] = await Promise.all([
    db().messages.toArray(),
    db().conversations.toArray(),
    db().sources.toArray(),
  ]);
  return JSON.stringify([messages, conversations, sources]);
}

describe('chat/ask', () => {
  it('a quick note with a secret: redacted in the note, the question and the echo', async () => {
    const { messageId } = await ask({ question: `remember the deploy token is ${TOKEN}` });
    await vi.waitFor(async () => expect((await db().messages.get(messageId))?.status).toBe('done'));
    const stored = await everythingStored();
    expect(stored).not.toContain(TOKEN);
    expect(stored).toContain('the deploy token is');
    const echo = (await db().messages.get(messageId))?.text ?? '';
    expect(echo).toMatch(/the deploy token is/);
  });

  it('a question with a secret is stored redacted too', async () => {
    await ask({ question: `what did I use ${TOKEN} for?` });
    const stored = await everythingStored();
    expect(stored).not.toContain(TOKEN);
    expect(stored).toContain('what did I use');
  });
});
