/**
 * The graph page: the toolbar (find an entity, filter by kind and time), the picture, and the
 * entity's page beside it when one is open (`#/entity/<id>`). The picture loads once per filter
 * change, not live: redrawing 10,000 nodes at every indexed page would never let it settle.
 */
import '../components/chat.css';
import './graph.css';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { t } from '../../shared/i18n';
import { graphSlice, neighbourhood, type GraphSlice } from '../../shared/store/graph-view-reads';
import { EntityPanel } from './entity-panel';
import { closeEntity, openEntity, useEntityRoute } from './entity-route';
import { EntitySearch } from './entity-search';
import { GraphCanvas } from './graph-canvas';
import { PALETTES, currentTheme } from './graph-colors';
import { DEFAULT_FILTERS, readFilter, type GraphFilters } from './graph-filters';
import { addNeighbourhood, buildGraph, type EntityGraph } from './graph-model';
import { GraphToolbar } from './graph-toolbar';
import type { GraphView } from './graph-view';
import { countWord } from './graph-words';

export function GraphPage() {
  const entityId = useEntityRoute();
  const [filters, setFilters] = useState<GraphFilters>(DEFAULT_FILTERS);
  const [slice, setSlice] = useState<GraphSlice>();
  const [graph, setGraph] = useState<EntityGraph>();
  const [error, setError] = useState<string>();
  const view = useRef<GraphView | undefined>(undefined);

  useEffect(() => {
    let current = true;
    setSlice(undefined);
    graphSlice(db(), readFilter(filters, Date.now())).then(
      (next) => {
        if (!current) return;
        // The benchmark's split of the first drawing: reading ends here (scripts/bench/graph.ts).
        performance.mark('engram-graph-read');
        setSlice(next);
        setGraph(buildGraph(next.nodes, next.edges, PALETTES[currentTheme()]));
      },
      (e: unknown) => setError(String(e)),
    );
    return () => {
      current = false;
    };
  }, [filters]);

  /** Brings an entity's neighbours into the picture (and the entity, if it was not there). */
  const expand = useCallback(
    async (id: string) => {
      if (!graph) return;
      const around = await neighbourhood(db(), id);
      const added = addNeighbourhood(
        graph,
        id,
        around.nodes,
        around.edges,
        PALETTES[currentTheme()],
      );
      if (added.length > 0) view.current?.relayout();
      view.current?.select(id);
    },
    [graph],
  );

  const show = (id: string) => {
    openEntity(id);
    if (graph && !graph.hasNode(id)) void expand(id);
  };

  return (
    <div class="graph-page">
      <header class="graph-header">
        <h1>{t('graphTitle')}</h1>
        <EntitySearch onPick={(entity) => show(entity.id)} />
        <a class="graph-library-link" href="library.html">
          {t('graphOpenLibrary')}
        </a>
      </header>
      <GraphToolbar filters={filters} onChange={setFilters} />
      <p class="graph-status muted" data-testid="graph-status" aria-live="polite">
        {error ??
          (slice === undefined
            ? t('graphLoading')
            : slice.matching === 0
              ? t('graphEmpty')
              : t('graphShowing', countWord(slice.nodes.length), countWord(slice.matching)))}
      </p>
      <div class="graph-body">
        <GraphCanvas
          graph={graph}
          selected={entityId}
          onSelect={openEntity}
          onView={(next) => (view.current = next)}
        />
        {entityId && (
          <EntityPanel
            key={entityId}
            id={entityId}
            onClose={closeEntity}
            onOpen={show}
            onExpand={(id) => void expand(id)}
            onCentre={(id) => view.current?.select(id)}
          />
        )}
      </div>
      <p id="graph-keys" class="graph-keys muted">
        {t('graphKeysHint')}
      </p>
    </div>
  );
}
