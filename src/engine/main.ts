/**
 * The offscreen document's entry. The listener is registered at once; handlers wait for the engine
 * to be ready. Answers and indexing run on after the reply: their progress is in IndexedDB.
 */
import browser from 'webextension-polyfill';
import { createReceiver } from '../shared/messaging';
import { Engine } from './engine';
import { modelHandlers, watchModelConditions } from './models/model-handlers';
import { forget } from './index/forget';
import { readPdf } from './ingest/pdf-fetch';
import { holdLifeline } from './lifeline';

const ready = Engine.start();
ready.catch((error: unknown) => console.error('Engram: the engine failed to start:', error));
watchModelConditions(ready);

browser.runtime.onMessage.addListener(
  createReceiver('engine', {
    ...modelHandlers(ready),
    'engine/ingest': async () => {
      void (await ready).ingestor.kick();
      return {};
    },
    'engine/answer': async ({ messageId }) => {
      holdLifeline(); // If the engine dies answering, the worker starts it again to resume.
      void (await ready).answerer.answer(messageId);
      return {};
    },
    'engine/status': async () => {
      return (await ready).status();
    },
    // PDFs are read apart from the engine's models and indexes: no need to wait for them.
    'engine/pdf-text': async (request) => {
      const pdf = await readPdf(request);
      return { ...pdf, title: pdf.title.slice(0, 2_000) };
    },
    'memory/forget': async (request) => {
      const engine = await ready;
      return forget(engine.index, request);
    },
  }),
);
