/**
 * The graphology graph the picture draws: one node per entity (coloured by kind, sized by how
 * many sources mention it) and one edge per co-occurrence. Nodes start on a sunflower spiral,
 * most seen in the middle, so the first drawing is already readable before ForceAtlas2 moves them.
 */
import Graph from 'graphology';
import type { EntityEdgeRow, GraphEntityRow } from '../../shared/store/graph-view-types';
import type { Palette } from './graph-colors';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: GraphEntityRow['kind'];
}

export interface EdgeAttributes {
  size: number;
  color: string;
  weight: number;
}

export type EntityGraph = Graph<NodeAttributes, EdgeAttributes>;

/** Sources mentioning it → radius in pixels: logarithmic, so one famous name does not fill the screen. */
export const nodeSize = (sourceCount: number): number =>
  Math.min(22, 2.5 + 3 * Math.log2(1 + Math.max(0, sourceCount)));

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** The i-th point of a sunflower spiral: even density, deterministic. */
export function spiral(i: number, spacing = 10): { x: number; y: number } {
  const r = spacing * Math.sqrt(i + 0.5);
  return { x: r * Math.cos(i * GOLDEN_ANGLE), y: r * Math.sin(i * GOLDEN_ANGLE) };
}

function nodeOf(entity: GraphEntityRow, at: { x: number; y: number }, palette: Palette) {
  return {
    ...at,
    size: nodeSize(entity.sourceCount),
    color: palette.kinds[entity.kind],
    label: entity.name,
    kind: entity.kind,
  };
}

const edgeOf = (edge: EntityEdgeRow, palette: Palette): EdgeAttributes => ({
  weight: edge.weight,
  size: Math.min(4, 0.5 + Math.log2(1 + edge.weight) / 2),
  color: palette.edge,
});

/** Nodes in the order given (most seen first) and the edges between them. */
export function buildGraph(
  nodes: readonly GraphEntityRow[],
  edges: readonly EntityEdgeRow[],
  palette: Palette,
): EntityGraph {
  const graph: EntityGraph = new Graph({ type: 'undirected', allowSelfLoops: false });
  nodes.forEach((entity, i) => graph.addNode(entity.id, nodeOf(entity, spiral(i), palette)));
  for (const edge of edges) addEdge(graph, edge, palette);
  return graph;
}

function addEdge(graph: EntityGraph, edge: EntityEdgeRow, palette: Palette): void {
  if (edge.a === edge.b || !graph.hasNode(edge.a) || !graph.hasNode(edge.b)) return;
  if (!graph.hasEdge(edge.a, edge.b)) graph.addEdge(edge.a, edge.b, edgeOf(edge, palette));
}

/**
 * Adds an entity's neighbours around it (`expand`): new nodes on a small ring about the centre
 * entity, which is added at the middle when the picture did not hold it. Returns the ids added.
 */
export function addNeighbourhood(
  graph: EntityGraph,
  centre: string,
  nodes: readonly GraphEntityRow[],
  edges: readonly EntityEdgeRow[],
  palette: Palette,
): string[] {
  const added: string[] = [];
  const self = nodes.find((n) => n.id === centre);
  if (self && !graph.hasNode(centre)) {
    graph.addNode(centre, nodeOf(self, { x: 0, y: 0 }, palette));
    added.push(centre);
  }
  if (!graph.hasNode(centre)) return added;
  const { x, y } = graph.getNodeAttributes(centre);
  const fresh = nodes.filter((n) => !graph.hasNode(n.id));
  fresh.forEach((entity, i) => {
    const angle = (2 * Math.PI * i) / fresh.length;
    const at = { x: x + 12 * Math.cos(angle), y: y + 12 * Math.sin(angle) };
    graph.addNode(entity.id, nodeOf(entity, at, palette));
    added.push(entity.id);
  });
  for (const edge of edges) addEdge(graph, edge, palette);
  return added;
}

/** Recolours every node and edge for another theme, in place. */
export function repaint(graph: EntityGraph, palette: Palette): void {
  graph.updateEachNodeAttributes((_node, attributes) => ({
    ...attributes,
    color: palette.kinds[attributes.kind],
  }));
  graph.updateEachEdgeAttributes((_edge, attributes) => ({ ...attributes, color: palette.edge }));
}
