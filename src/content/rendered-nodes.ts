/**
 * What the browser renders where the DOM tree says otherwise: the nodes a shadow tree's `<slot>`
 * shows, and the body of a same-origin frame. Used by the text walk (./text-walk.ts).
 */
import { ELEMENT_NODE, TEXT_NODE } from './dom';

export /** What a `<slot>` renders: the host's children assigned to it, else its own fallback content. */
function slotted(slot: Element, host: Element | null): ArrayLike<Node> {
  const assign = (slot as Partial<HTMLSlotElement>).assignedNodes;
  if (typeof assign === 'function') {
    const nodes = assign.call(slot, { flatten: true });
    return nodes.length > 0 ? nodes : slot.childNodes;
  }
  if (!host) return slot.childNodes;
  // DOMs without slot assignment (linkedom): match the `slot` attribute by hand.
  const name = slot.getAttribute('name') ?? '';
  const nodes = Array.from(host.childNodes).filter((node) =>
    node.nodeType === ELEMENT_NODE
      ? ((node as Element).getAttribute('slot') ?? '') === name
      : name === '' && node.nodeType === TEXT_NODE,
  );
  return nodes.length > 0 ? nodes : slot.childNodes;
}

export /** The body of a same-origin frame, or null (another origin throws or gives null). */
function frameBody(
  frame: Element,
  documentOf: (frame: Element) => Document | null,
): Element | null {
  try {
    const doc = documentOf(frame);
    return doc?.body ?? null;
  } catch {
    return null;
  }
}
