/**
 * Checkbox selection in the library list: a click toggles one source and becomes the anchor;
 * a shift-click sets every source between the anchor and the clicked one to the clicked one's new
 * state, as file managers do.
 */

export interface Selection {
  ids: ReadonlySet<string>;
  /** The last source clicked without shift. */
  anchor?: string;
}

export const emptySelection: Selection = { ids: new Set() };

/** The selection after a click on `id` (`range`: shift held), over the list's order. */
export function toggle(
  selection: Selection,
  order: readonly string[],
  id: string,
  range: boolean,
): Selection {
  const ids = new Set(selection.ids);
  const on = !ids.has(id);
  const from = selection.anchor === undefined ? -1 : order.indexOf(selection.anchor);
  const to = order.indexOf(id);
  if (range && from >= 0 && to >= 0) {
    const [a, b] = from < to ? [from, to] : [to, from];
    for (let i = a; i <= b; i++) {
      const each = order[i];
      if (each === undefined) continue;
      if (on) ids.add(each);
      else ids.delete(each);
    }
    return { ids, anchor: selection.anchor };
  }
  if (on) ids.add(id);
  else ids.delete(id);
  return { ids, anchor: id };
}

/** Drops what is no longer listed (deleted, or filtered away). */
export function keepListed(selection: Selection, listed: ReadonlySet<string>): Selection {
  const ids = new Set([...selection.ids].filter((id) => listed.has(id)));
  if (ids.size === selection.ids.size) return selection;
  return selection.anchor !== undefined && listed.has(selection.anchor)
    ? { ids, anchor: selection.anchor }
    : { ids };
}
