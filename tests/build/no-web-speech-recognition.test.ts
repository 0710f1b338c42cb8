/**
 * Speech is recognised on the device only (issue 15): no code of Engram's, and no bundle of a
 * build in dist/, uses the browser's Web Speech recognition (`SpeechRecognition`,
 * `webkitSpeechRecognition`), which sends the audio to a server. transformers.js's
 * `AutomaticSpeechRecognitionPipeline` is the on-device model and is not matched.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const SERVER_RECOGNITION = /\b(?:webkit)?SpeechRecognition\b/;

/** Files under `dir` whose names end with one of `extensions`. */
function filesIn(dir: string, extensions: readonly string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .map((name) => join(dir, name));
}

const using = (files: readonly string[]) =>
  files
    .filter((file) => SERVER_RECOGNITION.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file));

/** The builds in dist/ (dist/ itself for `npm run build`, and each test build's folder). */
const bundles = filesIn(join(root, 'dist'), ['.js', '.mjs', '.html']);

describe("the browser's server speech recognition", () => {
  test('the pattern tells the browser API from the on-device pipeline', () => {
    expect(SERVER_RECOGNITION.test('new webkitSpeechRecognition()')).toBe(true);
    expect(SERVER_RECOGNITION.test('window.SpeechRecognition ?? x')).toBe(true);
    expect(SERVER_RECOGNITION.test('AutomaticSpeechRecognitionPipeline')).toBe(false);
  });

  test('is used by no source file', () => {
    expect(using(filesIn(join(root, 'src'), ['.ts', '.tsx']))).toEqual([]);
  });

  // Bundles hold the libraries too; built by `npm run build` or the e2e builds.
  test.skipIf(bundles.length === 0)('is used by no bundle in dist/', () => {
    expect(using(bundles)).toEqual([]);
  });
});
