/** The user's current selection, read without ever reading what they typed into a form field. */
import { EDITABLE_SELECTOR, inFormField, isElement, isFormField } from './dom';
import { MAX_TEXT } from './limits';
import { uniqueLinks, type LinkOptions } from './links';
import { truncateSafely } from '../core/text/text';

/** The part of `Window` the capture needs (a fake one in the unit tests). */
export interface SelectionSource {
  getSelection(): Selection | null;
}

export interface SelectionState {
  /** The selected text, trimmed; empty when nothing readable is selected. */
  text: string;
  /** The focus or the selection is in a form field or an editable region. */
  inField: boolean;
  selection: Selection | null;
}

const MAX_ANCHORS_CHECKED = 5_000;
const MAX_EDITABLES_CHECKED = 200;

/**
 * Whether the selection covers an editable region, even partly: `toString()` of a select-all
 * would otherwise carry a draft typed into a rich-text editor on the page. (Text fields are safe:
 * their values are not part of a document selection's text.)
 */
function touchesEditable(doc: Document, selection: Selection): boolean {
  let checked = 0;
  for (const editable of doc.querySelectorAll(EDITABLE_SELECTOR)) {
    if (++checked > MAX_EDITABLES_CHECKED) return true; // too many to check: assume the worst
    if (selection.containsNode(editable, true)) return true;
  }
  return false;
}

export function readSelection(doc: Document, win: SelectionSource): SelectionState {
  const selection = win.getSelection();
  // Chrome hides a text field's selection from `getSelection()` but Firefox exposes it, and the
  // context menu's `selectionText` includes it: a focused field means "typed by the user".
  const active = doc.activeElement;
  const inField =
    (isElement(active) && isFormField(active)) ||
    (!!selection &&
      selection.rangeCount > 0 &&
      (inFormField(selection.anchorNode) ||
        inFormField(selection.focusNode) ||
        touchesEditable(doc, selection)));
  if (inField || !selection || selection.rangeCount === 0) {
    return { text: '', inField, selection: inField ? null : selection };
  }
  return { text: truncateSafely(selection.toString().trim(), MAX_TEXT), inField, selection };
}

/** Links that the selection touches: anchors under each range's common ancestor, or around it. */
export function selectionLinks(selection: Selection, options: LinkOptions): string[] {
  const anchors: Element[] = [];
  let checked = 0;
  for (let i = 0; i < selection.rangeCount && checked < MAX_ANCHORS_CHECKED; i += 1) {
    const container = selection.getRangeAt(i).commonAncestorContainer;
    const el = isElement(container) ? container : container.parentElement;
    if (!el) continue;
    const around = el.closest('a[href], area[href]');
    if (around) anchors.push(around);
    for (const anchor of el.querySelectorAll('a[href], area[href]')) {
      if (++checked > MAX_ANCHORS_CHECKED) break;
      // `true`: an anchor only partly selected still counts.
      if (selection.containsNode(anchor, true)) anchors.push(anchor);
    }
  }
  return uniqueLinks(anchors, options);
}
