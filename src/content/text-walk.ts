/**
 * Turns a DOM subtree into plain text with its structure kept: paragraphs and headings are
 * separated by a blank line, list items, table rows and `<br>` by a newline, and white space is
 * collapsed as HTML renders it (kept inside `<pre>`).
 *
 * A hand-written walk rather than a TreeWalker: we need to know when an element ends (to close
 * its paragraph) and to prune whole subtrees, and it runs the same in browsers and in linkedom.
 * It is iterative, so a pathologically deep page cannot overflow the stack.
 */
import { CDATA_SECTION_NODE, ELEMENT_NODE, TEXT_NODE, tagOf } from './dom';
import { truncateText } from './text-utils';

/** What to do with an element: prune it, or walk it with its text hidden, shown, or as its parent's. */
export type Verdict = 'skip' | 'hidden' | 'visible' | 'inherit';

export interface WalkOptions {
  /** Decides, once per element, whether and how it is walked. */
  classify: (el: Element) => Verdict;
  /** Stop collecting after this many characters. */
  maxChars: number;
  /** Stop after visiting this many nodes (bounded work on huge pages). */
  maxNodes?: number;
}

const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(
  (
    'P H1 H2 H3 H4 H5 H6 BLOCKQUOTE PRE UL OL DL TABLE FIGURE FIGCAPTION SECTION ARTICLE HEADER ' +
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

/** The text of `root`'s descendants (not of `root`'s own classification: callers decide that). */
export function walkText(root: Node, options: WalkOptions): string {
  const { classify, maxChars } = options;
  const maxNodes = options.maxNodes ?? Number.POSITIVE_INFINITY;
  const sink = new TextSink();
  // One entry per open element: whether its text is hidden, and whether it is preformatted.
  const hiddenStack: boolean[] = [false];
  const preStack: boolean[] = [false];
  let visited = 0;

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

  let node: Node | null = root.firstChild;
  while (node && sink.length < maxChars && visited < maxNodes) {
    visited += 1;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      if (!hiddenStack[hiddenStack.length - 1]) {
        sink.text(node.nodeValue ?? '', preStack[preStack.length - 1] ?? false);
      }
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const verdict = classify(el);
      if (verdict !== 'skip') {
        const tag = tagOf(el);
        open(tag, verdict);
        if (el.firstChild) {
          node = el.firstChild;
          continue;
        }
        close(tag);
      }
    }
    // Climb until a next sibling exists, closing each element we leave.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root) close(tagOf(node as Element));
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return truncateText(sink.toString(), maxChars);
}
