/**
 * pdf.js on the committed fixture PDF (scripts/fixtures/make-pdf.mjs), in Node: pdf.js runs its
 * worker in-process here (no Worker), the same code the engine runs with a bundled worker.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from './pdf-fetch';
import { fileNameOf, pdfText, PdfError, type PdfJsModule } from './pdf-text';

const FIXTURE = resolve(
  import.meta.dirname,
  '../../../tests/fixtures/privacy-pages/tide-notes.pdf',
);
const URL_ = 'http://127.0.0.1:8000/docs/tide-notes.pdf';
const inNode = (): Promise<PdfJsModule> => import('pdfjs-dist/legacy/build/pdf.mjs');
const bytes = () => new Uint8Array(readFileSync(FIXTURE));
const roomy = { maxChars: 2_000_000, timeBudgetMs: 60_000 };

describe('reading a PDF', () => {
  it('gives the text of every page, in order, and the document title', async () => {
    const pdf = await pdfText(bytes(), URL_, roomy, inNode);
    expect(pdf).toMatchObject({ title: 'Tide Notes for the Menai Strait', pages: 2, pagesRead: 2 });
    const lines = pdf.text.split('\n');
    expect(lines[1]).toBe(
      'The swellies between the two bridges run at up to eight knots on spring tides.',
    );
    expect(pdf.text).toContain('\n\nPilotage\n');
    expect(pdf.text.indexOf('swellies')).toBeLessThan(pdf.text.indexOf('Plas Newydd'));
  });

  it('stops at the text cap and at the time budget, with the pages read so far', async () => {
    const capped = await pdfText(bytes(), URL_, { ...roomy, maxChars: 50 }, inNode);
    expect(capped.pagesRead).toBe(1);
    expect(capped.text.length).toBeLessThanOrEqual(50);
    let calls = 0;
    const late = () => (calls++ < 2 ? 0 : 1e9);
    const timed = await pdfText(bytes(), URL_, { ...roomy, now: late, timeBudgetMs: 1 }, inNode);
    expect(timed.pagesRead).toBe(1);
    expect(timed.text).not.toContain('Pilotage');
  });

  it('refuses what is not a PDF, with a message for the user', async () => {
    // pdf.js takes the bytes over (transfers them): a fresh copy for each call.
    const notPdf = () => new TextEncoder().encode('<html>not a pdf</html>');
    await expect(pdfText(notPdf(), URL_, roomy, inNode)).rejects.toThrow(PdfError);
    await expect(pdfText(notPdf(), URL_, roomy, inNode)).rejects.toThrow(
      /not a PDF Engram can read/,
    );
  });

  it('a PDF without text (a scan) says so', async () => {
    const blank = new TextDecoder('latin1')
      .decode(bytes())
      .replace(/\((?:[^()\\]|\\.)*\) Tj/g, (m) => `(${' '.repeat(m.length - 5)}) Tj`);
    const data = new Uint8Array(Array.from(blank, (c) => c.charCodeAt(0)));
    await expect(pdfText(data, URL_, roomy, inNode)).rejects.toThrow(/no text to read/);
  });

  it('names an untitled PDF by its file name', () => {
    expect(fileNameOf('https://example.org/a/Annual%20Report.pdf?x=1')).toBe('Annual Report.pdf');
    expect(fileNameOf('not a url')).toBe('');
  });

  it('bytes sent as base64 come back the same', () => {
    const data = bytes();
    const base64 = Buffer.from(data).toString('base64');
    expect(fromBase64(base64)).toEqual(data);
  });
});

describe('PdfError: a code for the interface, English words as the message', () => {
  it('words each refusal from the locale file', () => {
    const tooLarge = new PdfError('too-large', [140, 100]);
    expect(tooLarge.code).toBe('too-large');
    expect(tooLarge.values).toEqual([140, 100]);
    expect(tooLarge.message).toBe(
      'This PDF is too large for Engram to read (140 MB; at most 100 MB).',
    );
    expect(new PdfError('http', [404]).message).toBe('Engram could not fetch this PDF (HTTP 404).');
    expect(new PdfError('password').message).toMatch(/protected by a password/);
  });
});
