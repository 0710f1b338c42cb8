/** What the page and the layout worker say to each other (fa2-worker.ts, fa2-layout.ts). */
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

export interface LayoutRequest {
  /** The library's settings, completed with its defaults. */
  settings: Required<ForceAtlas2Settings>;
  iterations: number;
  /** The node matrix (positions, forces, masses), transferred. */
  nodes: ArrayBuffer;
  /** The edge matrix, sent once per graph. */
  edges?: ArrayBuffer;
}

export interface LayoutReply {
  nodes: ArrayBuffer;
}
