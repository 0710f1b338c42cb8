/**
 * Three projects: `unit` (pure logic and storage, in Node), `scale` (10k sources through the real
 * storage path, in Node: a minute or two, so apart from the quick unit loop) and `e2e` (the built
 * extension in real Chromium; run after `npm run build:fixtures` and `npm run build:hosted`).
 * Benchmarks are scripts, never timed tests.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // As the packaged fixtures build (vite.config.ts).
  define: {
    __ENGRAM_FIXTURE_MODELS__: 'true',
    __ENGRAM_MODEL_SOURCE__: '"packaged"',
    __ENGRAM_DEFAULT_MODEL_HOST__: '"https://huggingface.co/"',
    __ENGRAM_DOWNLOAD_CHUNK_BYTES__: String(8 * 1024 * 1024),
    __ENGRAM_MODEL_DOWNLOADS__: '"allowed"',
    __ENGRAM_VERSION__: '"test"',
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          setupFiles: ['tests/setup/fast-check.ts', 'tests/setup/i18n.ts'],
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/scale/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'scale',
          setupFiles: ['tests/setup/fast-check.ts', 'tests/setup/i18n.ts'],
          include: ['tests/scale/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
