/**
 * The picture's place in the page: a focusable box sigma draws into. The GraphView lives as long
 * as the box; new data replaces its graph. Arrow keys, + and - and 0 move the camera, so the
 * picture is usable without a mouse (the search and the entity page do the rest).
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { currentTheme, watchTheme } from './graph-colors';
import type { EntityGraph } from './graph-model';
import { GraphView } from './graph-view';

interface Props {
  graph: EntityGraph | undefined;
  selected: string | undefined;
  onSelect: (id: string) => void;
  /** The view, once made: the page asks it to centre, expand and lay out. */
  onView: (view: GraphView | undefined) => void;
}

export function GraphCanvas({ graph, selected, onSelect, onView }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const view = useRef<GraphView | undefined>(undefined);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!graph || !box.current) return;
    if (view.current) {
      view.current.setGraph(graph);
    } else {
      view.current = new GraphView(box.current, graph, currentTheme(), {
        onSelect: (id) => select.current(id),
        onDrawn: () => {
          // What the e2e test and the benchmark wait for (scripts/bench/graph.ts).
          performance.mark('engram-graph-drawn');
          box.current?.setAttribute('data-drawn', String(graph.order));
        },
      });
      onView(view.current);
    }
    view.current.select(selected, selected !== undefined);
  }, [graph]);

  useEffect(() => {
    view.current?.select(selected);
    // Which entity the camera went to, for the e2e test (the canvas itself is pixels).
    if (selected) box.current?.setAttribute('data-selected', selected);
    else box.current?.removeAttribute('data-selected');
  }, [selected]);

  // How many entities the picture holds now (Expand adds some after the first drawing): for the
  // e2e test. Listened to after the graph is built, so the first drawing pays nothing for it.
  useEffect(() => {
    if (!graph) return;
    const count = () => box.current?.setAttribute('data-nodes', String(graph.order));
    count();
    graph.on('nodeAdded', count);
    graph.on('nodeDropped', count);
    return () => {
      graph.off('nodeAdded', count);
      graph.off('nodeDropped', count);
    };
  }, [graph]);

  useEffect(() => {
    const stop = watchTheme((theme) => view.current?.setTheme(theme));
    return () => {
      stop();
      view.current?.kill();
      view.current = undefined;
      onView(undefined);
    };
  }, []);

  return (
    <div
      ref={box}
      class="graph-canvas"
      data-testid="graph-canvas"
      tabIndex={0}
      role="application"
      aria-label={t('graphCanvasLabel')}
      aria-describedby="graph-keys"
      onKeyDown={(event) => {
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        if (view.current?.key(event.key)) event.preventDefault();
      }}
    />
  );
}
