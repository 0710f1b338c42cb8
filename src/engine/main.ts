/**
 * The offscreen document's entry. The listener is registered at once; handlers wait for the engine
 * to be ready (./handlers.ts).
 */
import browser from 'webextension-polyfill';
import { createReceiver } from '../shared/messaging';
import { Engine } from './engine';
import { engineHandlers } from './handlers';
import { watchModelConditions } from './models/model-handlers';

const ready = Engine.start();
ready.catch((error: unknown) => console.error('Engram: the engine failed to start:', error));
watchModelConditions(ready);

browser.runtime.onMessage.addListener(createReceiver('engine', engineHandlers(ready)));
