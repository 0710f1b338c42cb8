/** Test helpers for the content script: linkedom documents, fake windows and selections. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import type { CaptureWindow } from '../../src/content/capture';
import type { StyleView } from '../../src/content/visible-text';

/** The base URL Readability's own test suite gives its pages. */
export const FAKE_BASE = 'http://fakehost/test/page.html';

export const FIXTURE_PAGES = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));
export const CORPUS_PAGES = '/work/shared/corpus/readability-pages';

export interface PageFixture {
  name: string;
  source: string;
  expectedTitle: string | null;
  expectedHtml?: string;
}

export function loadPage(dir: string, name: string): PageFixture {
  const meta = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8')) as {
    title?: string | null;
  };
  let expectedHtml: string | undefined;
  try {
    expectedHtml = readFileSync(join(dir, name, 'expected.html'), 'utf8');
  } catch {
    expectedHtml = undefined;
  }
  return {
    name,
    source: readFileSync(join(dir, name, 'source.html'), 'utf8'),
    expectedTitle: meta.title ?? null,
    ...(expectedHtml === undefined ? {} : { expectedHtml }),
  };
}

export function htmlDocument(html: string): Document {
  return parseHTML(html).document;
}

/** Every node's name, attributes and value, in order: to show that a document was not changed. */
export function domSnapshot(root: Node): string {
  const out: string[] = [];
  const visit = (node: Node): void => {
    const attrs =
      node.nodeType === 1
        ? Array.from((node as Element).attributes, (a) => `${a.name}=${a.value}`).join(' ')
        : '';
    out.push(`${node.nodeName}[${attrs}]${node.nodeValue ?? ''}`);
    node.childNodes.forEach(visit);
    out.push('/');
  };
  visit(root);
  return out.join('\n');
}

/**
 * A fake `getComputedStyle` for linkedom, which has none: `display` from the inline style or a
 * `gone` class, `visibility` inherited from the nearest ancestor that sets it inline.
 */
export const fakeStyles: StyleView = {
  getComputedStyle(el: Element) {
    const inline = (node: Element, prop: string): string | undefined =>
      new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([a-z-]+)`, 'i').exec(
        node.getAttribute('style') ?? '',
      )?.[1];
    let visibility = 'visible';
    for (let cur: Element | null = el; cur; cur = cur.parentElement) {
      const v = inline(cur, 'visibility');
      if (v) {
        visibility = v;
        break;
      }
    }
    const display = el.classList.contains('gone') ? 'none' : (inline(el, 'display') ?? 'block');
    return { display, visibility };
  },
};

/**
 * A Selection over whole elements: `toString` joins their text, `containsNode` is true for them
 * and their descendants. Enough for what the capture reads.
 */
export function fakeSelection(
  nodes: Element[],
  options: { text?: string; anchorNode?: Node | null } = {},
): Selection {
  const contains = (node: Node): boolean => nodes.some((n) => n === node || n.contains(node));
  const common = nodes[0]?.parentElement ?? null;
  const fake = {
    rangeCount: nodes.length ? 1 : 0,
    isCollapsed: nodes.length === 0,
    anchorNode: options.anchorNode === undefined ? (nodes[0] ?? null) : options.anchorNode,
    focusNode:
      options.anchorNode === undefined ? (nodes[nodes.length - 1] ?? null) : options.anchorNode,
    toString: () => options.text ?? nodes.map((n) => n.textContent ?? '').join(' '),
    getRangeAt: () => ({ commonAncestorContainer: common }),
    containsNode: (node: Node) => contains(node),
  };
  return fake as unknown as Selection;
}

export function fakeWindow(href: string, selection: Selection | null = null): CaptureWindow {
  return { location: { href }, getSelection: () => selection };
}
