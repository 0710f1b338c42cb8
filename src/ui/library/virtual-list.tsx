/**
 * A list that draws only the rows on screen (core/library/virtual-window.ts): a spacer as tall
 * as every row together, and the visible rows placed on it. Scrolling re-renders at most once a
 * frame.
 */
import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { offsetsOf, scrollToShow, visibleRange } from '../../core/library/virtual-window';

interface Props {
  count: number;
  heightOf: (index: number) => number;
  /** Draws row `index`; the list places it. */
  renderRow: (index: number) => ComponentChildren;
  /** The row to keep on screen (the keyboard's). */
  focusIndex: number | undefined;
  /** Changes when the list's content changes, so it starts at the top again. */
  resetKey: unknown;
  containerRef?: Ref<HTMLDivElement>;
  onVisible?: (start: number, end: number) => void;
  attributes?: Record<string, unknown>;
}

export function VirtualList(props: Props) {
  const { count, heightOf, renderRow, focusIndex, resetKey, onVisible } = props;
  const own = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  const offsets = useMemo(() => offsetsOf(count, heightOf), [count, heightOf]);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const element = own.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = own.current;
    if (element) element.scrollTop = 0;
  }, [resetKey]);

  useEffect(() => {
    const element = own.current;
    if (!element || focusIndex === undefined) return;
    const top = scrollToShow(offsets, focusIndex, element.scrollTop, element.clientHeight);
    if (top !== undefined) element.scrollTop = top;
  }, [focusIndex, offsets]);

  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const element = own.current;
      if (element) setView({ top: element.scrollTop, height: element.clientHeight });
    });
  };

  const { start, end } = visibleRange(offsets, view.top, view.height);
  useEffect(() => onVisible?.(start, end), [start, end, onVisible]);
  const rows: ComponentChildren[] = [];
  for (let i = start; i < end; i++) {
    rows.push(
      <div
        key={i}
        class="vrow"
        style={{ transform: `translateY(${offsets[i] ?? 0}px)`, height: `${heightOf(i)}px` }}
      >
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div
      {...props.attributes}
      class="vlist"
      ref={(element) => {
        own.current = element;
        const outer = props.containerRef;
        if (typeof outer === 'function') outer(element);
        else if (outer) outer.current = element;
      }}
      onScroll={onScroll}
    >
      <div class="vlist-spacer" style={{ height: `${offsets[count] ?? 0}px` }}>
        {rows}
      </div>
    </div>
  );
}
