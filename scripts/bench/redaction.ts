/**
 * Redaction benchmark (issue 11): `npm run bench:redaction` (= `npx tsx scripts/bench/redaction.ts`).
 * Prints and writes bench-results/redaction.json:
 * - recall on the labelled set (tests/fixtures/secrets/labelled-set.ts): a secret counts as found
 *   when the spans of findSecrets cover every character of it;
 * - false positives on the 94 corpus pages (../shared/corpus/readability-pages): every span found
 *   in a page's article text (expected.html) and in its whole text (source.html's body) is one,
 *   per 100,000 words (a word: a run of letters or digits, or two Chinese or Japanese characters);
 * - speed: ms per 100 KB of page text (each page's whole text, the fastest of RUNS runs; the
 *   median and p95 over pages of at least 10 KB).
 * BENCH_BASELINE=/path/to/redact.ts also times another copy of the redactor (the old one, e.g.
 * from a checkout of main before issue 11) on the same pages, run for run in turn with this one,
 * so that a busy machine slows both alike; the ratio is printed.
 *
 * Goals: recall ≥ 0.98; ≤ 1 false positive per 100,000 words; no more than ~2× the old time.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { labelledSet } from '../../tests/fixtures/secrets/labelled-set';
import { machineInfo } from './machine';

interface Span {
  start: number;
  end: number;
}
interface RedactModule {
  findSecrets: (text: string) => Span[];
  redactSecrets: (text: string) => { text: string };
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = path.resolve(ROOT, '../shared/corpus/readability-pages');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

const modulePath = path.join(ROOT, 'src/core/privacy/redact.ts');
const redact = (await import(modulePath)) as RedactModule;
const baselinePath = process.env.BENCH_BASELINE;
const baseline = baselinePath ? ((await import(baselinePath)) as RedactModule) : null;

// --- Recall on the labelled set.
const cases = labelledSet();
const byFormat = new Map<string, { found: number; total: number }>();
const missed: Array<{ format: string; lang: string; text: string }> = [];
let found = 0;
let total = 0;
for (const c of cases) {
  const spans = redact.findSecrets(c.text);
  for (const secret of c.secrets) {
    const at = c.text.indexOf(secret);
    const end = at + secret.length;
    const covered = new Uint8Array(secret.length);
    for (const s of spans) {
      for (let i = Math.max(s.start, at); i < Math.min(s.end, end); i++) covered[i - at] = 1;
    }
    const ok = at >= 0 && covered.every((x) => x === 1);
    const entry = byFormat.get(c.format) ?? { found: 0, total: 0 };
    entry.total++;
    total++;
    if (ok) {
      entry.found++;
      found++;
    } else missed.push({ format: c.format, lang: c.lang, text: c.text });
    byFormat.set(c.format, entry);
  }
}

// --- False positives and speed on the corpus.
const countWords = (text: string): number =>
  (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (w) => !/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(w),
  ).length +
  Math.round(
    (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length / 2,
  );

function textOf(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
  return (document.body?.textContent ?? '').replace(/[ \t]+/g, ' ');
}

interface Hit {
  page: string;
  part: 'article' | 'page';
  found: string;
  context: string;
}
const hits: Hit[] = [];
const words = { article: 0, page: 0 };
const timesPer100kb: number[] = [];
const baselinePer100kb: number[] = [];
/** Summed over the pages, for the ratio: the medians of each page's runs. */
let totalMs = 0;
let baselineTotalMs = 0;
let corpusPages = 0;
let bytes = 0;
if (existsSync(CORPUS)) {
  for (const dir of readdirSync(CORPUS).sort()) {
    corpusPages++;
    const article = textOf(readFileSync(path.join(CORPUS, dir, 'expected.html'), 'utf8'));
    const source = readFileSync(path.join(CORPUS, dir, 'source.html'), 'utf8');
    const page = textOf(/<body[^>]*>([\s\S]*)<\/body>/i.exec(source)?.[1] ?? source);
    for (const [part, text] of [
      ['article', article],
      ['page', page],
    ] as const) {
      words[part] += countWords(text);
      for (const s of redact.findSecrets(text)) {
        hits.push({
          page: dir,
          part,
          found: text.slice(s.start, s.end),
          context: text.slice(Math.max(0, s.start - 40), s.end + 40).replace(/\s+/g, ' '),
        });
      }
    }
    const runs: number[] = [];
    const baselineRuns: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      let t = performance.now();
      redact.redactSecrets(page);
      runs.push(performance.now() - t);
      if (baseline) {
        t = performance.now();
        baseline.redactSecrets(page);
        baselineRuns.push(performance.now() - t);
      }
    }
    // The fastest of the runs: on a shared machine the others measure its other work (and GC).
    const mid = (xs: number[]): number => Math.min(...xs);
    const kb = Buffer.byteLength(page) / 1024;
    bytes += kb * 1024;
    totalMs += mid(runs);
    if (baseline) baselineTotalMs += mid(baselineRuns);
    if (kb >= 10) {
      timesPer100kb.push((mid(runs) * 100) / kb);
      if (baseline) baselinePer100kb.push((mid(baselineRuns) * 100) / kb);
    }
  }
} else {
  console.error(`${CORPUS} not found: false positives and speed are not measured.`);
}
timesPer100kb.sort((a, b) => a - b);
const fpArticle = hits.filter((h) => h.part === 'article').length;
const fpPage = hits.filter((h) => h.part === 'page').length;
const median = timesPer100kb[Math.floor(timesPer100kb.length / 2)] ?? 0;
const p95 = timesPer100kb[Math.floor(timesPer100kb.length * 0.95)] ?? 0;
baselinePer100kb.sort((a, b) => a - b);
const baselineMedian = baselinePer100kb[Math.floor(baselinePer100kb.length / 2)] ?? 0;

const result = {
  machine: machineInfo(),
  module: path.relative(ROOT, modulePath),
  recall: {
    value: round(found / total, 4),
    found,
    secrets: total,
    cases: cases.length,
    formats: byFormat.size,
    languages: {
      en: cases.filter((c) => c.lang === 'en').length,
      zh: cases.filter((c) => c.lang === 'zh').length,
    },
    by_format: Object.fromEntries([...byFormat].map(([k, v]) => [k, `${v.found}/${v.total}`])),
    missed,
  },
  false_positives: {
    pages: corpusPages,
    article: {
      count: fpArticle,
      words: words.article,
      per_100k_words: round((fpArticle * 1e5) / Math.max(1, words.article), 2),
    },
    whole_page: {
      count: fpPage,
      words: words.page,
      per_100k_words: round((fpPage * 1e5) / Math.max(1, words.page), 2),
    },
    hits,
  },
  speed: {
    pages_timed: timesPer100kb.length,
    total_mb: round(bytes / 2 ** 20, 2),
    ms_per_100kb_median: round(median, 2),
    ms_per_100kb_p95: round(p95, 2),
    ms_all_pages: round(totalMs, 1),
    ...(baseline && {
      baseline: path.relative(ROOT, baselinePath ?? ''),
      baseline_ms_per_100kb_median: round(baselineMedian, 2),
      baseline_ms_all_pages: round(baselineTotalMs, 1),
      ratio_all_pages: round(totalMs / baselineTotalMs, 2),
      ratio_median: round(median / baselineMedian, 2),
    }),
  },
};

console.log(
  `recall ${result.recall.value} (${found}/${total} secrets, ${byFormat.size} formats, ${cases.length} texts)`,
);
for (const m of missed)
  console.log(`  missed ${m.format} [${m.lang}]: ${m.text.slice(0, 100).replace(/\n/g, ' ')}`);
console.log(
  `false positives over ${corpusPages} pages: articles ${fpArticle} in ${words.article} words ` +
    `(${result.false_positives.article.per_100k_words} per 100k), whole pages ${fpPage} in ${words.page} words ` +
    `(${result.false_positives.whole_page.per_100k_words} per 100k)`,
);
for (const h of hits)
  console.log(
    `  ${h.page} [${h.part}] ${JSON.stringify(h.found.slice(0, 60))} in …${h.context.slice(0, 120)}…`,
  );
console.log(
  `speed: ${result.speed.ms_per_100kb_median} ms per 100 KB (median over pages ≥ 10 KB), ` +
    `p95 ${result.speed.ms_per_100kb_p95}; all ${corpusPages} pages ${result.speed.ms_all_pages} ms`,
);
if (baseline) {
  console.log(
    `baseline: ${round(baselineMedian, 2)} ms per 100 KB (median), all pages ` +
      `${round(baselineTotalMs, 1)} ms: this one takes ${round(totalMs / baselineTotalMs, 2)}× ` +
      `(${round(median / baselineMedian, 2)}× at the median)`,
  );
}
mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(
  path.join(ROOT, 'bench-results/redaction.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
