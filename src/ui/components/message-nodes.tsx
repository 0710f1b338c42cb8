/**
 * A message with elements inside the sentence ("Press <kbd>Alt+S</kbd> on a page…"): each node
 * goes where the language puts its placeholder, so no sentence is built from fragments.
 */
import { Fragment, type ComponentChildren, type VNode } from 'preact';
import { t, type MessageKey } from '../../shared/i18n';

/** Private-use characters around the node's index: never in a message or a page title. */
const mark = (index: number) => `\uE000${index}\uE001`;

/** `t(key, …)` with `nodes` for its substitutions, in order. */
export function tNodes(key: MessageKey, ...nodes: ComponentChildren[]): VNode {
  const parts = t(key, ...nodes.map((_, index) => mark(index))).split(/\uE000(\d+)\uE001/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>{i % 2 === 0 ? part : nodes[Number(part)]}</Fragment>
      ))}
    </>
  );
}
