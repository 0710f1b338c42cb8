/**
 * The main content of a page: Mozilla's Readability (Firefox Reader View) on a copy of the
 * document, or the page's visible text when there is no article to find.
 */
import { Readability } from '@mozilla/readability';
import { toWellFormed } from '../core/text/well-formed';
import { FORM_FIELD_SELECTOR, isElement } from './dom';
import { deeperThan } from './dom-depth';
import { gateFields } from './gate';
import { MAX_LANG, MAX_TEXT } from './limits';
import { collectLinks } from './links';
import { oneLine } from '../core/text/one-line';
import { truncateSafely } from '../core/text/text';
import { pageMetadata, type CapturedMetadata } from './page-metadata';
import { walkText } from './text-walk';
import { visibilityClassifier, visibleTextDetailed, type StyleView } from './visible-text';
import { transcriptText, youtubeTranscript } from './youtube-transcript';

export interface ExtractOptions {
  /** Resolves relative links; defaults to the document's `baseURI`. */
  baseUrl?: string;
  /** The page's own address, left out of the links; defaults to the document's URL. */
  pageUrl?: string;
  /** Past this many elements Readability is skipped: cloning and scoring them would stall the tab. */
  maxElements?: number;
  /** Past this nesting depth Readability is skipped too: its cost grows faster than the depth. */
  maxDepth?: number;
  /** An article shorter than this is taken for a miss (a teaser, a cookie banner). */
  minArticleChars?: number;
  maxChars?: number;
  /** Computed styles for the visible-text fallback; defaults to the document's window. */
  view?: StyleView | null;
  /**
   * The extraction's time budget, ms: past it the walk stops and the page is kept in part
   * (`truncated: 'time'`), rather than holding the tab. Readability, which cannot be interrupted,
   * is skipped when the budget is already spent and bounded by `maxElements` otherwise.
   */
  timeBudgetMs?: number;
  /** The clock, for tests; `performance.now` by default. */
  now?: () => number;
  /** Read same-origin frames too (the `readFrames` setting; off by default). */
  readFrames?: boolean;
  /**
   * Whether a same-origin frame may be read, asked before a word of it is (issue 11): the
   * capture passes the gate with the user's site rules (gate.ts `gateFrame`). Without it, a
   * frame is read only when it holds no password or card field (`gateFields`).
   */
  frameAllowed?: (frame: Document) => boolean;
}

export interface ExtractedPage {
  title: string;
  text: string;
  lang?: string;
  links: string[];
  extractor: 'readability' | 'visible-text' | 'youtube-transcript';
  /**
   * Why only part of the page was kept, if so: too many elements for the article extractor and
   * the text walk (`elements`), the 2 MB text cap (`size`), or the time budget (`time`).
   */
  truncated?: 'elements' | 'size' | 'time';
  /** JSON-LD, meta tags, byline and site name: the page's entities (page-metadata.ts). */
  metadata?: CapturedMetadata;
}

const DEFAULT_MAX_ELEMENTS = 200_000;
const DEFAULT_MAX_DEPTH = 256;
const DEFAULT_MIN_ARTICLE_CHARS = 200;
const DEFAULT_TIME_BUDGET_MS = 2_000;
const TRUNCATED = { time: 'time', chars: 'size', nodes: 'elements' } as const;
// BCP 47 in its common shape; anything else (or longer than the protocol allows) is dropped.
const LANG_TAG = /^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/i;

/** The page's declared language (`<html lang>`), when it looks like a language tag. */
export function pageLang(doc: Document): string | undefined {
  const lang = (doc.documentElement?.getAttribute('lang') ?? '').trim().replace(/_/g, '-');
  return lang.length <= MAX_LANG && LANG_TAG.test(lang) ? lang : undefined;
}

/** How many elements the document has; linkedom answers 0 to `getElementsByTagName('*')`. */
function countElements(doc: Document): number {
  return doc.getElementsByTagName('*').length || doc.querySelectorAll('*').length;
}

interface Article {
  title: string;
  root: Element;
  text: string;
  byline?: string | null | undefined;
  siteName?: string | null | undefined;
}

/** A same-origin frame's document; null for another origin (the browser answers null or throws). */
const frameDocument = (frame: Element): Document | null =>
  (frame as Partial<HTMLIFrameElement>).contentDocument ?? null;

const noSensitiveField = (frame: Document): boolean => gateFields(frame).decision === 'full';

/** A frame's document if the gate lets it be read, else null: the walk then leaves it out. */
const gatedFrameDocument =
  (allowed: (frame: Document) => boolean) =>
  (frame: Element): Document | null => {
    const doc = frameDocument(frame);
    return doc && allowed(doc) ? doc : null;
  };

function readArticle(doc: Document, maxElements: number, maxChars: number): Article | null {
  try {
    // Readability rewrites the DOM it is given: it works on a copy, never on the live page.
    const clone = doc.cloneNode(true) as Document;
    // Form fields and editable regions never leave the page, not even inside an article.
    for (const field of Array.from(clone.querySelectorAll(FORM_FIELD_SELECTOR))) field.remove();
    const article = new Readability<Node>(clone, {
      // Hand back the article element itself: no HTML string to re-parse.
      serializer: (node) => node,
      maxElemsToParse: maxElements,
    }).parse();
    const root = article?.content;
    if (!article || !isElement(root)) return null;
    // Attributes only: the copy is not rendered, and Readability already dropped hidden nodes.
    const text = walkText(root, { classify: visibilityClassifier(null), maxChars, imageAlt: true });
    return {
      title: oneLine(article.title),
      root,
      text,
      byline: article.byline,
      siteName: article.siteName,
    };
  } catch {
    // A Readability failure on a strange page is a miss, not an error: the fallback still works.
    return null;
  }
}

export function extractPage(doc: Document, options: ExtractOptions = {}): ExtractedPage {
  const maxChars = options.maxChars ?? MAX_TEXT;
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const minChars = options.minArticleChars ?? DEFAULT_MIN_ARTICLE_CHARS;
  const linkOptions = {
    base: options.baseUrl ?? doc.baseURI ?? undefined,
    exclude: options.pageUrl ?? doc.URL ?? undefined,
  };
  const lang = pageLang(doc);
  const docTitle = oneLine(doc.title);

  // A YouTube video showing its transcript: the words spoken, not the comments and suggestions.
  const transcript = youtubeTranscript(doc, options.pageUrl ?? doc.URL ?? '');
  if (transcript) {
    return {
      title: toWellFormed(transcript.title || docTitle),
      text: toWellFormed(truncateSafely(transcriptText(transcript), maxChars)),
      ...(lang ? { lang } : {}),
      links: [],
      extractor: 'youtube-transcript',
    };
  }

  const now = options.now ?? (() => performance.now());
  const deadline = now() + (options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  const shouldStop = () => now() > deadline;

  const elements = countElements(doc);
  // Frames are not in the copy Readability reads: with them on, the walk reads the page.
  const readable =
    !options.readFrames &&
    elements <= maxElements &&
    !(doc.documentElement && deeperThan(doc.documentElement, maxDepth, maxElements)) &&
    !shouldStop();
  const article = readable ? readArticle(doc, maxElements, maxChars) : null;
  // Titles and text leave the page well formed: a lone surrogate would not survive TextEncoder.
  if (article && article.text.length >= minChars) {
    return {
      title: toWellFormed(article.title || docTitle),
      text: toWellFormed(article.text),
      ...(lang ? { lang } : {}),
      links: collectLinks(article.root, linkOptions),
      extractor: 'readability',
      ...(article.text.length >= maxChars ? { truncated: 'size' as const } : {}),
      metadata: pageMetadata(doc, article),
    };
  }
  const root = doc.body ?? doc.documentElement;
  const viewOption = options.view === undefined ? {} : { view: options.view };
  const walked = root
    ? visibleTextDetailed(root, {
        ...viewOption,
        maxChars,
        shouldStop,
        imageAlt: true,
        ...(options.readFrames
          ? { frameDocumentOf: gatedFrameDocument(options.frameAllowed ?? noSensitiveField) }
          : {}),
      })
    : { text: '', stopped: null };
  return {
    title: toWellFormed(article?.title || docTitle),
    text: toWellFormed(walked.text),
    ...(lang ? { lang } : {}),
    links: root ? collectLinks(doc, linkOptions) : [],
    extractor: 'visible-text',
    ...(walked.stopped ? { truncated: TRUNCATED[walked.stopped] } : {}),
    metadata: pageMetadata(doc, article ?? {}),
  };
}
