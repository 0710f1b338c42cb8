/**
 * The page side of the stand-in benchmark (standins.ts): a loopback server that gives one origin
 * the transformers.js web bundle, ONNX Runtime's WASM files (the asyncify build the extension
 * ships, vite.config.ts ORT_FILES) and the stand-in models in the hub's URL layout
 * (`/<owner>/<name>/resolve/main/<file>`). It sends COOP/COEP, so the page is cross-origin
 * isolated and ONNX Runtime may start its WASM threads, as it does in the extension's offscreen
 * document.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';

const require = createRequire(import.meta.url);
const TRANSFORMERS_DIST = dirname(require.resolve('@huggingface/transformers'));
const ORT_DIST = dirname(require.resolve('onnxruntime-web', { paths: [TRANSFORMERS_DIST] }));

const PAGE = `<!doctype html><meta charset="utf-8"><title>stand-ins</title>
<script type="module">
  import * as T from '/lib/transformers.js';
  T.env.backends.onnx.wasm.wasmPaths = {
    mjs: location.origin + '/ort/ort-wasm-simd-threaded.asyncify.mjs',
    wasm: location.origin + '/ort/ort-wasm-simd-threaded.asyncify.wasm',
  };
  T.env.allowLocalModels = false;
  T.env.allowRemoteModels = true;
  T.env.remoteHost = location.origin + '/';
  T.env.useBrowserCache = false;
  let generator;
  // Plain JS here, not functions passed to page.evaluate: tsx would wrap those in its helpers.
  window.bench = {
    async loadGenerator(id, threads) {
      T.env.backends.onnx.wasm.numThreads = threads;
      let events = 0;
      const start = performance.now();
      generator = await T.pipeline('text-generation', id, {
        dtype: 'q4', device: 'wasm', progress_callback: () => void events++,
      });
      return { load_ms: performance.now() - start, progress_events: events };
    },
    async generate(messages, maxNewTokens) {
      const tok = generator.tokenizer;
      const text = tok.apply_chat_template(messages, {
        tokenize: false, add_generation_prompt: true, enable_thinking: false,
      });
      const promptTokens = tok.encode(text).length;
      let first = NaN;
      let count = 0;
      const streamer = new T.TextStreamer(tok, {
        skip_prompt: true,
        token_callback_function: () => {
          count++;
          if (Number.isNaN(first)) first = performance.now();
        },
      });
      const start = performance.now();
      await generator(text, { max_new_tokens: maxNewTokens, do_sample: false, streamer });
      const end = performance.now();
      return {
        prompt_tokens: promptTokens, ttft_ms: first - start, new_tokens: count,
        tokens_per_s: (count - 1) / ((end - first) / 1000),
      };
    },
    async embed(id, threads, passages, batch) {
      T.env.backends.onnx.wasm.numThreads = threads;
      const start = performance.now();
      const fe = await T.pipeline('feature-extraction', id, { dtype: 'q8', device: 'wasm' });
      const load = performance.now() - start;
      const texts = passages.map((p) => 'passage: ' + p);
      const t1 = performance.now();
      const tokens = texts.reduce((n, t) => n + fe.tokenizer.encode(t).length, 0);
      const tokenize = performance.now() - t1;
      await fe(texts.slice(0, batch), { pooling: 'mean', normalize: true }); // warm-up
      const t0 = performance.now();
      for (let i = 0; i < texts.length; i += batch) {
        await fe(texts.slice(i, i + batch), { pooling: 'mean', normalize: true });
      }
      return { load, tokens, tokenize_ms: tokenize, seconds: (performance.now() - t0) / 1000 };
    },
  };
  window.ready = true;
</script>`;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

export interface StandinServer {
  origin: string;
  /** Bytes sent per model file path, for the download figures. */
  sent: Map<string, number>;
  close(): Promise<void>;
}

/** Serves the page, the libraries and `modelsDir` (models/<owner>/<name>/…) on 127.0.0.1. */
export async function startStandinServer(modelsDir: string): Promise<StandinServer> {
  const sent = new Map<string, number>();
  const fileFor = (path: string): string | undefined => {
    if (path.startsWith('/lib/')) return join(TRANSFORMERS_DIST, path.slice(5));
    if (path.startsWith('/ort/')) return join(ORT_DIST, path.slice(5));
    const hub = /^\/([^/]+\/[^/]+)\/resolve\/[^/]+\/(.+)$/.exec(path);
    if (!hub) return undefined;
    const file = resolve(modelsDir, hub[1]!, hub[2]!);
    return file.startsWith(resolve(modelsDir) + sep) ? file : undefined;
  };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-store');
    if (path === '/') {
      res.setHeader('Content-Type', 'text/html');
      res.end(PAGE);
      return;
    }
    const file = fileFor(path);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const size = statSync(file).size;
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Content-Length', size);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    sent.set(path, (sent.get(path) ?? 0) + size);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    sent,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
