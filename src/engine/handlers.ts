/**
 * The engine's handler table: one handler for each message the protocol sends to the engine (a
 * missing one is a type error). Handlers wait for the engine to be ready; answers and indexing run
 * on after the reply, their progress in IndexedDB. Apart from main.ts so that the receiving path
 * can be tested with the real handlers (tests/protocol/hostile-messages.test.ts).
 */
import { decodePcm16, MAX_SAMPLES } from '../core/audio/pcm16';
import { db } from '../shared/db';
import type { HandlersFor } from '../shared/messaging';
import type { Engine } from './engine';
import { forget } from './index/forget';
import { librarySearch } from './index/library-search';
import { readPdf } from './ingest/pdf-fetch';
import { holdLifeline } from './lifeline';
import { modelHandlers } from './models/model-handlers';

export function engineHandlers(ready: Promise<Engine>): HandlersFor<'engine'> {
  return {
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
    'engine/stop': async ({ messageId }) => {
      return { stopped: await (await ready).answerer.stop(messageId) };
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
    'library/search': async (request) => {
      const engine = await ready;
      return librarySearch(db(), engine.index, engine.embedder, request, engine.ingestor.known);
    },
    'voice/transcribe': async ({ audio, language }) => {
      const samples = decodePcm16(audio);
      if (samples.length > MAX_SAMPLES) throw new Error('Audio longer than 30 s');
      const engine = await ready;
      return { text: await engine.transcriber.transcribe(samples, language) };
    },
  };
}
