/**
 * The shipped models' speed and memory in Chromium, measured on their stand-ins (`npm run
 * models:standins`; scripts/models/standins/README.md): random weights with the real graphs'
 * operators, sizes and tokenizers. For each WASM thread count, a fresh Chromium (headless, no GPU)
 * opens a cross-origin-isolated page (standins-page.ts) that runs the raw transformers.js pipeline
 * with the ONNX Runtime files the extension ships, and measures:
 * - load: download from the loopback host (bytes, progress events) to a ready pipeline;
 * - generation (Qwen3 q4): time to first token for prompts built by Engram's own prompt builder
 *   from real pages, cut to 256, 512, 1,000 and 2,000 real tokens (the real Qwen3 tokenizer and
 *   chat template, `enable_thinking` off), and tokens/s after the first;
 * - embedding (e5 q8): passages/s on real chunked passages, batches of 16 as the Embedder sends;
 * - the peak resident memory (VmHWM) of the browser's renderer processes, i.e. the page's engine.
 * A failure (an operator ONNX Runtime Web refuses, WASM memory exhausted) is recorded as the
 * figure, with its message: that is a finding, not a crash of the bench.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { buildAnswerMessages } from '../../src/core/answer/prompt';
import type { ChatMessage } from '../../src/core/answer/prompt';
import { CHROMIUM_FLAGS, tempProfile } from '../../tests/e2e/harness';
import { round } from './measure';
import { startStandinServer, type StandinServer } from './standins-page';

export const STANDIN_GENERATOR = 'onnx-community/Qwen3-0.6B-ONNX';
export const STANDIN_EMBEDDER = 'Xenova/multilingual-e5-small';
export const PROMPT_TOKENS = [256, 512, 1000, 2000] as const;
const BATCH = 16;

export interface PromptFigure {
  target_tokens: number;
  prompt_tokens: number;
  ttft_ms: number;
  /** CPU time of the renderer processes from the call to the first token (all threads). */
  ttft_cpu_ms: number;
  new_tokens: number;
  tokens_per_s: number;
  /** The renderer's CPU ms per new token after the first. */
  cpu_ms_per_token: number;
}

export interface ThreadRun {
  threads: number;
  generation:
    | {
        load_ms: number;
        downloaded_bytes: number;
        progress_events: number;
        prompts: PromptFigure[];
        error?: string;
      }
    | { error: string };
  embedding:
    | {
        load_ms: number;
        passages: number;
        tokens: number;
        tokenize_ms: number;
        passages_per_s: number;
        cpu_ms_per_passage_at_most: number;
        peak_renderer_mib: number;
      }
    | { error: string };
  /** Peak resident memory of the largest renderer process, MiB. */
  peak_renderer_mib: number;
}

export interface StandinResults {
  what: string;
  models: { generator: string; embedder: string; files: Record<string, unknown> };
  runs: ThreadRun[];
}

/** Process ids below `root` (children, grandchildren…), from /proc. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we read.
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, p] of parent) {
      if (p !== pid || out.includes(child)) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** The renderer processes of the browser using `profileDir`. */
function rendererPids(profileDir: string): number[] {
  const browser = readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .find((n) => {
      try {
        const cmd = readFileSync(`/proc/${n}/cmdline`, 'utf8');
        return cmd.includes(`--user-data-dir=${profileDir}`) && !cmd.includes('--type=');
      } catch {
        return false;
      }
    });
  if (!browser) return [];
  return descendants(Number(browser)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

/** A field of /proc/<pid>/status in MiB, largest over the processes. */
const statusMiB = (pids: number[], field: string): number =>
  round(
    Math.max(
      0,
      ...pids.map((pid) => {
        try {
          const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(
            readFileSync(`/proc/${pid}/status`, 'utf8'),
          );
          return Number(m?.[1] ?? 0) / 1024;
        } catch {
          return 0;
        }
      }),
    ),
    0,
  );

/**
 * CPU time (user + system, ms) the processes have used: on a machine shared with other work, wall
 * time says how busy the machine was; CPU time says what the work costs (one thread's wall time
 * on an idle core).
 */
const cpuMs = (pids: number[]): number =>
  pids.reduce((sum, pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks at 100 Hz
    } catch {
      return sum;
    }
  }, 0);

const messageOf = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).split('\n').slice(0, 3).join(' ').slice(0, 400);

/**
 * Prompts as Engram builds them (buildAnswerMessages: the sources, then the question) from real
 * page text, each cut so that the templated prompt has about `target` tokens of the real tokenizer.
 */
export async function promptsOfLength(
  modelsDir: string,
  texts: readonly { title: string; url: string; text: string }[],
  targets: readonly number[],
): Promise<Array<{ target: number; messages: ChatMessage[] }>> {
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = modelsDir;
  const tokenizer = await AutoTokenizer.from_pretrained(STANDIN_GENERATOR);
  const now = Date.UTC(2026, 11, 1);
  const build = (chars: number): ChatMessage[] => {
    const sources = [];
    let left = chars;
    for (const [i, p] of texts.entries()) {
      if (left <= 0) break;
      const text = p.text.slice(0, Math.min(left, 1_200));
      left -= text.length;
      sources.push({ n: i + 1, title: p.title, site: new URL(p.url).host, savedAt: now, text });
    }
    return buildAnswerMessages('What do my saved pages say about this topic?', sources, now);
  };
  const count = (messages: ChatMessage[]): number =>
    tokenizer.encode(
      tokenizer.apply_chat_template(messages, {
        tokenize: false,
        add_generation_prompt: true,
        enable_thinking: false,
      } as never) as unknown as string,
    ).length;
  return targets.map((target) => {
    let lo = 0;
    let hi = texts.reduce((n, p) => n + Math.min(p.text.length, 1_200), 0);
    while (hi - lo > 8) {
      const mid = Math.floor((lo + hi) / 2);
      if (count(build(mid)) < target) lo = mid;
      else hi = mid;
    }
    return { target, messages: build(hi) };
  });
}

/** What the page (standins-page.ts) offers the bench. */
interface PageBench {
  bench: {
    loadGenerator(
      id: string,
      threads: number,
    ): Promise<{ load_ms: number; progress_events: number }>;
    generate(
      messages: readonly ChatMessage[],
      maxNewTokens: number,
    ): Promise<Omit<PromptFigure, 'target_tokens'>>;
    embed(
      id: string,
      threads: number,
      passages: readonly string[],
      batch: number,
    ): Promise<{ load: number; tokens: number; tokenize_ms: number; seconds: number }>;
  };
}

async function generationRun(
  page: Page,
  server: StandinServer,
  threads: number,
  prompts: Array<{ target: number; messages: ChatMessage[] }>,
  maxNewTokens: number,
  profileDir: string,
): Promise<ThreadRun['generation']> {
  const before = [...server.sent.values()].reduce((a, b) => a + b, 0);
  const loaded = await page.evaluate(
    ([id, threads]) => (window as unknown as PageBench).bench.loadGenerator(id, threads),
    [STANDIN_GENERATOR, threads] as const,
  );
  const figures: PromptFigure[] = [];
  try {
    for (const { target, messages } of prompts) {
      console.error(`  ${threads} thread(s): prompt of ~${target} tokens…`);
      const pids = rendererPids(profileDir);
      const cpuBefore = cpuMs(pids);
      const f = await page.evaluate(
        ([messages, max]) => (window as unknown as PageBench).bench.generate(messages, max),
        [messages, maxNewTokens] as const,
      );
      const cpu = cpuMs(pids) - cpuBefore;
      // Split the CPU time like the wall time: the prefill's share of it went to the first token.
      const share = f.ttft_ms / (f.ttft_ms + (f.new_tokens - 1) / (f.tokens_per_s / 1000));
      const figure: PromptFigure = {
        target_tokens: target,
        prompt_tokens: f.prompt_tokens,
        ttft_ms: round(f.ttft_ms, 0),
        ttft_cpu_ms: round(cpu * share, 0),
        new_tokens: f.new_tokens,
        tokens_per_s: round(f.tokens_per_s, 2),
        cpu_ms_per_token: round((cpu * (1 - share)) / Math.max(1, f.new_tokens - 1), 0),
      };
      console.error(
        `  ${JSON.stringify(figure)} (renderer RSS peak ${statusMiB(pids, 'VmHWM')} MiB)`,
      );
      figures.push(figure);
    }
  } catch (e) {
    return {
      load_ms: round(loaded.load_ms, 0),
      downloaded_bytes: [...server.sent.values()].reduce((a, b) => a + b, 0) - before,
      progress_events: loaded.progress_events,
      prompts: figures,
      error: messageOf(e),
    };
  }
  return {
    load_ms: round(loaded.load_ms, 0),
    downloaded_bytes: [...server.sent.values()].reduce((a, b) => a + b, 0) - before,
    progress_events: loaded.progress_events,
    prompts: figures,
  };
}

async function embeddingRun(
  page: Page,
  threads: number,
  passages: readonly string[],
  profileDir: string,
): Promise<ThreadRun['embedding']> {
  const pids = rendererPids(profileDir);
  const cpuBefore = cpuMs(pids);
  const r = await page.evaluate(
    ([id, threads, passages, batch]) =>
      (window as unknown as PageBench).bench.embed(id, threads, passages, batch),
    [STANDIN_EMBEDDER, threads, passages, BATCH] as const,
  );
  return {
    load_ms: round(r.load, 0),
    passages: passages.length,
    tokens: r.tokens,
    tokenize_ms: round(r.tokenize_ms, 0),
    passages_per_s: round(passages.length / r.seconds, 1),
    // Load, tokenizer and warm-up included: an upper bound on the CPU cost per passage.
    cpu_ms_per_passage_at_most: round((cpuMs(pids) - cpuBefore) / passages.length, 0),
    peak_renderer_mib: statusMiB(pids, 'VmHWM'),
  };
}

/** One fresh browser per thread count (ONNX Runtime fixes its threads at its first session). */
export async function benchStandins(
  modelsDir: string,
  threadCounts: readonly number[],
  passages: readonly string[],
  prompts: Array<{ target: number; messages: ChatMessage[] }>,
  maxNewTokens: number,
): Promise<StandinResults> {
  const server = await startStandinServer(modelsDir);
  const runs: ThreadRun[] = [];
  try {
    for (const threads of threadCounts) {
      const profile = tempProfile();
      const context = await chromium.launchPersistentContext(profile.dir, {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [...CHROMIUM_FLAGS],
      });
      try {
        const open = async () => {
          const page = await context.newPage();
          await page.goto(`${server.origin}/`);
          await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready);
          return page;
        };
        console.error(`stand-ins, ${threads} thread(s): embedding…`);
        const embedPage = await open();
        const embedding = await embeddingRun(embedPage, threads, passages, profile.dir).catch(
          (e: unknown) => ({
            error: messageOf(e),
          }),
        );
        await embedPage.close();
        console.error(`stand-ins, ${threads} thread(s): generation…`);
        const genPage = await open();
        const generation: ThreadRun['generation'] =
          prompts.length === 0
            ? { error: 'not asked (no prompt lengths)' }
            : await generationRun(
                genPage,
                server,
                threads,
                prompts,
                maxNewTokens,
                profile.dir,
              ).catch((e: unknown) => ({ error: messageOf(e) }));
        // Read while the page (and so its renderer) is still there: the generator's peak.
        const peak = statusMiB(rendererPids(profile.dir), 'VmHWM');
        runs.push({ threads, embedding, generation, peak_renderer_mib: peak });
      } finally {
        await context.close();
        profile.remove();
      }
    }
  } finally {
    await server.close();
  }
  const files = Object.fromEntries(
    [STANDIN_GENERATOR, STANDIN_EMBEDDER].map((id) => [
      id,
      JSON.parse(readFileSync(join(modelsDir, id, 'files.json'), 'utf8')) as unknown,
    ]),
  );
  return {
    what: 'raw transformers.js pipeline in Debian Chromium (headless, WASM, no GPU) on random-weight stand-ins of the shipped models',
    models: { generator: STANDIN_GENERATOR, embedder: STANDIN_EMBEDDER, files },
    runs,
  };
}
