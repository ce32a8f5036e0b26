// The adapter between the ChartModel and a Cytoscape instance. React components talk to this class only.
// It owns the Cytoscape instance, the model, the undo stack and the listeners, and hands the rest to
// collaborators in controller/ that take callbacks and never see this class: level of detail, styling and
// analysis colouring, element snapshots, layout runs, viewport and fit, the time window, the undoable
// commands and the selection. Every change is batched and recorded on the undo stack (history/command-stack.ts).
import { i18n, t } from '../i18n';
import cytoscape, { type Core, type NodeSingular, type Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { ExpandResult } from '../../../contract/api';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import type { AnalysisInput, Scores } from '../analysis/analysis-graph';
import { CENTRALITY_NAMES } from '../analysis/centrality';
import { DEFAULT_NETWORK_OPTIONS, measuredNetwork, type MeasuredNetwork, type NetworkOptions } from '../analysis/network-view';
import type { TimeSpan, TimedElements } from '../timebar/element-times';
import { ChartModel, type ChartAdditions } from './chart-model';
import { ChartCommands } from './controller/chart-commands';
import { widenLinkHitArea } from './controller/link-hit-area';
import { ChartSelectionState, type ChartSelection } from './controller/chart-selection';
import { ChartStyling, describeStyleChange, type ChartStyle } from './controller/chart-styling';
import type { ChartControllerOptions, ChartCounts, ChartListeners, ChartView } from './controller/chart-types';
import { ChartViewport } from './controller/chart-viewport';
import { addEntitiesAndLinks, drawn, measureBeforeNextFrame, entityCount, ENTITY_NODES, entityPositions, GROUP_NODES, isDrawn, linkCount, movePositions } from './controller/cy-basics';
import { ElementSnapshots } from './controller/element-snapshots';
import { LayoutRuns, type ForceAtlas2Runner } from './controller/layout-runs';
import { LevelOfDetail } from './controller/level-of-detail';
import { ChartTimeWindow } from './controller/time-window';
import { entityElement, linkElement, linkLabel, parallelLinkIds } from './elements';
import { CommandStack } from './history/command-stack';
import type { LayoutAlgorithm } from './layout-algorithms';
import { legendData } from './legend-data';
import { chartStylesheet } from './stylesheet';

export { DETAIL_ZOOM } from './controller/level-of-detail';
export type { ChartControllerOptions, ChartCounts, ChartListeners, ChartView } from './controller/chart-types';
export type { ChartSelection } from './controller/chart-selection';
export type { ChartStyle } from './controller/chart-styling';

export interface EntityLook {
  colour: string;
  crossBorder: boolean;
  drawn: boolean;
}

cytoscape.use(fcose);

/** Above this many nodes, panning and zooming draw a cached texture and skip edges (Cytoscape's LOD). */
const BIG_CHART_NODES = 1000;

export class ChartController {
  readonly model = new ChartModel();
  readonly history = new CommandStack();
  private readonly listeners: ChartListeners = {};
  private forceAtlas2?: ForceAtlas2Runner;
  /** Bumped whenever what is drawn changes (content, hidden, time window): analysis results go stale. */
  private revision = 0;
  private readonly detail: LevelOfDetail;
  private readonly viewport: ChartViewport;
  private readonly timeWindow: ChartTimeWindow;
  private readonly styling: ChartStyling;
  private readonly snapshots: ElementSnapshots;
  private readonly selection: ChartSelectionState;
  private readonly commands: ChartCommands;
  private readonly layouts: LayoutRuns;

  constructor(
    readonly cy: Core,
    options: ChartControllerOptions = {},
  ) {
    this.forceAtlas2 = options.forceAtlas2;
    const content = { entityIds: () => this.model.entityIds(), entities: () => this.entities(), links: () => this.links() };
    this.detail = new LevelOfDetail(cy);
    this.viewport = new ChartViewport(cy, content.links);
    this.timeWindow = new ChartTimeWindow(cy, content);
    this.styling = new ChartStyling(cy, { ...content, visibleGraph: () => this.measuredNetwork().input, restyled: () => this.afterViewChange() });
    this.selection = new ChartSelectionState(cy, {
      selectionChanged: (selection, ids) => this.listeners.onSelectionChange?.(selection, ids),
      viewChanged: () => this.afterViewChange(),
    });
    this.snapshots = new ElementSnapshots(cy, this.model, {
      isHidden: (id) => this.isHidden(id),
      isPinned: (id) => this.isPinned(id),
      contentChanged: () => this.afterContentChange(),
      selectionChanged: () => this.selection.emit(),
    });
    const applyPositions = (positions: Record<string, Position>) => this.applyPositions(positions);
    this.commands = new ChartCommands(cy, this.model, this.history, {
      isPinned: (id) => this.isPinned(id),
      applyPositions,
      drawnChanged: () => this.revision++,
      viewChanged: () => this.afterViewChange(),
    });
    this.layouts = new LayoutRuns(cy, { animate: options.animate ?? false, forceAtlas2: () => this.forceAtlas2, applyPositions, fit: () => this.fit() });
    const relabel = () => this.relabelLinks();
    i18n.on('languageChanged', relabel);
    this.stopRelabelling = () => i18n.off('languageChanged', relabel);
    cy.on('dbltap', ENTITY_NODES, (event) => this.listeners.onEntityActivate?.(event.target.id()));
    cy.on('viewport resize', () => this.detail.schedule());
    widenLinkHitArea(cy);
    this.history.onChange((state) => this.listeners.onHistoryChange?.(state));
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
    return new ChartController(cy, { ...options, animate: options.animate ?? true });
  }

  /** Where big force layouts run (the analysis worker); without one they run on the page. */
  setForceAtlas2Runner(run: ChartControllerOptions['forceAtlas2']): void {
    this.forceAtlas2 = run;
  }

  setListeners(listeners: ChartListeners): void {
    Object.assign(this.listeners, listeners);
    if (listeners.onHistoryChange) listeners.onHistoryChange(this.history.state());
  }

  counts(): ChartCounts {
    return { entities: this.model.entityCount, links: this.model.linkCount };
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

  entity(id: string): EntitySummary | undefined {
    return this.model.entity(id);
  }

  link(id: string): LinkSummary | undefined {
    return this.model.link(id);
  }

  // ---- adding and removing ----------------------------------------------------------------------

  /**
   * Puts one entity on the chart (a free spot near the centre of the view) and selects it.
   * If it is already there, it is selected and brought into view instead.
   */
  addEntity(entity: EntitySummary): { added: boolean } {
    const additions = this.model.add([entity]);
    const added = additions.entities.length > 0;
    if (added) {
      const position = this.viewport.freeSpotNear(this.viewport.centre());
      this.cy.batch(() => {
        this.cy.add(entityElement(additions.entities[0], position));
      });
      this.afterContentChange();
      const snapshot = this.snapshots.capture([entity.id], []);
      this.history.record({ label: t('chart:history.add', { label: entity.label }), undo: () => this.snapshots.erase(snapshot), redo: () => this.snapshots.restore(snapshot) });
    }
    const node = this.cy.getElementById(entity.id);
    this.selection.selectOnly(node);
    if (this.model.entityCount === 1) {
      this.cy.zoom(1);
      this.cy.center(node);
    } else if (!this.viewport.isInView(node.position())) {
      this.cy.center(node);
    }
    return { added };
  }

  /**
   * Adds an expansion's neighbours and links around the nodes that were expanded, then settles the new nodes
   * with everything already on the chart held in place.
   */
  async addExpansion(result: Pick<ExpandResult, 'nodes' | 'links'>, label = t('chart:history.expand')): Promise<ChartAdditions> {
    const existing = this.cy.nodes(ENTITY_NODES);
    const additions = this.model.add(result.nodes, result.links);
    if (additions.entities.length === 0 && additions.links.length === 0) return additions;

    addEntitiesAndLinks(this.cy, additions.entities.map((e) => entityElement(e)), additions.links.map((link) => linkElement(link)));
    const addedIds = new Set(additions.entities.map((e) => e.id));
    const newNodes = this.cy.nodes().filter((node) => addedIds.has(node.id()));
    this.layouts.placeNewcomers(existing, newNodes, this.viewport.centre());
    this.afterContentChange();
    if (newNodes.length > 0) {
      await this.layouts.settle(existing, newNodes);
      this.viewport.fitIfOutOfView(newNodes);
    }
    const snapshot = this.snapshots.capture([...addedIds], additions.links.map((l) => l.id));
    this.history.record({
      label: t('chart:history.added', { label, entities: t('common:entityCount', { count: additions.entities.length }), links: t('common:linkCount', { count: additions.links.length }) }),
      undo: () => this.snapshots.erase(snapshot),
      redo: () => this.snapshots.restore(snapshot),
    });
    return additions;
  }

  /**
   * Adds entities where they were drawn elsewhere (the WebGL overview hands its selection back) and selects
   * them all, new or already here. One undoable step; no layout runs, so the overview's picture is kept.
   */
  addPlaced(entities: readonly EntitySummary[], links: readonly LinkSummary[], positions: ReadonlyMap<string, Position>, label: string): ChartAdditions {
    const additions = this.model.add(entities, links);
    if (additions.entities.length > 0 || additions.links.length > 0) {
      const centre = this.viewport.centre();
      addEntitiesAndLinks(this.cy, additions.entities.map((e) => entityElement(e, positions.get(e.id) ?? centre)), additions.links.map((link) => linkElement(link)));
      this.afterContentChange();
      const snapshot = this.snapshots.capture(additions.entities.map((e) => e.id), additions.links.map((l) => l.id));
      this.history.record({
        label: t('chart:history.added', { label, entities: t('common:entityCount', { count: additions.entities.length }), links: t('common:linkCount', { count: additions.links.length }) }),
        undo: () => this.snapshots.erase(snapshot),
        redo: () => this.snapshots.restore(snapshot),
      });
    }
    this.selection.selectEntities(entities.map((e) => e.id));
    return additions;
  }

  removeSelected(): void {
    const selected = this.cy.elements(':selected');
    if (selected.empty()) return;
    const entityIds = this.selectedEntityIds();
    const linkIds = selected.edges().map((e) => e.id());
    const snapshot = this.snapshots.capture(entityIds, linkIds, selected.nodes(GROUP_NODES).map((g) => g.id()));
    this.snapshots.erase(snapshot);
    this.history.record({
      label: t('chart:history.remove', { what: snapshot.entities.length ? entityCount(snapshot.entities.length) : `${entityCount(0)} ${linkCount(snapshot.links.length)}` }),
      undo: () => this.snapshots.restore(snapshot),
      redo: () => this.snapshots.erase(snapshot),
    });
  }

  clear(): void {
    if (this.cy.elements().empty()) return;
    const snapshot = this.snapshots.capture(this.model.entityIds(), this.model.linkIds(), this.cy.nodes(GROUP_NODES).map((g) => g.id()));
    this.snapshots.erase(snapshot);
    this.history.record({ label: t('chart:history.clear'), undo: () => this.snapshots.restore(snapshot), redo: () => this.snapshots.erase(snapshot) });
  }

  /**
   * Replaces everything on the chart (opening a saved chart). Not an undoable step: the history starts
   * afresh with the opened chart.
   */
  replaceContent(entities: readonly EntitySummary[], links: readonly LinkSummary[], positions: ReadonlyMap<string, Position>): void {
    this.model.clear();
    this.timeWindow.forget();
    this.styling.forgetCommunities();
    this.cy.batch(() => {
      this.cy.elements().remove();
    });
    const added = this.model.add(entities, links);
    const parallel = parallelLinkIds(added.links);
    addEntitiesAndLinks(
      this.cy,
      added.entities.map((e) => entityElement(e, positions.get(e.id) ?? { x: 0, y: 0 })),
      added.links.map((link) => linkElement(link, parallel.has(link.id))),
    );
    this.history.clear();
    this.afterContentChange();
    this.selection.emit();
  }

  // ---- hide / show, pin, group (controller/chart-commands.ts) -------------------------------------

  hideSelected(): void {
    this.commands.hideSelected();
  }

  showAllHidden(): void {
    this.commands.showAllHidden();
  }

  togglePinSelected(): void {
    this.commands.togglePinSelected();
  }

  groupSelected(): string | undefined {
    return this.commands.groupSelected();
  }

  ungroupSelected(): void {
    this.commands.ungroupSelected();
  }

  /** Hidden by the analyst (not merely outside the time window). */
  isHidden(id: string): boolean {
    const element = this.cy.getElementById(id);
    if (element.empty()) return false;
    // A display:none bypass set by older code counts too.
    return element.hasClass('hidden') || (element.style('display') === 'none' && !element.hasClass('out-of-window'));
  }

  isPinned(id: string): boolean {
    const node = this.cy.getElementById(id);
    return node.nonempty() && (node.hasClass('pinned') || node.locked());
  }

  /** Marks elements hidden / pinned without an undo step (used when a saved chart is opened). */
  markHidden(ids: readonly string[]): void {
    if (ids.length) this.commands.setHidden(ids, true);
  }

  markPinned(ids: readonly string[]): void {
    if (ids.length) this.commands.setPinned(ids, true);
  }

  // ---- selection (controller/chart-selection.ts) ----------------------------------------------------

  /** Selected entities, including the members of selected groups. */
  selectedEntityIds(): string[] {
    return this.selection.selectedEntityIds();
  }

  selectAll(): void {
    this.selection.selectAll();
  }

  selectNone(): void {
    this.selection.selectNone();
  }

  invertSelection(): void {
    this.selection.invert();
  }

  /** Adds the neighbours of the selected entities (and the links to them) to the selection. */
  selectNeighbours(): void {
    this.selection.addNeighbours();
  }

  selectEntity(id: string): void {
    this.selection.selectOnly(this.cy.getElementById(id));
  }

  selectEntities(ids: readonly string[]): void {
    this.selection.selectEntities(ids);
  }

  /** Selects one link alone (the timeline's events stand for links). */
  selectLink(id: string): void {
    this.selection.selectOnly(this.cy.getElementById(id));
  }

  /** Adds entities to what is selected (a shift-click on the map). */
  addToSelection(ids: readonly string[]): void {
    this.selection.add(ids);
  }

  // ---- what other views of the chart draw (the map) ---------------------------------------------------

  /** How each entity looks now: its fill (whatever the colouring), its cross-border mark, whether it is drawn. */
  entityLooks(): Map<string, EntityLook> {
    const looks = new Map<string, EntityLook>();
    this.cy.nodes(ENTITY_NODES).forEach((node) => {
      looks.set(node.id(), { colour: String(node.data('colour') ?? node.style('background-color')), crossBorder: node.hasClass('cross-border'), drawn: isDrawn(node) });
    });
    return looks;
  }

  /** Hides `ids` as one undoable step named `label` (a filter by area on the map). */
  hideEntities(ids: readonly string[], label: string): void {
    this.commands.hideEntities(ids, label);
  }

  // ---- layouts (controller/layout-runs.ts) ----------------------------------------------------------

  /** Lays out what is visible with `algorithm`; pinned entities stay put. Undoable. */
  async runLayout(algorithm: LayoutAlgorithm, options: { scores?: Scores; onProgress?: (done: number, total: number) => void } = {}): Promise<void> {
    const moved = await this.layouts.run(algorithm, options);
    if (!moved) return;
    this.history.record({ label: t('chart:history.layout', { name: t(`chart:layoutName.${algorithm}`) }), undo: () => this.showPositions(moved.before), redo: () => this.showPositions(moved.after) });
  }

  // ---- styling and analysis (controller/chart-styling.ts) -------------------------------------------

  currentStyle(): ChartStyle {
    return this.styling.current();
  }

  /** Changes the colouring, sizing or cross-border highlight (undoable). `scores` go with a new sizeBy. */
  setStyle(change: Partial<ChartStyle>, scores?: Scores): void {
    const before = this.styling.state();
    const after = { style: { ...before.style, ...change }, scores: change.sizeBy === undefined ? before.scores : change.sizeBy === 'none' ? undefined : scores };
    if (JSON.stringify(before.style) === JSON.stringify(after.style) && before.scores === after.scores) return;
    this.styling.apply(after);
    this.history.record({ label: t('chart:history.style', { change: describeStyleChange(change) }), undo: () => this.styling.apply(before), redo: () => this.styling.apply(after) });
  }

  /** New scores for the measure nodes are already sized by (the chart changed): not an undo step. */
  refreshSizeScores(scores: Scores): void {
    this.styling.refreshSizeScores(scores);
  }

  /** The graph the analysis functions see: visible entities and the links between them. */
  analysisInput(options: { visibleOnly?: boolean } = {}): AnalysisInput {
    const visibleOnly = options.visibleOnly ?? true;
    const all = this.cy.nodes(ENTITY_NODES);
    const nodes = (visibleOnly ? drawn(all) : all).map((n) => n.id());
    const kept = new Set(nodes);
    const edges = this.links()
      .filter((l) => kept.has(l.source) && kept.has(l.target) && (!visibleOnly || isDrawn(this.cy.getElementById(l.id))))
      .map((l) => ({ source: l.source, target: l.target }));
    return { nodes, edges };
  }

  /**
   * The network a measure runs on (see analysis/network-view.ts): by default the investigative network of
   * what is drawn, without Case and Source nodes and their provenance links.
   */
  measuredNetwork(options: NetworkOptions = DEFAULT_NETWORK_OPTIONS): MeasuredNetwork {
    const shown = new Set(drawn(this.cy.nodes(ENTITY_NODES)).map((n) => n.id()));
    const entities = this.entities().filter((e) => shown.has(e.id));
    const links = this.links().filter((l) => shown.has(l.source) && shown.has(l.target) && isDrawn(this.cy.getElementById(l.id)));
    return measuredNetwork({ entities, links }, options);
  }

  communities(): Record<string, number> {
    return this.styling.communities();
  }

  // ---- time window (controller/time-window.ts) ------------------------------------------------------

  timedElements(): TimedElements {
    return this.timeWindow.timedElements();
  }

  /** Hides (never removes) what falls outside `window`; undefined shows everything again. */
  setTimeWindow(window: TimeSpan | undefined): void {
    this.revision++;
    this.timeWindow.set(window);
    if (this.styling.current().colourBy === 'community') this.styling.refresh();
    else this.afterViewChange();
  }

  /** Times the time bar spans beyond the chart's own (a track shown on the map); an empty map drops them. */
  setExtraTimes(times: ReadonlyMap<string, TimeSpan>): void {
    this.revision++;
    this.timeWindow.setExtraTimes(times);
    this.afterViewChange();
  }

  getTimeWindow(): TimeSpan | undefined {
    return this.timeWindow.current();
  }

  // ---- view (controller/chart-viewport.ts, controller/level-of-detail.ts) ---------------------------

  /** Where each entity is drawn now (review's collapse keeps positions when it swaps content). */
  entityPositions(): Map<string, Position> {
    return new Map(Object.entries(entityPositions(this.cy)));
  }

  /** Shows everything drawn, with padding, zoomed in no further than a readable maximum. */
  fit(): void {
    this.viewport.fit();
  }

  /**
   * Fits when some drawn entity is out of view (a reopened chart in a smaller window, or never framed). A
   * chart drawn nowhere (no container: headless) has no view to fit.
   */
  fitIfOutOfView(): void {
    if (this.cy.container()) this.viewport.fitIfOutOfView(drawn(this.cy.nodes(ENTITY_NODES)));
  }

  /** Runs `draw` with every element detailed (the PNG export draws the whole chart this way). */
  withFullDetail<T>(draw: () => T): T {
    return this.detail.withFullDetail(draw);
  }

  view(): ChartView {
    const entityNodes = this.cy.nodes(ENTITY_NODES);
    const selected = entityNodes.filter(':selected');
    const style = this.styling.current();
    return {
      revision: this.revision,
      hidden: entityNodes.filter('.hidden').length,
      outOfWindow: entityNodes.filter('.out-of-window').length,
      visible: drawn(entityNodes).length,
      pinned: entityNodes.filter('.pinned').length,
      groups: this.cy.nodes(GROUP_NODES).length,
      style,
      legend: legendData(this.entities(), this.links(), {
        colourBy: style.colourBy,
        colourKeys: this.styling.legendKeys(),
        ...(style.sizeBy !== 'none' ? { sizedBy: CENTRALITY_NAMES[style.sizeBy] } : {}),
        crossBorder: this.styling.crossBorderEntities(),
        pinned: entityNodes.filter('.pinned').length,
        groups: this.cy.nodes(GROUP_NODES).length,
      }),
      selectionPinned: selected.nonempty() && selected.every((n) => this.isPinned((n as NodeSingular).id())),
      selectionGrouped: selected.some((n) => (n as NodeSingular).isChild()) || this.cy.nodes(GROUP_NODES).filter(':selected').nonempty(),
    };
  }

  undo(): void {
    this.history.undo();
  }

  redo(): void {
    this.history.redo();
  }

  destroy(): void {
    this.stopRelabelling();
    this.cy.destroy();
  }

  private readonly stopRelabelling: () => void;

  /** Link labels are words of the interface language: follow it when the analyst switches. */
  private relabelLinks(): void {
    this.cy.batch(() => {
      for (const edge of this.cy.edges()) {
        const link = this.model.link(edge.id());
        if (link) edge.data('label', linkLabel(link));
      }
    });
  }

  // ---- keeping everything in step ---------------------------------------------------------------

  /** Undo and redo of a layout move every entity: frame the result, as the layout itself did. */
  private showPositions(positions: Record<string, Position>): void {
    this.applyPositions(positions);
    this.fit();
  }

  private applyPositions(positions: Record<string, Position>): void {
    movePositions(this.cy, positions);
    this.detail.schedule();
  }

  private afterContentChange(): void {
    this.revision++;
    this.markParallelLinks();
    this.tuneForSize();
    // Degrees changed: which labels a big chart thins out may change with them.
    this.detail.schedule();
    this.timeWindow.contentChanged();
    this.styling.refresh();
    measureBeforeNextFrame(this.cy);
    this.listeners.onContentChange?.(this.counts());
  }

  private afterViewChange(): void {
    this.detail.schedule();
    this.listeners.onViewChange?.(this.view());
  }

  /** Keeps the `parallel` flag (curved, fanned-out links) true to what is on the chart now. */
  private markParallelLinks(): void {
    const parallel = parallelLinkIds(this.links());
    const changed = this.cy.edges().filter((edge) => (edge.data('parallel') === true) !== parallel.has(edge.id()));
    if (changed.empty()) return;
    this.cy.batch(() => {
      // Set to false rather than removed: Cytoscape restyles on data(), not on removeData().
      changed.forEach((edge) => {
        edge.data('parallel', parallel.has(edge.id()));
      });
    });
  }

  /** Cytoscape's level-of-detail switches for big charts (measured: see README, "Scale"). */
  private tuneForSize(): void {
    const big = this.model.entityCount > BIG_CHART_NODES;
    // These renderer options are read at each frame; Cytoscape offers no public setter after init.
    const renderer = (this.cy as unknown as { renderer(): Record<string, unknown> | undefined }).renderer?.();
    if (renderer && 'textureOnViewport' in renderer) {
      renderer.textureOnViewport = big;
      renderer.hideEdgesOnViewport = big;
    }
  }
}
