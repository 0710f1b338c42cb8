/** The graph the picture draws: sizes, colours, and neighbourhoods expanded without duplicates. */
import { expect, test } from 'vitest';
import type { EntityEdgeRow, GraphEntityRow } from '../../shared/store/graph-view-types';
import { PALETTES } from './graph-colors';
import { addNeighbourhood, buildGraph, nodeSize, repaint } from './graph-model';

const entity = (id: string, kind: GraphEntityRow['kind'], sourceCount = 1): GraphEntityRow => ({
  id,
  kind,
  name: id.split(':').at(-1) ?? id,
  key: id,
  firstSeenAt: 0,
  lastSeenAt: 0,
  sourceCount,
});
const edge = (a: string, b: string, weight = 1): EntityEdgeRow =>
  a < b ? { a, b, weight } : { a: b, b: a, weight };

test('a node grows with the sources that mention it, and stays within bounds', () => {
  const sizes = [0, 1, 2, 5, 20, 100, 10_000].map(nodeSize);
  for (let i = 1; i < sizes.length; i++) expect(sizes[i]!).toBeGreaterThanOrEqual(sizes[i - 1]!);
  expect(nodeSize(5)).toBeGreaterThan(nodeSize(1));
  expect(nodeSize(1)).toBeGreaterThan(nodeSize(0));
  expect(sizes.at(-1)).toBeLessThanOrEqual(22);
  expect(nodeSize(-3)).toBe(nodeSize(0));

  const graph = buildGraph(
    [entity('e:person:ada', 'person', 12), entity('e:idea:looms', 'idea', 1)],
    [],
    PALETTES.light,
  );
  expect(graph.getNodeAttribute('e:person:ada', 'size')).toBe(nodeSize(12));
  expect(graph.getNodeAttribute('e:person:ada', 'size')).toBeGreaterThan(
    graph.getNodeAttribute('e:idea:looms', 'size'),
  );
});

test('each node takes its kind’s colour from the palette of the theme', () => {
  const kinds = ['person', 'organisation', 'place', 'event', 'idea', 'site'] as const;
  const nodes = kinds.map((kind) => entity(`e:${kind}:x`, kind));
  const graph = buildGraph(nodes, [edge('e:person:x', 'e:place:x')], PALETTES.light);
  for (const kind of kinds) {
    expect(graph.getNodeAttribute(`e:${kind}:x`, 'color')).toBe(PALETTES.light.kinds[kind]);
  }
  // Six kinds, six different colours: a kind is told apart by its colour alone.
  expect(new Set(kinds.map((k) => PALETTES.light.kinds[k])).size).toBe(kinds.length);
  expect(graph.getEdgeAttribute('e:person:x', 'e:place:x', 'color')).toBe(PALETTES.light.edge);

  repaint(graph, PALETTES.dark);
  for (const kind of kinds) {
    expect(graph.getNodeAttribute(`e:${kind}:x`, 'color')).toBe(PALETTES.dark.kinds[kind]);
  }
  expect(graph.getEdgeAttribute('e:person:x', 'e:place:x', 'color')).toBe(PALETTES.dark.edge);
});

test('expanding neighbours adds each node and edge once, however often it is asked', () => {
  const ada = entity('e:person:ada', 'person', 3);
  const graph = buildGraph([ada, entity('e:place:london', 'place')], [], PALETTES.light);
  const around = [
    ada,
    entity('e:place:london', 'place'),
    entity('e:organisation:society', 'organisation'),
    entity('e:idea:engines', 'idea'),
  ];
  const edges = [
    edge('e:person:ada', 'e:place:london', 2),
    edge('e:person:ada', 'e:organisation:society'),
    edge('e:person:ada', 'e:idea:engines'),
    edge('e:organisation:society', 'e:idea:engines'),
    // The same pair twice, and a pair whose node is not in the picture: neither is added twice.
    edge('e:person:ada', 'e:idea:engines'),
    edge('e:person:ada', 'e:person:missing'),
  ];

  const added = addNeighbourhood(graph, ada.id, around, edges, PALETTES.light);
  expect(added.sort()).toEqual(['e:idea:engines', 'e:organisation:society']);
  expect(graph.order).toBe(4);
  expect(graph.size).toBe(4);

  expect(addNeighbourhood(graph, ada.id, around, edges, PALETTES.light)).toEqual([]);
  expect(graph.order).toBe(4);
  expect(graph.size).toBe(4);
  expect(graph.nodes().sort()).toEqual([...new Set(graph.nodes())].sort());

  // An entity the picture did not hold (hidden by a filter) comes back with its neighbours.
  graph.dropNode('e:organisation:society');
  const back = addNeighbourhood(graph, 'e:organisation:society', around, edges, PALETTES.light);
  expect(back).toEqual(['e:organisation:society']);
  expect(graph.hasEdge('e:organisation:society', 'e:idea:engines')).toBe(true);
  expect(graph.hasEdge('e:person:ada', 'e:organisation:society')).toBe(true);
  expect(graph.order).toBe(4);
});
