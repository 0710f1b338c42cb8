/**
 * Builds the retrieval-eval corpus (tests/fixtures/eval/corpus/<name>.json) from the Readability
 * test pages in ../shared/corpus, so `npm run eval:retrieval` and its test run on a fresh clone.
 *
 *   npx tsx scripts/eval/make-eval-corpus.ts [--from <readability-pages dir>]
 *
 * Each page's article is Readability's expected.html walked to text the way the extension walks
 * what it captures (paragraph breaks kept), with the expected title and language. Left out: pages
 * with almost no article, the synthetic lorem-ipsum test pages (placeholder text is not a page a
 * person reads, and dozens of copies of it would only add ties), and exact duplicates (a question
 * must have exactly one answering page).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedText } from '../../tests/content/overlap';
import type { EvalPage } from './corpus';

const DEFAULT_FROM = fileURLToPath(
  new URL('../../../shared/corpus/readability-pages/', import.meta.url),
);
const OUT_DIR = fileURLToPath(new URL('../../tests/fixtures/eval/corpus/', import.meta.url));

const MIN_CHARS = 300;
const PLACEHOLDER = /lorem ipsum|ipsum dolor|incididunt ut labore|consetetur sadipscing/i;

interface Metadata {
  title?: string | null;
  lang?: string | null;
}

function fromArg(argv: readonly string[]): string {
  const i = argv.indexOf('--from');
  return i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1] ?? '') : DEFAULT_FROM;
}

function main(): void {
  const from = fromArg(process.argv.slice(2));
  const kept: EvalPage[] = [];
  const skipped: string[] = [];
  const byText = new Map<string, string>();

  for (const name of readdirSync(from).sort()) {
    const dir = path.join(from, name);
    const text = expectedText(readFileSync(path.join(dir, 'expected.html'), 'utf8')).trim();
    const meta = JSON.parse(
      readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8'),
    ) as Metadata;
    if (text.length < MIN_CHARS) {
      skipped.push(`${name} (${text.length} chars)`);
      continue;
    }
    if (PLACEHOLDER.test(text)) {
      skipped.push(`${name} (lorem ipsum)`);
      continue;
    }
    const twin = byText.get(text);
    if (twin) {
      skipped.push(`${name} (same text as ${twin})`);
      continue;
    }
    byText.set(text, name);
    kept.push({
      id: name,
      title: (meta.title ?? '').trim(),
      // The pages' real addresses are not recorded; a stable fake one per page is enough here.
      url: `http://fakehost/${name}/`,
      lang: meta.lang ?? '',
      text,
    });
  }

  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  let bytes = 0;
  for (const page of kept) {
    const json = `${JSON.stringify(page, null, 2)}\n`;
    bytes += Buffer.byteLength(json);
    writeFileSync(path.join(OUT_DIR, `${page.id}.json`), json);
  }
  console.log(`Wrote ${kept.length} pages (${(bytes / 1e6).toFixed(2)} MB) to ${OUT_DIR}`);
  console.log(`Skipped ${skipped.length}: ${skipped.join(', ')}`);
}

main();
