import { expect, test } from 'vitest';
import { DownloadProgress, type ModelProgress } from './download-progress';
import type { ModelFileRef } from './model-url';

const model = 'org/model';
const ref = (file: string): ModelFileRef => ({
  url: `https://hub.example/${model}/resolve/main/${file}`,
  model,
  revision: 'main',
  file,
});

test('a file of unknown size never makes the model read as complete before it is', () => {
  const reports: ModelProgress[] = [];
  let now = 0;
  const progress = new DownloadProgress(
    (p) => reports.push(p),
    0,
    () => now,
  );
  progress.start(ref('config.json'), 0, 100);
  progress.advance(ref('config.json'), 100);
  progress.finish(ref('config.json'));
  // The weights start before the host has said how big they are.
  progress.start(ref('onnx/model.onnx'), 0, null);
  const starting = reports.at(-1)!;
  expect(starting.loaded).toBeLessThan(starting.total);
  expect(starting.percent).toBeLessThan(100);
  expect(starting.done).toBe(false);
  // The first response says the size: the total is the real one from then on.
  progress.size(ref('onnx/model.onnx'), 900);
  now += 1;
  progress.advance(ref('onnx/model.onnx'), 450);
  expect(reports.at(-1)).toMatchObject({ loaded: 550, total: 1000, percent: 55, done: false });
  progress.advance(ref('onnx/model.onnx'), 450);
  progress.finish(ref('onnx/model.onnx'));
  expect(reports.at(-1)).toMatchObject({ loaded: 1000, total: 1000, percent: 100, done: true });
});

test('a resumed file of unknown size counts the bytes it kept, and still one more to come', () => {
  const reports: ModelProgress[] = [];
  const progress = new DownloadProgress((p) => reports.push(p), 0);
  progress.start(ref('onnx/model.onnx'), 300, null);
  expect(reports.at(-1)).toMatchObject({ loaded: 300, total: 301, done: false });
});
