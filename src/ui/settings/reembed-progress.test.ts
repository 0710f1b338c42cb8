import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { EngineStatus } from '../../shared/protocol';
import { GraphBackfillProgress } from './graph-backfill-progress';
import { ReembedProgress } from './reembed-progress';

const fake = { status: undefined as EngineStatus | undefined };

const base: EngineStatus = {
  embedder: { state: 'ready', model: 'engram/glove-100d-static' },
  generator: { state: 'ready', model: 'engram/tiny-gpt' },
  sources: 3,
  chunks: 1234,
  pendingJobs: 0,
};
const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
const app = document.getElementById('app') as unknown as HTMLElement;
beforeAll(() => vi.stubGlobal('document', document));
afterAll(() => vi.unstubAllGlobals());

// Preact runs effects after the next frame, or 100 ms without requestAnimationFrame.
const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

it('shows how far re-embedding has come, and nothing when none runs', async () => {
  fake.status = {
    ...base,
    reembedding: { model: 'Xenova/multilingual-e5-small', done: 617, total: 1234 },
  };
  render(h(ReembedProgress, { engine: fake.status }), app);
  await settle();
  const note = app.querySelector('[data-testid="reembed-progress"]');
  expect(note?.getAttribute('role')).toBe('status');
  expect(note?.textContent).toContain('617 of 1,234 passages (50%)');
  expect(note?.textContent).toMatch(/Multilingual E5|multilingual-e5/i);
  expect(note?.querySelector('progress')?.getAttribute('value')).toBe('617');
  render(null, app);

  fake.status = base;
  render(h(ReembedProgress, { engine: fake.status }), app);
  await settle();
  expect(app.querySelector('[data-testid="reembed-progress"]')).toBeNull();
  render(null, app);
});

// The graph backfill's note sits beside re-embedding's on the models panel (issue 14).
it('shows how many older pages the graph backfill has looked at, and nothing when none runs', async () => {
  render(
    h(GraphBackfillProgress, { engine: { ...base, graphBackfill: { done: 120, total: 3_400 } } }),
    app,
  );
  await settle();
  const note = app.querySelector('[data-testid="graph-backfill-progress"]');
  expect(note?.getAttribute('role')).toBe('status');
  expect(note?.textContent).toContain('120 of 3,400 pages');
  expect(note?.querySelector('progress')?.getAttribute('value')).toBe('120');
  render(null, app);

  render(h(GraphBackfillProgress, { engine: base }), app);
  await settle();
  expect(app.querySelector('[data-testid="graph-backfill-progress"]')).toBeNull();
  render(null, app);
});
