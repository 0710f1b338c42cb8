/**
 * One `vite build` makes the whole extension in dist/chrome:
 * - sw.js: the service worker, an ES module with a fixed name (the manifest points at it);
 * - popup.html, sidepanel.html, offscreen.html, settings.html, welcome.html, library.html,
 *   graph.html and their hashed assets;
 * - content.js: a classic IIFE script (content scripts cannot be modules), built in a second pass;
 * - manifest.json from the top-level source, the icons from public/, and the ONNX Runtime WASM
 *   files, unhashed, because the engine names them with chrome.runtime.getURL (nothing executable is
 *   ever fetched from the network).
 * Test flavours, both defaulting to the project's small fixture models (tests/fixtures/models):
 * - `ENGRAM_FIXTURE_MODELS=1` (dist/chrome-fixtures) packages them: nothing is downloaded;
 * - `ENGRAM_FIXTURE_MODELS=hosted` (dist/chrome-hosted) packages none and downloads them through
 *   the model store from a model host on 127.0.0.1 (tests/fixtures/model-host.ts), in 1 MiB
 *   chunks so that a resume is observable.
 * `ENGRAM_MODEL_HOST` sets the default model host of a build that downloads (the hub, or
 * http://127.0.0.1:47831/ for the hosted flavour); the modelHost setting still overrides it.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import { extensionPagesCsp, isAllowedModelHost } from './src/shared/model-hosts';

const root = import.meta.dirname;
const MiB = 1024 * 1024;

/** The flavour `ENGRAM_FIXTURE_MODELS` asks for: unset (or 0) is the shipped build. */
function flavourOf(value: string | undefined): 'shipped' | 'packaged' | 'hosted' {
  if (value === undefined || value === '' || value === '0') return 'shipped';
  if (value === '1') return 'packaged';
  if (value === 'hosted') return 'hosted';
  throw new Error(`ENGRAM_FIXTURE_MODELS must be 1 or hosted, not "${value}"`);
}

/** The default model host baked into a build that downloads: an http(s) URL ending in `/`. */
function modelHostOf(value: string | undefined, fallback: string): string {
  if (value === undefined || value === '') return fallback;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new Error(`ENGRAM_MODEL_HOST must be an http(s) URL, not "${value}"`);
  }
  // The CSP would block downloads from any other host (src/shared/model-hosts.ts).
  if (!isAllowedModelHost(url.href)) {
    throw new Error(
      `ENGRAM_MODEL_HOST must be a host of src/shared/model-hosts.ts, not "${value}"`,
    );
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * The modelDownloads setting's default per flavour: the shipped build asks before downloading
 * (issue 10); the packaged build has nothing to download, and the hosted one exists to test
 * downloads (tests/e2e/downloads.e2e.test.ts), so both start allowed.
 */
export function modelDownloadsFor(
  buildFlavour: 'shipped' | 'packaged' | 'hosted',
): 'ask' | 'allowed' {
  return buildFlavour === 'shipped' ? 'ask' : 'allowed';
}

const flavour = flavourOf(process.env.ENGRAM_FIXTURE_MODELS);
/** The fixture models are the defaults (packaged or hosted). */
const fixtures = flavour !== 'shipped';

const define = {
  __ENGRAM_FIXTURE_MODELS__: JSON.stringify(fixtures),
  __ENGRAM_MODEL_SOURCE__: JSON.stringify(flavour === 'packaged' ? 'packaged' : 'host'),
  __ENGRAM_DEFAULT_MODEL_HOST__: JSON.stringify(
    modelHostOf(
      process.env.ENGRAM_MODEL_HOST,
      flavour === 'hosted' ? 'http://127.0.0.1:47831/' : 'https://huggingface.co/',
    ),
  ),
  __ENGRAM_DOWNLOAD_CHUNK_BYTES__: JSON.stringify(flavour === 'hosted' ? 1 * MiB : 8 * MiB),
  __ENGRAM_MODEL_DOWNLOADS__: JSON.stringify(modelDownloadsFor(flavour)),
  __ENGRAM_VERSION__: JSON.stringify(
    (JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as { version: string })
      .version,
  ),
};

/** The standalone ONNX Runtime files transformers.js loads at run time (see MODELS.md). */
export const ORT_FILES = [
  'ort-wasm-simd-threaded.asyncify.mjs',
  'ort-wasm-simd-threaded.asyncify.wasm',
];

function ortDistDir(): string {
  // onnxruntime-web's package.json is not exported: resolve its entry from transformers.js's side.
  const require = createRequire(import.meta.url);
  const transformers = dirname(require.resolve('@huggingface/transformers'));
  return dirname(require.resolve('onnxruntime-web', { paths: [transformers] }));
}

/**
 * The shipped manifest is the top-level manifest.json as it is. The test flavours may also
 * script pages on 127.0.0.1: tests fire the context-menu listener directly (headless Chromium
 * opens no menu), and a dispatched event grants no activeTab. The shortcut test uses `localhost`,
 * which this does not cover, so it still proves the real activeTab path. The extension pages' CSP
 * is written from src/shared/model-hosts.ts.
 */
function manifestFor(fixtureFlavour: boolean): object {
  const manifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  if (fixtureFlavour) manifest.host_permissions = ['http://127.0.0.1/*'];
  // One list of hosts for the CSP and the settings page (tests/build/csp.test.ts keeps the
  // top-level manifest.json in step with it).
  manifest.content_security_policy = { extension_pages: extensionPagesCsp() };
  return manifest;
}

/**
 * What a dynamic import preloads besides its CSS: the library's page (loaded by its entry right
 * after the entry starts its first read, src/ui/library/main.tsx) fetches its whole static graph
 * at once rather than level by level (issue 12: first items on screen ≤ 300 ms).
 */
function preloadsFor(file: string, deps: string[]): string[] {
  if (/(?:^|\/)show-library-[\w-]+\.js$/.test(file)) return deps;
  return deps.filter((dep) => dep.endsWith('.css'));
}

/** Page entries live beside their code; the extension wants them at the top of dist. */
const PAGES: Record<string, string> = {
  popup: 'src/ui/popup/index.html',
  sidepanel: 'src/ui/sidepanel/index.html',
  offscreen: 'src/engine/offscreen.html',
  settings: 'src/ui/settings/index.html',
  welcome: 'src/ui/welcome/index.html',
  library: 'src/ui/library/index.html',
  graph: 'src/ui/graph/index.html',
  voice: 'src/ui/voice/index.html',
};

function extensionFiles(dest: () => string): Plugin {
  return {
    name: 'engram-extension-files',
    apply: 'build',
    async closeBundle() {
      const out = dest();
      // Asset URLs are absolute (base '/'), so the pages can move without rewriting them.
      for (const [name, page] of Object.entries(PAGES)) {
        renameSync(resolve(out, page), resolve(out, `${name}.html`));
      }
      rmSync(resolve(out, 'src'), { recursive: true, force: true });
      writeFileSync(resolve(out, 'manifest.json'), JSON.stringify(manifestFor(fixtures), null, 2));
      for (const file of ORT_FILES) cpSync(resolve(ortDistDir(), file), resolve(out, file));
      if (flavour === 'packaged') {
        const models = resolve(root, 'tests/fixtures/models');
        if (!existsSync(models))
          throw new Error('Fixture models are missing: npm run models:fixtures');
        cpSync(models, resolve(out, 'models'), { recursive: true });
      }
      await buildContentScript(out);
    },
  };
}

/** The content script: one classic script, no imports, as small as we can keep it. */
async function buildContentScript(out: string): Promise<void> {
  const tmp = resolve(out, '.content-build');
  await build({
    configFile: false,
    logLevel: 'warn',
    define,
    plugins: [localeTables()],
    build: {
      outDir: tmp,
      emptyOutDir: true,
      minify: true,
      sourcemap: false,
      lib: {
        entry: resolve(root, 'src/content/index.ts'),
        formats: ['iife'],
        name: 'engramContent',
        fileName: () => 'content.js',
      },
    },
  });
  mkdirSync(out, { recursive: true });
  renameSync(resolve(tmp, 'content.js'), resolve(out, 'content.js'));
  rmSync(tmp, { recursive: true, force: true });
}

export default defineConfig(({ mode }) => {
  let resolvedOutDir = resolve(root, 'dist/chrome');
  return {
    root,
    base: '/',
    define,
    publicDir: 'public',
    resolve: {
      // Use the standalone ORT WASM files copied above instead of the copy Vite would inline and
      // hash from the bundled build (MODELS.md: the inlined copy breaks ORT's worker start).
      conditions: ['onnxruntime-web-use-extern-wasm', 'module', 'browser', mode],
    },
    build: {
      outDir: 'dist/chrome',
      emptyOutDir: true,
      target: 'chrome116',
      // No preload polyfill (Chromium has modulepreload). Module preloads only where a page asks
      // (preloadsFor): elsewhere a dynamic import waits for its CSS alone, as it always did.
      modulePreload: { polyfill: false, resolveDependencies: preloadsFor },
      sourcemap: false,
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        input: {
          sw: resolve(root, 'src/background/index.ts'),
          ...Object.fromEntries(Object.entries(PAGES).map(([n, p]) => [n, resolve(root, p)])),
        },
        output: {
          entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
        },
      },
    },
    plugins: [
      {
        name: 'engram-out-dir',
        configResolved(config) {
          resolvedOutDir = resolve(config.root, config.build.outDir);
        },
      },
      extensionFiles(() => resolvedOutDir),
      localeTables(),
    ],
  };
});

/**
 * The locale files bundled as fallback tables (src/shared/locale-tables.ts) need only the words:
 * the notes for translators stay in _locales.
 */
function localeTables(): Plugin {
  return {
    name: 'engram-locale-tables',
    enforce: 'pre',
    transform(code, id) {
      if (!/_locales[\\/][\w-]+[\\/]messages\.json$/.test(id)) return null;
      const table = JSON.parse(code) as Record<string, Record<string, unknown>>;
      const words = Object.fromEntries(
        Object.entries(table).map(([key, { message, placeholders }]) => [
          key,
          placeholders ? { message, placeholders: stripExamples(placeholders) } : { message },
        ]),
      );
      return { code: JSON.stringify(words), map: null };
    },
  };
}

function stripExamples(placeholders: unknown): Record<string, { content: unknown }> {
  return Object.fromEntries(
    Object.entries(placeholders as Record<string, { content: unknown }>).map(([name, p]) => [
      name,
      { content: p.content },
    ]),
  );
}
