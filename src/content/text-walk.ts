/**
 * Turns a DOM subtree into plain text with its structure kept: paragraphs and headings are
 * separated by a blank line, list items, table rows and `<br>` by a newline, and white space is
 * collapsed as HTML renders it (kept inside `<pre>`).
 *
 * A hand-written walk rather than a TreeWalker: we need to know when an element ends (to close
 * its paragraph) and to prune whole subtrees, and it runs the same in browsers and in linkedom.
 * It is iterative (an explicit stack of child lists), so a pathologically deep page cannot
 * overflow the stack. It walks what is rendered: an open shadow root in place of its host's
 * children, with slots showing what is assigned to them; optionally same-origin frames; image
 * alt text. A time check (`shouldStop`) bounds it on pages that would take too long.
 */
import { CDATA_SECTION_NODE, ELEMENT_NODE, isElement, TEXT_NODE, tagOf } from './dom';
import { frameBody, slotted } from './rendered-nodes';
import { truncateSafely } from '../core/text/text';

/** What to do with an element: prune it, or walk it with its text hidden, shown, or as its parent's. */
export type Verdict = 'skip' | 'hidden' | 'visible' | 'inherit';

export interface WalkOptions {
  /** Decides, once per element, whether and how it is walked. */
  classify: (el: Element) => Verdict;
  /** Stop collecting after this many characters. */
  maxChars: number;
  /** Stop after visiting this many nodes (bounded work on huge pages). */
  maxNodes?: number;
  /**
   * A host's shadow root, walked in place of its children as the browser renders it (a `<slot>`
   * shows what is assigned to it). Defaults to the open root, `el.shadowRoot`; null: none.
   */
  shadowRootOf?: ((el: Element) => ShadowRoot | null) | null;
  /**
   * The document inside an `<iframe>`, when frames are read (a setting, off by default); null
   * when it is not reachable (another origin). Absent: frames are skipped.
   */
  frameDocumentOf?: (frame: Element) => Document | null;
  /** Images say their alt text, as a browser does when it cannot show them. */
  imageAlt?: boolean;
  /** Asked every few hundred nodes: true stops the walk (the extraction's time budget). */
  shouldStop?: () => boolean;
}

/** Why a walk ended early: the character cap, the node cap, or `shouldStop` (time). */
export type WalkStop = 'chars' | 'nodes' | 'time';

export interface WalkResult {
  text: string;
  stopped: WalkStop | null;
}

const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(
  (
    'P H1 H2 H3 H4 H5 H6 BLOCKQUOTE PRE UL OL DL TABLE FIGURE FIGCAPTION SECTION ARTICLE HEADER ' + // i18n-exempt: tag names
    'FOOTER MAIN ASIDE NAV ADDRESS HR DETAILS SUMMARY FIELDSET FORM CAPTION HGROUP CENTER'
  ).split(' '),
);
const LINE_TAGS: ReadonlySet<string> = new Set(
  'DIV LI DT DD TR BR LEGEND OPTION DIALOG'.split(' '),
);
const CELL_TAGS: ReadonlySet<string> = new Set(['TD', 'TH']);

const NONE = 0;
const LINE = 1;
const PARAGRAPH = 2;

class TextSink {
  private parts: string[] = [];
  length = 0;
  private pendingBreak = NONE;
  private pendingSpace = false;

  /** Ask for a line or paragraph break before the next text (ignored at the very start). */
  brk(level: number): void {
    if (level === NONE) return; // an inline element: text flows on
    if (this.length > 0 && level > this.pendingBreak) this.pendingBreak = level;
    this.pendingSpace = false;
  }

  space(): void {
    if (this.length > 0 && this.pendingBreak === NONE) this.pendingSpace = true;
  }

  /** Add rendered text: runs of HTML white space become one space, unless `pre`. */
  text(raw: string, pre: boolean): void {
    if (pre) {
      this.emit(raw.replace(/\r\n?/g, '\n'));
      return;
    }
    const collapsed = raw.replace(/[ \t\n\r\f]+/g, ' ');
    // Text that is only spaces, no-break ones included (`<p>&nbsp;</p>` spacers, an entity that
    // a parser gave its own node), separates words but never starts a line or fills one.
    if (!/\S/.test(collapsed)) {
      if (collapsed) this.space();
      return;
    }
    const lead = collapsed.startsWith(' ');
    const trail = collapsed.endsWith(' ');
    if (lead) this.space();
    // Only the collapsed ASCII spaces are cut: `trim()` would also eat meant no-break spaces.
    this.emit(collapsed.slice(lead ? 1 : 0, trail ? -1 : undefined));
    if (trail) this.space();
  }

  private emit(s: string): void {
    if (!s) return;
    if (this.pendingBreak !== NONE) this.push(this.pendingBreak === PARAGRAPH ? '\n\n' : '\n');
    else if (this.pendingSpace) this.push(' ');
    this.pendingBreak = NONE;
    this.pendingSpace = false;
    this.push(s);
  }

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  toString(): string {
    return this.parts.join('');
  }
}

function breakLevel(tag: string): number {
  if (PARAGRAPH_TAGS.has(tag)) return PARAGRAPH;
  return LINE_TAGS.has(tag) ? LINE : NONE;
}

const openShadowRoot = (el: Element): ShadowRoot | null =>
  (el as Partial<Element>).shadowRoot ?? null;

/** One open list of child nodes: an element's, a shadow root's, a slot's or a frame's. */
interface Frame {
  nodes: ArrayLike<Node>;
  at: number;
  /** The element whose end closes this frame (null for the walk's root). */
  tag: string | null;
  /** The shadow host whose tree this is, to find what its slots show. */
  host: Element | null;
}

/** The text of `root`'s descendants (not of `root`'s own classification: callers decide that). */
export function walkText(root: Node, options: WalkOptions): string {
  return walkTextDetailed(root, options).text;
}

/** `walkText`, saying whether (and why) it stopped before the end. */
export function walkTextDetailed(root: Node, options: WalkOptions): WalkResult {
  const { classify, maxChars, frameDocumentOf, shouldStop } = options;
  const maxNodes = options.maxNodes ?? Number.POSITIVE_INFINITY;
  const shadowRootOf = options.shadowRootOf === undefined ? openShadowRoot : options.shadowRootOf;
  const sink = new TextSink();
  // One entry per open element: whether its text is hidden, and whether it is preformatted.
  const hiddenStack: boolean[] = [false];
  const preStack: boolean[] = [false];
  let visited = 0;
  let stopped: WalkStop | null = null;

  const open = (tag: string, verdict: Verdict): void => {
    const parentHidden = hiddenStack[hiddenStack.length - 1] ?? false;
    hiddenStack.push(verdict === 'inherit' ? parentHidden : verdict === 'hidden');
    preStack.push((preStack[preStack.length - 1] ?? false) || tag === 'PRE' || tag === 'LISTING');
    if (CELL_TAGS.has(tag)) sink.space();
    else sink.brk(breakLevel(tag));
  };
  const close = (tag: string): void => {
    hiddenStack.pop();
    preStack.pop();
    if (CELL_TAGS.has(tag)) sink.space();
    else sink.brk(breakLevel(tag));
  };
  const hidden = (): boolean => hiddenStack[hiddenStack.length - 1] ?? false;

  /** What is rendered inside `el`: its shadow tree, a slot's assignment, a frame's body. */
  const contentOf = (el: Element, tag: string, host: Element | null) => {
    if (tag === 'SLOT') return { nodes: slotted(el, host), host };
    const shadow = shadowRootOf?.(el) ?? null;
    return shadow ? { nodes: shadow.childNodes, host: el } : { nodes: el.childNodes, host };
  };

  const rootShadow = isElement(root) ? (shadowRootOf?.(root) ?? null) : null;
  const stack: Frame[] = [
    rootShadow
      ? { nodes: rootShadow.childNodes, at: 0, tag: null, host: root as Element }
      : { nodes: root.childNodes, at: 0, tag: null, host: null },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.at >= frame.nodes.length) {
      stack.pop();
      if (frame.tag !== null) close(frame.tag);
      continue;
    }
    if (sink.length >= maxChars) stopped = 'chars';
    else if (visited >= maxNodes) stopped = 'nodes';
    else if ((visited & 255) === 255 && shouldStop?.()) stopped = 'time';
    if (stopped) break;
    const node = frame.nodes[frame.at++] as Node;
    visited += 1;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      if (!hidden()) sink.text(node.nodeValue ?? '', preStack[preStack.length - 1] ?? false);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = tagOf(el);
    if (frameDocumentOf && (tag === 'IFRAME' || tag === 'FRAME')) {
      const body = frameBody(el, frameDocumentOf);
      if (body) {
        open('DIV', 'inherit');
        stack.push({ nodes: body.childNodes, at: 0, tag: 'DIV', host: null });
      }
      continue;
    }
    const verdict = classify(el);
    if (verdict === 'skip') continue;
    open(tag, verdict);
    if (options.imageAlt && tag === 'IMG' && !hidden()) {
      const alt = (el.getAttribute('alt') ?? '').trim();
      if (alt) sink.text(` ${alt} `, false);
    }
    const content = contentOf(el, tag, frame.host);
    if (content.nodes.length > 0) {
      stack.push({ nodes: content.nodes, at: 0, tag, host: content.host });
    } else {
      close(tag);
    }
  }
  if (!stopped && sink.length > maxChars) stopped = 'chars';
  return { text: truncateSafely(sink.toString(), maxChars), stopped };
}
