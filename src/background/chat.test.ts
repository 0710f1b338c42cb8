/**
 * The chat's own replies are in the question's language, whatever the browser speaks: a note is
 * acknowledged in it, and so is an engine that is not up yet.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../shared/db';
import { getMessage } from '../shared/store/conversations';
import { ask } from './chat';

vi.mock('./engine-gateway', () => ({
  wakeEngine: vi.fn(() => Promise.resolve()),
  sendToEngine: vi.fn(() => Promise.reject(new Error('Receiving end does not exist'))),
}));
vi.spyOn(console, 'warn').mockImplementation(() => undefined);

const reply = async (question: string) => {
  const { messageId } = await ask({ question });
  return vi.waitFor(async () => {
    const message = await getMessage(db(), messageId);
    if (!message?.text && !message?.progress) throw new Error('not yet');
    return message;
  });
};

describe('chat replies', () => {
  it('acknowledges a note in its language, new or already kept', async () => {
    expect((await reply('remember the kettle is descaled')).text).toBe(
      "Noted. I'll remember: “the kettle is descaled”",
    );
    expect((await reply('remember the kettle is descaled')).text).toBe(
      'I already had that one: “the kettle is descaled”',
    );
    expect((await reply('记住 周五交房租')).text).toBe('记住了：“周五交房租”');
    expect((await reply('记住 周五交房租')).text).toBe('这条已经记着了：“周五交房租”');
  });

  it('says the engine is starting in the question’s language', async () => {
    expect((await reply('what did I read about tea?')).progress).toBe(
      'Starting the engine… your answer will appear here.',
    );
    expect((await reply('我读过关于茶的什么？')).progress).toBe('正在启动引擎……回答将显示在这里。');
  });
});
