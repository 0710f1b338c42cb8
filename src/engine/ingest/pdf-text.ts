/**
 * The text of a PDF, with pdf.js (Mozilla's `pdfjs-dist`, the legacy build: it carries the
 * polyfills Chrome 116, our minimum, needs). Its worker is bundled with the extension and named
 * by URL; nothing is fetched from the network, no font is loaded (text only), and `eval` stays
 * off (the extension's CSP forbids it anyway).
 */
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { MessageKey } from '../../shared/i18n';
import { tIn, type TextLanguage } from '../../shared/i18n-in';

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

/** Why a PDF cannot be kept. */
export type PdfFailure = 'password' | 'invalid' | 'unreadable' | 'no-text' | 'http' | 'too-large';

export const PDF_FAILURE_KEYS = {
  password: 'enginePdfPassword',
  invalid: 'enginePdfInvalid',
  unreadable: 'enginePdfUnreadable',
  'no-text': 'enginePdfNoText',
  http: 'enginePdfHttp',
  'too-large': 'enginePdfTooLarge',
} as const satisfies Record<PdfFailure, MessageKey>;

/**
 * A refusal meant for the user: `code` and `values` for the interface to word in the browser's
 * language, and the same in English words as the message (the engine has no `chrome.i18n`).
 */
const ENGLISH: TextLanguage = 'en';

export class PdfError extends Error {
  override name = 'PdfError';

  constructor(
    readonly code: PdfFailure,
    readonly values: ReadonlyArray<string | number> = [],
    options?: { cause?: unknown },
  ) {
    super(tIn(ENGLISH, PDF_FAILURE_KEYS[code], ...values), options);
  }
}

function loadError(error: unknown): PdfError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new PdfError('password', [], { cause: error });
  if (name === 'InvalidPDFException') return new PdfError('invalid', [], { cause: error });
  const detail = error instanceof Error ? error.message : String(error);
  return new PdfError('unreadable', [detail], { cause: error });
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
    throw loadError(error);
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
      throw new PdfError('no-text');
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
