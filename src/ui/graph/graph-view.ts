/**
 * The picture itself: sigma (WebGL) drawing a graphology graph, ForceAtlas2 in a worker moving
 * it, and the camera moves the page asks for (centre on an entity, pan and zoom from the
 * keyboard). Kept apart from Preact: sigma owns its canvases, and a re-render must not rebuild it.
 */
import Sigma, { DEFAULT_STYLES } from 'sigma';
import { Fa2Layout } from './fa2-layout';
import { PALETTES, type Theme } from './graph-colors';
import { repaint, type EdgeAttributes, type EntityGraph, type NodeAttributes } from './graph-model';

export interface GraphViewEvents {
  /** A node was clicked (or chosen otherwise): open its entity. */
  onSelect: (id: string) => void;
  /** The first frame of a new graph was drawn: the time the benchmark measures. */
  onDrawn: () => void;
}

/** How far one arrow key pans, as a share of the visible width, and one +/- zooms. */
const PAN_STEP = 0.12;
const ZOOM_FACTOR = 1.5;

export class GraphView {
  private readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  private layout: Fa2Layout;
  private selected: string | undefined;
  private waitingForFirstDraw = true;

  constructor(
    container: HTMLElement,
    private graph: EntityGraph,
    private theme: Theme,
    private readonly events: GraphViewEvents,
  ) {
    this.sigma = new Sigma(graph, container, {
      settings: {
        hideEdgesOnMove: graph.size > 20_000,
        // Node sizes in pixels (graph-model.ts nodeSize), whatever the picture's extent: sigma's
        // default measures them in graph units, which drew the few entities of a first day as
        // discs a third of the screen wide.
        itemSizesReference: 'screen',
        labelDensity: 0.6,
        // Every node may be labelled (nodeSize starts at 5.5 px); the label grid keeps them apart.
        labelRenderedSizeThreshold: 5,
      },
      styles: this.styles(),
    });
    this.sigma.on('clickNode', ({ node }) => this.events.onSelect(node));
    this.sigma.on('afterRender', () => this.drawn());
    // Sigma may draw the first frame inside its constructor, before any listener: the frame
    // after it is on screen.
    requestAnimationFrame(() => this.drawn());
    this.layout = new Fa2Layout(graph);
    this.layout.start();
  }

  private drawn(): void {
    if (!this.waitingForFirstDraw || this.graph.order === 0) return;
    this.waitingForFirstDraw = false;
    this.events.onDrawn();
  }

  private styles() {
    const palette = PALETTES[this.theme];
    const shown = { whenState: ['isHovered', 'isHighlighted'], then: 'visible', else: 'auto' };
    return {
      nodes: {
        ...DEFAULT_STYLES.nodes,
        labelColor: palette.label,
        labelVisibility: shown,
        backdropVisibility: { ...shown, else: 'hidden' },
        backdropColor: palette.backdrop,
      },
      edges: DEFAULT_STYLES.edges,
    } as never;
  }

  /** Draws another graph (new filters): the camera goes back to the whole picture. */
  setGraph(graph: EntityGraph): void {
    this.layout.stop();
    this.graph = graph;
    this.selected = undefined;
    this.waitingForFirstDraw = true;
    this.sigma.setGraph(graph);
    requestAnimationFrame(() => this.drawn());
    void this.sigma.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 0 });
    this.layout = new Fa2Layout(graph);
    this.layout.start();
  }

  /** Nodes were added to the current graph (expand): lay out again from where things are. */
  relayout(budgetMs = 4_000): void {
    this.layout.start(budgetMs);
  }

  setTheme(theme: Theme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    repaint(this.graph, PALETTES[theme]);
    // Sigma reads styles once; a theme change is rare enough to rebuild its view of them.
    this.sigma.setSettings({});
    this.sigma.refresh();
  }

  /** Marks the selected entity (label always shown) and moves the camera to it. */
  select(id: string | undefined, centre = true): void {
    if (this.selected && this.graph.hasNode(this.selected)) {
      this.sigma.setNodeState(this.selected, { isHighlighted: false });
    }
    this.selected = id && this.graph.hasNode(id) ? id : undefined;
    if (!this.selected) return;
    this.sigma.setNodeState(this.selected, { isHighlighted: true });
    if (centre) this.centre(this.selected);
  }

  centre(id: string): void {
    const data = this.sigma.getNodeDisplayData(id);
    if (!data) return;
    void this.sigma.getCamera().animate({ x: data.x, y: data.y, ratio: 0.25 }, { duration: 400 });
  }

  /** Arrow keys pan, + and - zoom, 0 shows everything. True when the key was one of them. */
  key(key: string): boolean {
    const camera = this.sigma.getCamera();
    const { x, y, ratio } = camera.getState();
    const step = PAN_STEP * ratio;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => camera.setState({ x: x - step }),
      ArrowRight: () => camera.setState({ x: x + step }),
      ArrowUp: () => camera.setState({ y: y + step }),
      ArrowDown: () => camera.setState({ y: y - step }),
      '+': () => void camera.zoomIn({ factor: ZOOM_FACTOR, duration: 150 }),
      '=': () => void camera.zoomIn({ factor: ZOOM_FACTOR, duration: 150 }),
      '-': () => void camera.zoomOut({ factor: ZOOM_FACTOR, duration: 150 }),
      '0': () => void camera.reset({ duration: 200 }),
    };
    const move = moves[key];
    move?.();
    return move !== undefined;
  }

  get nodeCount(): number {
    return this.graph.order;
  }

  kill(): void {
    this.layout.stop();
    this.sigma.kill();
  }
}
