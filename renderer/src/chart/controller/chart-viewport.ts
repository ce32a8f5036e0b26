// Where things are in view: fitting the chart, the centre of the view, finding a free spot for a new entity.
import type { Core, NodeCollection, NodeSingular, Position } from 'cytoscape';
import { chartExtent, fitViewport, type FitNode } from '../fit-viewport';
import { ENTITY_NODES, isDrawn } from './cy-basics';

const MAX_ZOOM_AFTER_FIT = 1.6;
const FIT_PADDING = 48;

export class ChartViewport {
  constructor(
    private readonly cy: Core,
    /** The links on the chart (loops widen the fit). */
    private readonly links: () => { id: string; source: string; target: string }[],
  ) {}

  /**
   * Shows everything drawn (hidden and out-of-window entities left out) with FIT_PADDING around it, zoomed
   * in no further than MAX_ZOOM_AFTER_FIT. The extent comes from positions, sizes and label lengths
   * (fit-viewport.ts), not from Cytoscape's bounding boxes, which would compute every element's style and
   * measure every label before the first frame.
   */
  fit(): void {
    const extent = chartExtent(this.fitNodes());
    if (!extent) return;
    const viewport = fitViewport(extent, this.cy.width(), this.cy.height(), {
      padding: FIT_PADDING,
      minZoom: this.cy.minZoom(),
      maxZoom: this.cy.maxZoom(),
      maxZoomAfterFit: MAX_ZOOM_AFTER_FIT,
    });
    if (viewport) this.cy.viewport(viewport);
  }

  fitIfOutOfView(nodes: NodeCollection): void {
    const allVisible = nodes.every((node) => this.isInView((node as NodeSingular).position()));
    if (!allVisible) this.fit();
  }

  centre(): Position {
    const extent = this.cy.extent();
    if (!Number.isFinite(extent.x1) || extent.w === 0) return { x: 0, y: 0 };
    return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
  }

  isInView(position: Position): boolean {
    const extent = this.cy.extent();
    return position.x >= extent.x1 && position.x <= extent.x2 && position.y >= extent.y1 && position.y <= extent.y2;
  }

  /** Walks outwards from `centre` until no node sits within a node's reach. */
  freeSpotNear(centre: Position): Position {
    const minDistance = 70;
    const positions = this.cy.nodes(ENTITY_NODES).map((node) => node.position());
    const isFree = (p: Position) => positions.every((q) => Math.hypot(p.x - q.x, p.y - q.y) >= minDistance);
    for (let step = 0; step < 200; step++) {
      const angle = step * 2.4; // golden-angle spiral: even coverage without a grid look
      const radius = step === 0 ? 0 : 40 + 14 * Math.sqrt(step) * 4;
      const candidate = { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
      if (isFree(candidate)) return candidate;
    }
    return { x: centre.x, y: centre.y };
  }

  /** The drawn entities as the fit sees them. */
  private fitNodes(): FitNode[] {
    const loops = new Set<string>();
    for (const link of this.links()) {
      if (link.source === link.target && isDrawn(this.cy.getElementById(link.id))) loops.add(link.source);
    }
    const groupLabels = new Map<string, string | undefined>();
    const nodes: FitNode[] = [];
    this.cy.nodes().forEach((node) => {
      const data = node.data() as { isGroup?: boolean; size?: number; label?: string; parent?: string };
      if (data.isGroup || node.hasClass('hidden') || node.hasClass('out-of-window')) return;
      const { x, y } = node.position();
      const fitNode: FitNode = { x, y, size: data.size, label: data.label, hasLoop: loops.has(node.id()) };
      if (data.parent) {
        if (!groupLabels.has(data.parent)) groupLabels.set(data.parent, this.cy.getElementById(data.parent).data('label') as string | undefined);
        fitNode.group = { id: data.parent, label: groupLabels.get(data.parent) };
      }
      nodes.push(fitNode);
    });
    return nodes;
  }
}
