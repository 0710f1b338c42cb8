/**
 * Runs ForceAtlas2 on a graphology graph in a worker (fa2-worker.ts) and writes the positions
 * back after each round, which sigma redraws. It stops by itself after `budgetMs`: a picture that
 * has settled need not keep a core busy, and any change (a new slice, neighbours added) starts a
 * new run from the current positions.
 */
import type Graph from 'graphology';
import { inferSettings } from 'graphology-layout-forceatlas2';
import defaults from 'graphology-layout-forceatlas2/defaults';
import { assignLayoutChanges, graphToByteArrays } from 'graphology-layout-forceatlas2/helpers';
import type { LayoutReply, LayoutRequest } from './fa2-protocol';

/** Iterations per round: small enough that positions flow smoothly at 10,000 nodes. */
const ITERATIONS = 2;

export class Fa2Layout {
  private worker: Worker | undefined;
  private stopAt = 0;

  constructor(private readonly graph: Graph) {}

  /** Lay out for at most `budgetMs` from the graph's current positions. */
  start(budgetMs = 8_000): void {
    this.stop();
    if (this.graph.order === 0) return;
    const settings = { ...defaults, ...inferSettings(this.graph), edgeWeightInfluence: 0.5 };
    const matrices = graphToByteArrays(this.graph, (_edge, attributes) =>
      typeof attributes.weight === 'number' ? attributes.weight : 1,
    );
    const worker = new Worker(new URL('./fa2-worker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    this.stopAt = performance.now() + budgetMs;
    worker.addEventListener('message', (event: MessageEvent<LayoutReply>) => {
      if (this.worker !== worker) return;
      const nodes = new Float32Array(event.data.nodes);
      assignLayoutChanges(this.graph, nodes, null);
      if (performance.now() >= this.stopAt) {
        this.stop();
        return;
      }
      this.post(worker, { settings, iterations: ITERATIONS, nodes: nodes.buffer });
    });
    this.post(worker, {
      settings,
      iterations: ITERATIONS,
      nodes: matrices.nodes.buffer,
      edges: matrices.edges.buffer,
    });
  }

  get running(): boolean {
    return this.worker !== undefined;
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  private post(worker: Worker, request: LayoutRequest): void {
    const transfer = request.edges ? [request.nodes, request.edges] : [request.nodes];
    worker.postMessage(request, transfer);
  }
}
