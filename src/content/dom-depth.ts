/**
 * How deep a document nests, asked cheaply. Readability recurses per level and some of its checks
 * look at every descendant of every candidate, so its cost grows faster than the depth: in the
 * unit tests' DOM a 700-deep chain of `<div>`s took 2.8 s, 250 deep 0.24 s. Blink's HTML parser
 * never nests deeper than 512 elements; deeper trees are made by script, and real pages stay far
 * shallower (34 at most in the Readability test corpus).
 */

/**
 * Whether an element below `root` sits more than `maxDepth` levels down. Iterative (a deep page
 * cannot overflow the stack) and stops after `maxElements` elements, answering false: past that
 * the element limit of the caller decides.
 */
export function deeperThan(root: Element, maxDepth: number, maxElements: number): boolean {
  let depth = 0;
  let seen = 0;
  let el: Element | null = root;
  while (el) {
    if (++seen > maxElements) return false;
    const child: Element | null = el.firstElementChild;
    if (child) {
      depth += 1;
      if (depth > maxDepth) return true;
      el = child;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth -= 1;
    }
    el = el && el !== root ? el.nextElementSibling : null;
  }
  return false;
}
