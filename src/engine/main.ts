/**
 * The offscreen document's entry. The listener is registered at once; handlers wait for the engine
 * to be ready. Answers and indexing run on after the reply: their progress is in IndexedDB.
 */
import browser from 'webextension-polyfill';
import { createReceiver } from '../shared/messaging';
import { Engine } from './engine';

const engine = new Engine();
const ready = engine.start();
ready.catch((error: unknown) => console.error('Engram: the engine failed to start:', error));

browser.runtime.onMessage.addListener(
  createReceiver('engine', {
    'engine/ingest': async () => {
      await ready;
      void engine.ingestor.kick();
      return {};
    },
    'engine/answer': async ({ messageId }) => {
      await ready;
      void engine.answerer.answer(messageId);
      return {};
    },
    'engine/status': async () => {
      await ready;
      return engine.status();
    },
  }),
);
