/**
 * `engine/pdf-text`: fetch a PDF the user asked to keep and read its text (./pdf-text.ts). The
 * engine fetches it itself where the extension may: the extension pages' CSP lets the engine
 * reach only the model hosts (shared/model-hosts.ts), so in practice a PDF on loopback (the test
 * builds' 127.0.0.1). Otherwise the fetch fails, and the service worker fetches it in the page and
 * sends the bytes (`data`, base64).
 */
import { pdfText, PdfError, type PdfText } from './pdf-text';

/** Larger files are refused rather than read: the text cap would cut them anyway. */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;
const MAX_TEXT = 2_000_000;
const TIME_BUDGET_MS = 60_000;

async function fetchPdf(url: string): Promise<Uint8Array> {
  // With the user's cookies, as the tab loaded it: the same document they are looking at.
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include', cache: 'force-cache' });
  } catch (error) {
    // No host access to the site (or CORS): the background then fetches it in the page.
    throw new Error(`Engram has no access to fetch this PDF itself (${String(error)})`, {
      cause: error,
    });
  }
  if (!response.ok) throw new PdfError('http', [response.status]);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_PDF_BYTES) throw tooLarge(declared);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_PDF_BYTES) throw tooLarge(bytes.byteLength);
  return bytes;
}

const MB = 1024 * 1024;
const tooLarge = (bytes: number) =>
  new PdfError('too-large', [Math.round(bytes / MB), MAX_PDF_BYTES / MB]);

export function fromBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function readPdf(request: {
  url: string;
  data?: string | undefined;
}): Promise<PdfText> {
  const bytes = request.data === undefined ? await fetchPdf(request.url) : fromBase64(request.data);
  return pdfText(bytes, request.url, { maxChars: MAX_TEXT, timeBudgetMs: TIME_BUDGET_MS });
}
