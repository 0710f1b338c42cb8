/**
 * The text of a PDF, with pdf.js (Mozilla's `pdfjs-dist`, the legacy build: it carries the
 * polyfills Chrome 116, our minimum, needs). Its worker is bundled with the extension and named
 * by URL; nothing is fetched from the network, no font is loaded (text only), and `eval` stays
 * off (the extension's CSP forbids it anyway).
 */
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfJsModule = typeof PdfJs;

export interface PdfText {
  title: string;
  text: string;
  pages: number;
  /** Pages read before a limit (text size or time) stopped the reading. */
  pagesRead: number;
}

export interface PdfLimits {
  maxChars: number;
  /** Reading stops after this long (ms) with the pages read so far. */
  timeBudgetMs: number;
  now?: () => number;
}

/** The bundled pdf.js, its worker named by extension URL (the engine only). */
export async function loadBundledPdfJs(): Promise<PdfJsModule> {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'),
  ]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}

/** A refusal meant for the user, as is. */
export class PdfError extends Error {
  override name = 'PdfError';
}

function describeLoadError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return 'This PDF is protected by a password, so Engram cannot read it.';
  }
  if (name === 'InvalidPDFException') return 'This file is not a PDF Engram can read.';
  return `Engram could not read this PDF (${error instanceof Error ? error.message : String(error)}).`;
}

/** One page's text: text runs in reading order, a line break where pdf.js marks one. */
function pageText(items: ReadonlyArray<{ str?: string; hasEOL?: boolean }>): string {
  let out = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue; // marked-content markers carry no text
    out += item.str;
    if (item.hasEOL) out += '\n';
  }
  return out.replace(/[ \t]+\n/g, '\n').trim();
}

/** The name of the file in `url`, for a PDF without a title. */
export function fileNameOf(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
    return decodeURIComponent(last);
  } catch {
    return '';
  }
}

export async function pdfText(
  data: Uint8Array,
  url: string,
  limits: PdfLimits,
  loadPdfJs: () => Promise<PdfJsModule> = loadBundledPdfJs,
): Promise<PdfText> {
  const pdfjs = await loadPdfJs();
  const now = limits.now ?? (() => performance.now());
  const deadline = now() + limits.timeBudgetMs;
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc: PdfJs.PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    throw new PdfError(describeLoadError(error), { cause: error });
  }
  try {
    const info: unknown = (await doc.getMetadata().catch(() => null))?.info;
    const title = (info as { Title?: unknown } | undefined)?.Title;
    const declared = typeof title === 'string' ? title.trim() : '';
    const parts: string[] = [];
    let length = 0;
    let pagesRead = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      if (length >= limits.maxChars || now() > deadline) break;
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      page.cleanup();
      const text = pageText(content.items as Array<{ str?: string; hasEOL?: boolean }>);
      pagesRead = n;
      if (!text) continue;
      parts.push(text);
      length += text.length + 2;
    }
    const text = parts.join('\n\n').slice(0, limits.maxChars);
    if (!text.trim()) {
      throw new PdfError(
        'This PDF has no text to read (it may be scanned pages); Engram does not read images.',
      );
    }
    return {
      title: declared || fileNameOf(url) || url,
      text,
      pages: doc.numPages,
      pagesRead,
    };
  } finally {
    await doc.destroy();
  }
}
