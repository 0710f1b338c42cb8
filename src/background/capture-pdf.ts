/**
 * A PDF open in a tab (Chrome shows it in its PDF viewer; the tab's document has the type
 * `application/pdf`), saved on request: the engine reads the file with pdf.js and the text is
 * stored and indexed like a page. The content script cannot help: the viewer's text is not in the
 * tab's DOM.
 *
 * How the file is fetched: the engine first fetches the URL itself, which works only where the
 * extension pages' CSP lets it connect (the model hosts and loopback: shared/model-hosts.ts, so in
 * practice a PDF on 127.0.0.1 or localhost) and Engram has host access. Everywhere else that is
 * refused, and the file is fetched in the page, as the page itself would (same origin, the user's
 * cookies), and its bytes handed to the engine. No new permission is asked for either way.
 */
import type { SiteRule } from '../core/privacy/site-policy';
import { CaptureRefusedError } from '../shared/capture-refusal';
import { errorMessage } from '../shared/messaging';
import type { CapturePayload } from '../shared/protocol';
import { siteVerdict } from './capture-policy';
import { sendToEngine } from './engine-gateway';

const PDF_TYPE = 'application/pdf';
/** A file fetched in the page travels as base64 in two messages: keep it well under their cap. */
const MAX_PAGE_FETCH_BYTES = 40 * 1024 * 1024;

/** The document type and address of the tab's top frame (the content script is already in). */
async function documentOf(tabId: number): Promise<{ type: string; url: string } | null> {
  const [probe] = await chrome.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: () => ({ type: document.contentType, url: location.href }),
  });
  const value = probe?.result as { type?: unknown; url?: unknown } | undefined;
  return typeof value?.type === 'string' && typeof value.url === 'string'
    ? { type: value.type, url: value.url }
    : null;
}

/** Fetch the tab's own URL in the page and return it as base64 (runs in the page). */
async function fetchInPage(
  max: number,
): Promise<{ data: string } | { error: string; status?: number; size?: number }> {
  try {
    const response = await fetch(location.href, { credentials: 'include', cache: 'force-cache' });
    if (!response.ok) return { error: 'http', status: response.status };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > max) return { error: 'too-large', size: bytes.byteLength };
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return { data: btoa(binary) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function pdfBytesFromPage(tabId: number): Promise<string> {
  const [result] = await chrome.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: fetchInPage,
    args: [MAX_PAGE_FETCH_BYTES],
  });
  const value = result?.result;
  if (value && 'data' in value) return value.data;
  if (value?.error === 'http')
    throw new Error(`Engram could not fetch this PDF (HTTP ${value.status}).`);
  if (value?.error === 'too-large') {
    throw new Error(
      `This PDF is too large for Engram to read (${Math.round((value.size ?? 0) / 1048576)} MB).`,
    );
  }
  throw new Error(
    `Engram could not fetch this PDF (${value?.error ?? 'no answer from the page'}).`,
  );
}

/** Whether the engine's own fetch was refused (no host access, CORS), not the file itself. */
const fetchRefused = (message: string): boolean =>
  /Failed to fetch|NetworkError|no access/i.test(message);

/** The engine reads the file; the gateway waits for a just-created engine to listen. */
async function readPdf(tabId: number, url: string) {
  try {
    return await sendToEngine('engine/pdf-text', { url });
  } catch (error) {
    if (!fetchRefused(errorMessage(error))) throw error;
  }
  return sendToEngine('engine/pdf-text', { url, data: await pdfBytesFromPage(tabId) });
}

/**
 * What to keep when the tab shows a PDF, or null when it does not (then the content script reads
 * the page as usual). The PDF's own address is put to the site rules again (the tab's was, before
 * injecting; a redirect may have led elsewhere): a `url-only` site keeps the address; a `never`
 * site throws `CaptureRefusedError`.
 */
export async function pdfPayload(
  tabId: number,
  rules: readonly SiteRule[],
): Promise<CapturePayload | null> {
  const doc = await documentOf(tabId);
  if (doc?.type !== PDF_TYPE || !/^https?:\/\//i.test(doc.url)) return null;
  const verdict = siteVerdict('manual', doc.url, rules);
  if ('kind' in verdict) throw new CaptureRefusedError(verdict);
  const common = { mode: 'page' as const, url: doc.url, links: [] };
  if (verdict.keep === 'url-only') {
    return { ...common, title: doc.url, text: doc.url, extractor: 'url-only' };
  }
  const pdf = await readPdf(tabId, doc.url);
  return { ...common, title: pdf.title, text: pdf.text, extractor: 'pdf' };
}
