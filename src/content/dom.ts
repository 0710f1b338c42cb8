/**
 * DOM facts shared by the extractors. Node types are spelled as numbers because the `Node` global
 * does not exist in every environment this code runs in (linkedom in the unit tests).
 */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

/** Elements whose content is never text the user reads. */
export const NON_TEXT_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'HEAD',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
]);

/**
 * What the user types into. Never read: not their values, not their default text, not their
 * options (privacy rule in DESIGN.md). `role=textbox` covers editors built on contenteditable
 * descendants of a non-editable wrapper.
 */
export const EDITABLE_SELECTOR =
  '[contenteditable]:not([contenteditable="false"]), [role="textbox"]';
export const FORM_FIELD_SELECTOR = `input, textarea, select, datalist, ${EDITABLE_SELECTOR}`;

const FORM_FIELD_TAGS: ReadonlySet<string> = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'DATALIST']);

export const isElement = (node: Node | null | undefined): node is Element =>
  !!node && node.nodeType === ELEMENT_NODE;

/** Upper-case tag name, also for SVG/MathML elements (whose `tagName` keeps its case). */
export const tagOf = (el: Element): string => el.tagName.toUpperCase();

/** Whether `el` itself is a form field or an editing host (not whether it is inside one). */
export function isFormField(el: Element): boolean {
  if (FORM_FIELD_TAGS.has(tagOf(el))) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  // `isContentEditable` also sees editability inherited from an ancestor or from designMode.
  if ((el as Partial<HTMLElement>).isContentEditable === true) return true;
  return el.getAttribute('role') === 'textbox';
}

/** Whether `node` is a form field or lies inside one. */
export function inFormField(node: Node | null | undefined): boolean {
  for (let cur = node ?? null; cur; cur = cur.parentNode) {
    if (isElement(cur) && isFormField(cur)) return true;
  }
  return false;
}
