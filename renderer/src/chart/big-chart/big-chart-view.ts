// The WebGL overview (sigma.js 3) of a chart too big for the canvas renderer: the same entities and links,
// drawn from a graphology graph, with selection (click, Ctrl/Shift-click, Shift-drag box), a type filter
// and the time bar's window. What it holds stays in a ChartModel, so the details panel, the time bar and
// "Open in detailed chart" read the same records as on the detailed chart.
import Sigma from 'sigma';
import { createNodeBorderProgram } from '@sigma/node-border';
import type { EntitySummary, EntityType, LinkSummary } from '../../../../contract/model';
import { SELECTION_COLOUR } from '../../../../shared-values/chart-style';
import { collectTimes, type TimeSpan, type TimedElements } from '../../timebar/element-times';
import { elementsOutsideWindow } from '../../timebar/window-filter';
import { ChartModel } from '../chart-model';
import type { ChartSelection } from '../controller/chart-selection';
import {
  addToOverview,
  emptyOverviewGraph,
  markCrossBorder,
  placesAround,
  scatterPositions,
  type OverviewEdgeAttributes,
  type OverviewGraph,
  type OverviewNodeAttributes,
  type Position,
} from './overview-graph';

export interface BigChartListeners {
  onSelectionChange?: (selection: ChartSelection, selectedEntityIds: string[]) => void;
  /** Content, filter or window changed: counts and the time bar follow. */
  onViewChange?: (view: BigChartViewState) => void;
  onEntityActivate?: (id: string) => void;
}

export interface BigChartViewState {
  revision: number;
  entities: number;
  links: number;
  /** Entities drawn now (after the type filter and the time window). */
  visible: number;
  /** Entities outside the time bar's window. */
  outOfWindow: number;
  /** Entities of a type the filter leaves out. */
  hidden: number;
  hiddenTypes: EntityType[];
  /** Entity types on the chart, for the filter. */
  types: EntityType[];
}

/** Zoomed in this far (sigma camera ratio), nodes are large enough to click comfortably. */
const FOCUS_RATIO = 0.08;

export class BigChartView {
  readonly model = new ChartModel();
  readonly graph: OverviewGraph = emptyOverviewGraph();
  private readonly sigma: Sigma<OverviewNodeAttributes, OverviewEdgeAttributes>;
  private readonly selected = new Set<string>();
  private hiddenTypes = new Set<EntityType>();
  private window?: TimeSpan;
  private outside = { hiddenEntities: new Set<string>(), hiddenLinks: new Set<string>() };
  private timedCache?: TimedElements;
  private revision = 0;
  private readonly listeners: BigChartListeners = {};
  private box?: { start: Position; element: HTMLDivElement };
  /** The browser's click follows the mouseup that ended a box: it must not select again. */
  private boxJustEnded = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: { crossBorder: boolean } = { crossBorder: false },
  ) {
    this.sigma = new Sigma(this.graph, container, {
      nodeProgramClasses: {
        ringed: createNodeBorderProgram({
          borders: [
            { size: { value: 0.35 }, color: { attribute: 'ringColor' } },
            { size: { fill: true }, color: { attribute: 'color' } },
          ],
        }),
      },
      defaultEdgeType: 'line',
      // Panning 100,000 links on a software rasteriser: draw them again once the camera stops.
      hideEdgesOnMove: true,
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 9,
      zIndex: true,
      // The pane may be laid out a frame after mounting; sigma measures again on resize.
      allowInvalidContainer: true,
      minCameraRatio: 0.005,
      maxCameraRatio: 4,
      nodeReducer: (id, data) => this.reduceNode(id, data),
      edgeReducer: (id, data) => this.reduceEdge(id, data),
    });
    this.sigma.on('clickNode', ({ node, event }) => {
      if (this.boxJustEnded) return;
      const original = event.original as MouseEvent;
      this.toggleOrSelect(node, original.ctrlKey || original.metaKey || original.shiftKey);
    });
    this.sigma.on('clickStage', ({ event }) => {
      const original = event.original as MouseEvent;
      if (!original.shiftKey && !this.boxJustEnded) this.setSelection([]);
    });
    this.sigma.on('doubleClickNode', ({ node, preventSigmaDefault }) => {
      preventSigmaDefault();
      this.listeners.onEntityActivate?.(node);
    });
    this.watchBoxSelection();
    this.sigma.getCamera().on('updated', () => this.publishCamera());
    this.publishCamera();
  }

  setListeners(listeners: BigChartListeners): void {
    Object.assign(this.listeners, listeners);
  }

  // ---- content -----------------------------------------------------------------------------------

  /** Fills the overview (positions from the chart or a saved document; a seeded scatter where none). */
  load(entities: readonly EntitySummary[], links: readonly LinkSummary[], positions: ReadonlyMap<string, Position>): void {
    const added = this.model.add(entities, links);
    const missing = added.entities.filter((e) => !positions.has(e.id)).map((e) => e.id);
    const scattered = scatterPositions(missing);
    addToOverview(this.graph, added.entities, added.links, (entity) => positions.get(entity.id) ?? scattered.get(entity.id)!);
    this.afterContentChange();
  }

  /** An expansion's neighbours, placed around the entities they were expanded from. Returns what was new. */
  addExpansion(result: { nodes: readonly EntitySummary[]; links: readonly LinkSummary[] }, around: readonly string[]): { entities: EntitySummary[]; links: LinkSummary[] } {
    const added = this.model.add(result.nodes, result.links);
    if (added.entities.length === 0 && added.links.length === 0) return added;
    const places = placesAround(this.graph, around, added.entities.map((e) => e.id));
    addToOverview(this.graph, added.entities, added.links, (entity) => places.get(entity.id)!);
    this.afterContentChange();
    return added;
  }

  counts(): { entities: number; links: number } {
    return { entities: this.model.entityCount, links: this.model.linkCount };
  }

  entity(id: string): EntitySummary | undefined {
    return this.model.entity(id);
  }

  link(id: string): LinkSummary | undefined {
    return this.model.link(id);
  }

  entityIds(): string[] {
    return this.model.entityIds();
  }

  entities(): EntitySummary[] {
    return this.model.entityIds().map((id) => this.model.entity(id)!);
  }

  links(): LinkSummary[] {
    return this.model.linkIds().map((id) => this.model.link(id)!);
  }

  position(id: string): Position | undefined {
    if (!this.graph.hasNode(id)) return undefined;
    const { x, y } = this.graph.getNodeAttributes(id);
    return { x, y };
  }

  /** The entities neighbouring `ids` on the overview (what an expansion need not fetch again). */
  neighbourIds(ids: readonly string[]): string[] {
    const found = new Set<string>();
    for (const id of ids) if (this.graph.hasNode(id)) this.graph.forEachNeighbor(id, (neighbour) => found.add(neighbour));
    return [...found];
  }

  // ---- selection ---------------------------------------------------------------------------------

  selectedEntityIds(): string[] {
    return [...this.selected];
  }

  setSelection(ids: readonly string[]): void {
    const changed = new Set([...this.selected, ...ids]);
    this.selected.clear();
    for (const id of ids) if (this.graph.hasNode(id)) this.selected.add(id);
    this.sigma.refresh({ partialGraph: { nodes: [...changed].filter((id) => this.graph.hasNode(id)) }, skipIndexation: true });
    this.emitSelection();
  }

  /** Selects one entity and brings it to the centre, zoomed in far enough to click. */
  focus(id: string): void {
    if (!this.graph.hasNode(id)) return;
    this.setSelection([id]);
    const display = this.sigma.getNodeDisplayData(id);
    if (display) this.sigma.getCamera().setState({ x: display.x, y: display.y, ratio: FOCUS_RATIO });
  }

  // ---- filters -----------------------------------------------------------------------------------

  setHiddenTypes(types: readonly EntityType[]): void {
    this.hiddenTypes = new Set(types);
    this.afterViewChange();
  }

  timedElements(): TimedElements {
    this.timedCache ??= collectTimes(this.entities(), this.links());
    return this.timedCache;
  }

  /** The time bar's window: what falls outside is not drawn (and stays on the chart). */
  setTimeWindow(window: TimeSpan | undefined): void {
    this.window = window;
    this.applyWindow();
    this.afterViewChange();
  }

  getTimeWindow(): TimeSpan | undefined {
    return this.window ? { ...this.window } : undefined;
  }

  isDrawn(id: string): boolean {
    const attributes = this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
    return attributes !== undefined && !this.hiddenTypes.has(attributes.entityType) && !this.outside.hiddenEntities.has(id);
  }

  state(): BigChartViewState {
    let visible = 0;
    let outOfWindow = 0;
    let hidden = 0;
    const types = new Set<EntityType>();
    this.graph.forEachNode((id, attributes) => {
      types.add(attributes.entityType);
      if (this.hiddenTypes.has(attributes.entityType)) hidden++;
      else if (this.outside.hiddenEntities.has(id)) outOfWindow++;
      else visible++;
    });
    return { revision: this.revision, ...this.counts(), visible, outOfWindow, hidden, hiddenTypes: [...this.hiddenTypes], types: [...types].sort() };
  }

  // ---- view --------------------------------------------------------------------------------------

  fit(): void {
    this.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  }

  /** Waits for sigma's next drawn frame (it draws on requestAnimationFrame). */
  afterNextRender(): Promise<void> {
    return new Promise((resolve) => this.sigma.once('afterRender', () => resolve()));
  }

  destroy(): void {
    this.sigma.kill();
    this.box?.element.remove();
  }

  // ---- internals ---------------------------------------------------------------------------------

  private reduceNode(id: string, data: OverviewNodeAttributes): Partial<OverviewNodeAttributes & { hidden: boolean; zIndex: number; highlighted: boolean }> {
    if (this.hiddenTypes.has(data.entityType) || this.outside.hiddenEntities.has(id)) return { ...data, hidden: true };
    if (this.selected.has(id)) return { ...data, type: 'ringed', ringColor: SELECTION_COLOUR, size: data.size * 1.8, zIndex: 1, highlighted: true };
    return data;
  }

  private reduceEdge(id: string, data: OverviewEdgeAttributes): Partial<OverviewEdgeAttributes & { hidden: boolean }> {
    if (this.outside.hiddenLinks.has(id)) return { ...data, hidden: true };
    const [source, target] = this.graph.extremities(id);
    if (!this.isDrawn(source) || !this.isDrawn(target)) return { ...data, hidden: true };
    return data;
  }

  private toggleOrSelect(id: string, additive: boolean): void {
    if (!additive) return this.setSelection([id]);
    const next = new Set(this.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.setSelection([...next]);
  }

  private emitSelection(): void {
    const ids = this.selectedEntityIds();
    this.listeners.onSelectionChange?.(ids.length === 1 ? { kind: 'entity', id: ids[0] } : null, ids);
  }

  private afterContentChange(): void {
    this.timedCache = undefined;
    if (this.options.crossBorder) markCrossBorder(this.graph, this.entities(), this.links());
    if (this.window) this.applyWindow();
    this.afterViewChange();
  }

  private afterViewChange(): void {
    this.revision++;
    this.sigma.refresh({ skipIndexation: false });
    this.listeners.onViewChange?.(this.state());
  }

  private applyWindow(): void {
    this.outside = this.window
      ? elementsOutsideWindow(this.model.entityIds(), this.links(), this.timedElements(), this.window)
      : { hiddenEntities: new Set<string>(), hiddenLinks: new Set<string>() };
  }

  /** Shift-drag on the stage draws a box; what it encloses is selected (added to with Ctrl). */
  private watchBoxSelection(): void {
    const captor = this.sigma.getMouseCaptor();
    captor.on('mousedown', (event) => {
      const original = event.original as MouseEvent;
      if (!original.shiftKey) return;
      const element = document.createElement('div');
      element.className = 'big-chart-box';
      this.container.append(element);
      this.box = { start: { x: event.x, y: event.y }, element };
      this.drawBox(event);
    });
    captor.on('mousemovebody', (event) => {
      if (!this.box) return;
      // Keeps sigma from panning the camera while the box is drawn.
      event.preventSigmaDefault();
      this.drawBox(event);
    });
    captor.on('mouseup', (event) => {
      const box = this.box;
      if (!box) return;
      this.box = undefined;
      box.element.remove();
      this.boxJustEnded = true;
      setTimeout(() => (this.boxJustEnded = false), 0);
      const original = event.original as MouseEvent;
      const [x0, x1] = [Math.min(box.start.x, event.x), Math.max(box.start.x, event.x)];
      const [y0, y1] = [Math.min(box.start.y, event.y), Math.max(box.start.y, event.y)];
      // A Shift-click without a drag is a Shift-click on a node (adds it), not an empty box.
      if (x1 - x0 < 3 && y1 - y0 < 3) {
        this.boxJustEnded = false;
        return;
      }
      const inside: string[] = original.ctrlKey || original.metaKey ? [...this.selected] : [];
      this.graph.forEachNode((id, attributes) => {
        if (!this.isDrawn(id)) return;
        const at = this.sigma.graphToViewport(attributes);
        if (at.x >= x0 && at.x <= x1 && at.y >= y0 && at.y <= y1) inside.push(id);
      });
      this.setSelection([...new Set(inside)]);
    });
  }

  private drawBox(event: { x: number; y: number }): void {
    if (!this.box) return;
    const { start, element } = this.box;
    Object.assign(element.style, {
      left: `${Math.min(start.x, event.x)}px`,
      top: `${Math.min(start.y, event.y)}px`,
      width: `${Math.abs(event.x - start.x)}px`,
      height: `${Math.abs(event.y - start.y)}px`,
    });
  }

  /** The camera on the container (data-camera-*), so a test or a support session can read where the view is. */
  private publishCamera(): void {
    const { x, y, ratio } = this.sigma.getCamera().getState();
    this.container.dataset.cameraX = x.toFixed(4);
    this.container.dataset.cameraY = y.toFixed(4);
    this.container.dataset.cameraRatio = ratio.toFixed(4);
  }
}
