/**
 * ForceAtlas2 in a worker: the library's own iteration (graphology-layout-forceatlas2/iterate),
 * driven the way its supervisor drives its worker, but bundled as a module file of the extension.
 * The library's `worker` entry builds its worker from a Blob URL, which the extension pages' CSP
 * (`script-src 'self'`, so no blob: workers) refuses; this file is the same work from 'self'.
 */
import iterate from 'graphology-layout-forceatlas2/iterate';
import type { LayoutRequest } from './fa2-protocol';

let edges: Float32Array | undefined;

self.addEventListener('message', (event: MessageEvent<LayoutRequest>) => {
  const { settings, iterations } = event.data;
  const nodes = new Float32Array(event.data.nodes);
  if (event.data.edges) edges = new Float32Array(event.data.edges);
  if (!edges) return;
  for (let i = 0; i < iterations; i++) iterate(settings, nodes, edges);
  // The buffer goes back without a copy; the page sends it again with the next request.
  self.postMessage({ nodes: nodes.buffer }, { transfer: [nodes.buffer] });
});
