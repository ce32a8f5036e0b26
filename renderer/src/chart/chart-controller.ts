// The adapter between the ChartModel and a Cytoscape instance. React components talk to this class only;
// it keeps model and canvas in step, batches every change and owns layout decisions.
import cytoscape, { type Core, type NodeSingular, type Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { ExpandResult } from '../../../contract/api';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import { ChartModel, type ChartAdditions } from './chart-model';
import { entityElement, linkElement } from './elements';
import { placeAroundAnchors, settleNewNodes } from './layouts';
import { chartStylesheet } from './stylesheet';

cytoscape.use(fcose);

export type ChartSelection = { kind: 'entity'; id: string } | { kind: 'link'; id: string } | null;

export interface ChartCounts {
  entities: number;
  links: number;
}

export interface ChartListeners {
  /** Anything on the chart was added or removed. */
  onContentChange?: (counts: ChartCounts) => void;
  /**
   * `selection` is the single selected element, or null when nothing (or several things) is selected;
   * `selectedEntityIds` lists every selected node (what "Expand selected" works on).
   */
  onSelectionChange?: (selection: ChartSelection, selectedEntityIds: string[]) => void;
  /** A node was double-clicked: the analyst wants its neighbours. */
  onEntityActivate?: (id: string) => void;
}

export interface ChartControllerOptions {
  /** Animate layouts (off for headless tests and huge charts). */
  animate?: boolean;
}

const MAX_ZOOM_AFTER_FIT = 1.6;
const FIT_PADDING = 48;

export class ChartController {
  readonly model = new ChartModel();
  private readonly listeners: ChartListeners = {};
  private readonly animate: boolean;
  private selectionEmitPending = false;

  constructor(
    readonly cy: Core,
    options: ChartControllerOptions = {},
  ) {
    this.animate = options.animate ?? false;
    // A box selection fires one event per element; report once per burst instead of once per element.
    cy.on('select unselect', () => this.scheduleSelectionEmit());
    cy.on('dbltap', 'node', (event) => this.listeners.onEntityActivate?.(event.target.id()));
  }

  /** A chart drawn into `container`. */
  static mount(container: HTMLElement, options: ChartControllerOptions = {}): ChartController {
    const cy = cytoscape({
      container,
      style: chartStylesheet(),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: 'additive',
    });
    return new ChartController(cy, { animate: options.animate ?? true });
  }

  setListeners(listeners: ChartListeners): void {
    Object.assign(this.listeners, listeners);
  }

  counts(): ChartCounts {
    return { entities: this.model.entityCount, links: this.model.linkCount };
  }

  entityIds(): string[] {
    return this.model.entityIds();
  }

  selectedEntityIds(): string[] {
    return this.cy.nodes(':selected').map((node) => node.id());
  }

  /**
   * Puts one entity on the chart (a free spot near the centre of the view) and selects it.
   * If it is already there, it is selected and brought into view instead.
   */
  addEntity(entity: EntitySummary): { added: boolean } {
    const additions = this.model.add([entity]);
    const added = additions.entities.length > 0;
    if (added) {
      const position = this.freeSpotNear(this.viewportCentre());
      this.cy.batch(() => {
        this.cy.add(entityElement(entity, position));
      });
      this.emitContent();
    }
    const node = this.cy.getElementById(entity.id);
    this.selectOnly(node);
    if (this.model.entityCount === 1) {
      this.cy.zoom(1);
      this.cy.center(node);
    } else if (!this.isInView(node.position())) {
      this.cy.center(node);
    }
    return { added };
  }

  /**
   * Adds an expansion's neighbours and links around the nodes that were expanded, then settles the new nodes
   * with everything already on the chart held in place.
   */
  async addExpansion(result: Pick<ExpandResult, 'nodes' | 'links'>): Promise<ChartAdditions> {
    const existing = this.cy.nodes();
    const additions = this.model.add(result.nodes, result.links);
    if (additions.entities.length === 0 && additions.links.length === 0) return additions;

    this.cy.batch(() => {
      this.cy.add([...additions.entities.map((e) => entityElement(e)), ...additions.links.map(linkElement)]);
    });
    const addedIds = new Set(additions.entities.map((e) => e.id));
    const newNodes = this.cy.nodes().filter((node) => addedIds.has(node.id()));
    const existingIds = new Set(existing.map((node) => node.id()));
    placeAroundAnchors(
      this.cy,
      newNodes,
      (node) => firstNeighbourIn(node, existingIds),
      this.viewportCentre(),
    );
    this.emitContent();
    if (newNodes.length > 0) {
      await settleNewNodes(this.cy, existing, { animate: this.animate && newNodes.length < 300 });
      this.fitIfOutOfView(newNodes);
    }
    return additions;
  }

  removeSelected(): void {
    const selected = this.cy.elements(':selected');
    if (selected.empty()) return;
    const entityIds = selected.nodes().map((n) => n.id());
    const linkIds = selected.edges().map((e) => e.id());
    this.model.removeEntities(entityIds);
    this.model.removeLinks(linkIds);
    this.cy.batch(() => selected.remove());
    this.emitContent();
    this.emitSelection();
  }

  clear(): void {
    this.model.clear();
    this.cy.batch(() => this.cy.elements().remove());
    this.emitContent();
    this.emitSelection();
  }

  fit(): void {
    if (this.cy.elements().empty()) return;
    this.cy.fit(undefined, FIT_PADDING);
    if (this.cy.zoom() > MAX_ZOOM_AFTER_FIT) {
      this.cy.zoom(MAX_ZOOM_AFTER_FIT);
      this.cy.center();
    }
  }

  selectEntity(id: string): void {
    this.selectOnly(this.cy.getElementById(id));
  }

  entity(id: string): EntitySummary | undefined {
    return this.model.entity(id);
  }

  link(id: string): LinkSummary | undefined {
    return this.model.link(id);
  }

  destroy(): void {
    this.cy.destroy();
  }

  private selectOnly(element: cytoscape.CollectionReturnValue): void {
    if (element.empty()) return;
    this.cy.batch(() => {
      this.cy.elements(':selected').unselect();
      element.select();
    });
  }

  private emitContent(): void {
    this.listeners.onContentChange?.(this.counts());
  }

  private scheduleSelectionEmit(): void {
    if (this.selectionEmitPending) return;
    this.selectionEmitPending = true;
    queueMicrotask(() => {
      this.selectionEmitPending = false;
      if (!this.cy.destroyed()) this.emitSelection();
    });
  }

  private emitSelection(): void {
    const selected = this.cy.elements(':selected');
    let selection: ChartSelection = null;
    if (selected.length === 1) {
      const element = selected[0];
      selection = { kind: element.isNode() ? 'entity' : 'link', id: element.id() };
    }
    this.listeners.onSelectionChange?.(selection, selected.nodes().map((node) => node.id()));
  }

  private viewportCentre(): Position {
    const extent = this.cy.extent();
    if (!Number.isFinite(extent.x1) || extent.w === 0) return { x: 0, y: 0 };
    return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
  }

  private isInView(position: Position): boolean {
    const extent = this.cy.extent();
    return position.x >= extent.x1 && position.x <= extent.x2 && position.y >= extent.y1 && position.y <= extent.y2;
  }

  /** Walks outwards from `centre` until no node sits within a node's reach. */
  private freeSpotNear(centre: Position): Position {
    const minDistance = 70;
    const positions = this.cy.nodes().map((node) => node.position());
    const isFree = (p: Position) => positions.every((q) => Math.hypot(p.x - q.x, p.y - q.y) >= minDistance);
    for (let step = 0; step < 200; step++) {
      const angle = step * 2.4; // golden-angle spiral: even coverage without a grid look
      const radius = step === 0 ? 0 : 40 + 14 * Math.sqrt(step) * 4;
      const candidate = { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
      if (isFree(candidate)) return candidate;
    }
    return { x: centre.x, y: centre.y };
  }

  private fitIfOutOfView(nodes: cytoscape.NodeCollection): void {
    const allVisible = nodes.every((node) => this.isInView((node as NodeSingular).position()));
    if (!allVisible) this.fit();
  }
}

function firstNeighbourIn(node: NodeSingular, ids: Set<string>): NodeSingular | undefined {
  const neighbour = node.neighborhood('node').filter((candidate) => ids.has(candidate.id()));
  return neighbour.empty() ? undefined : (neighbour[0] as NodeSingular);
}
