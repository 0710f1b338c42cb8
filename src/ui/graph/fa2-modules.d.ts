/**
 * Types for the parts of graphology-layout-forceatlas2 used from their own files (the package
 * ships types for its entry points only). Signatures as in the package's source.
 */
declare module 'graphology-layout-forceatlas2/iterate' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  export default function iterate(
    settings: Required<ForceAtlas2Settings>,
    nodes: Float32Array,
    edges: Float32Array,
  ): void;
}

declare module 'graphology-layout-forceatlas2/helpers' {
  import type Graph from 'graphology-types';
  export function graphToByteArrays(
    graph: Graph,
    getEdgeWeight: (edge: string, attributes: Record<string, unknown>) => number,
  ): { nodes: Float32Array<ArrayBuffer>; edges: Float32Array<ArrayBuffer> };
  export function assignLayoutChanges(graph: Graph, nodes: Float32Array, reducer: null): void;
}

declare module 'graphology-layout-forceatlas2/defaults' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}
