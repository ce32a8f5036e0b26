// The adapter between the ChartModel and a Cytoscape instance. React components talk to this class only;
// it keeps model and canvas in step, batches every change, owns layout decisions and records every chart
// action on the undo stack (history/command-stack.ts).
import { i18n, t } from '../i18n';
import cytoscape, { type Collection, type Core, type NodeSingular, type Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { ExpandResult } from '../../../contract/api';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import type { AnalysisInput, Scores } from '../analysis/analysis-graph';
import { CENTRALITY_NAMES, sizesFromScores, type CentralityMeasure } from '../analysis/centrality';
import { alignCommunities, detectCommunities } from '../analysis/communities';
import { findCrossBorderEntities } from '../analysis/cross-border';
import { CommandStack, type HistoryState } from './history/command-stack';
import { collectTimes, type TimeSpan, type TimedElements } from '../timebar/element-times';
import { elementsOutsideWindow } from '../timebar/window-filter';
import { nodeColours, type ColourBy, type ColourKey } from './chart-colouring';
import { ChartModel, type ChartAdditions } from './chart-model';
import { entityElement, linkElement, linkLabel, parallelLinkIds } from './elements';
import { chartExtent, fitViewport, type FitNode } from './fit-viewport';
import { forceAtlas2Iterations, forceAtlas2Positions } from './forceatlas2-layout';
import { groupLabel } from './group-label';
import { cytoscapeLayoutOptions, LARGE_LAYOUT_NODE_LIMIT, type LayoutAlgorithm } from './layout-algorithms';
import { placeAroundAnchors, settleNewNodes } from './layouts';
import { legendData, type LegendData } from './legend-data';
import { chartStylesheet, DETAIL_CLASS } from './stylesheet';

cytoscape.use(fcose);

export type ChartSelection = { kind: 'entity'; id: string } | { kind: 'link'; id: string } | null;

export interface ChartCounts {
  entities: number;
  links: number;
}

/** What the toolbar, legend and time bar show about the chart beyond its size. */
export interface ChartView {
  /** Changes whenever what is drawn changes; analysis computed for an older revision is stale. */
  revision: number;
  /** Entities the analyst hid (H). */
  hidden: number;
  /** Entities outside the time bar's window. */
  outOfWindow: number;
  /** Entities drawn now. */
  visible: number;
  pinned: number;
  groups: number;
  style: ChartStyle;
  legend: LegendData;
  /** Selected entities that are pinned / in a group: what the Pin and Ungroup buttons act on. */
  selectionPinned: boolean;
  selectionGrouped: boolean;
}

export interface ChartStyle {
  colourBy: ColourBy;
  sizeBy: CentralityMeasure | 'none';
  crossBorder: boolean;
}

export interface ChartListeners {
  /** Anything on the chart was added or removed. */
  onContentChange?: (counts: ChartCounts) => void;
  /**
   * `selection` is the single selected element, or null when nothing (or several things) is selected;
   * `selectedEntityIds` lists every selected entity (what "Expand selected" works on).
   */
  onSelectionChange?: (selection: ChartSelection, selectedEntityIds: string[]) => void;
  /** A node was double-clicked: the analyst wants its neighbours. */
  onEntityActivate?: (id: string) => void;
  /** Hidden/pinned/grouped/styled state or the time window changed. */
  onViewChange?: (view: ChartView) => void;
  onHistoryChange?: (state: HistoryState) => void;
}

export interface ChartControllerOptions {
  /** Animate layouts (off for headless tests and huge charts). */
  animate?: boolean;
  /** Runs big layouts off the page (analysis/worker); without it they run here. */
  forceAtlas2?: (graph: { nodes: { id: string; position: Position }[]; edges: { source: string; target: string }[] }, onProgress: (done: number, total: number) => void) => Promise<Record<string, Position>>;
}

/** Everything needed to put removed elements back exactly as they were. */
interface ElementSnapshot {
  entities: EntitySummary[];
  links: LinkSummary[];
  positions: Record<string, Position>;
  hidden: string[];
  pinned: string[];
  parents: Record<string, string>;
  groups: { id: string; label: string }[];
}

/** Cytoscape restyles an element on data() but not on removeData(); its (untyped) updateStyle() does. */
function restyle(element: NodeSingular): void {
  (element as unknown as { updateStyle(): void }).updateStyle();
}

const MAX_ZOOM_AFTER_FIT = 1.6;
/**
 * Level of detail (stylesheet.ts, DETAIL_CLASS): from this zoom on, what is in view gets labels, icons,
 * badges and arrowheads; below DETAIL_ZOOM_OFF they go again (the gap keeps a zoom hovering at the
 * threshold from restyling on every step). At 0.5 an icon is 9 px and a flag 8 × 6 px on screen; node labels
 * (10 px, hidden below 7 px) appear from 0.7 on.
 */
export const DETAIL_ZOOM = 0.5;
const DETAIL_ZOOM_OFF = 0.45;
/** Beyond the viewport on each side, as a share of its size: panning a little shows detailed elements at once. */
const DETAIL_MARGIN = 0.25;
/**
 * Entities detailed per frame. Thousands coming into view at once (a big chart laid out and fitted at a
 * readable zoom) get their details over several frames, nearest the centre of the view first, so the
 * page keeps answering instead of freezing for one long restyle.
 */
const DETAIL_CHUNK = 500;
const FIT_PADDING = 48;
/** Above this many nodes, panning and zooming draw a cached texture and skip edges (Cytoscape's LOD). */
const BIG_CHART_NODES = 1000;
const ENTITY_NODES = 'node[^isGroup]';
const GROUP_NODES = 'node[?isGroup]';
const DEFAULT_STYLE: ChartStyle = { colourBy: 'type', sizeBy: 'none', crossBorder: false };

export class ChartController {
  readonly model = new ChartModel();
  readonly history = new CommandStack();
  private readonly listeners: ChartListeners = {};
  private readonly animate: boolean;
  private forceAtlas2?: ChartControllerOptions['forceAtlas2'];
  /** Bumped whenever what is drawn changes (content, hidden, time window): analysis results go stale. */
  private revision = 0;
  private selectionEmitPending = false;
  private style: ChartStyle = { ...DEFAULT_STYLE };
  private sizeScores?: Scores;
  private communityOf: Record<string, number> = {};
  private colourKeys: ColourKey[] = [];
  private crossBorderCount = 0;
  private timeWindow?: TimeSpan;
  private timedCache?: TimedElements;
  private groupCounter = 0;
  private dragStart?: Map<string, Position>;
  private detailPending = false;
  /** Details are being drawn (zoomed in past DETAIL_ZOOM and not yet back below DETAIL_ZOOM_OFF). */
  private detailOn = false;
  /** Everything is detailed for the moment (an export is being drawn). */
  private fullDetail = false;

  constructor(
    readonly cy: Core,
    options: ChartControllerOptions = {},
  ) {
    this.animate = options.animate ?? false;
    this.forceAtlas2 = options.forceAtlas2;
    // A box selection fires one event per element; report once per burst instead of once per element.
    // Link labels are words of the interface language: follow it when the analyst switches.
    const relabel = () => this.relabelLinks();
    i18n.on('languageChanged', relabel);
    this.stopRelabelling = () => i18n.off('languageChanged', relabel);
    cy.on('select unselect', () => this.scheduleSelectionEmit());
    cy.on('dbltap', ENTITY_NODES, (event) => this.listeners.onEntityActivate?.(event.target.id()));
    cy.on('grab', 'node', () => this.beginDrag());
    cy.on('free', 'node', () => queueMicrotask(() => this.endDrag()));
    cy.on('viewport resize', () => this.scheduleDetailUpdate());
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

  /** Selected entities, including the members of selected groups. */
  selectedEntityIds(): string[] {
    const selected = this.cy.nodes(':selected');
    const ids = new Set(selected.filter(ENTITY_NODES).map((n) => n.id()));
    selected.filter(GROUP_NODES).children().forEach((child) => {
      ids.add(child.id());
    });
    return [...ids];
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
      const position = this.freeSpotNear(this.viewportCentre());
      this.cy.batch(() => {
        this.cy.add(entityElement(additions.entities[0], position));
      });
      this.afterContentChange();
      const snapshot = this.capture([entity.id], []);
      this.history.record({
        label: t('chart:history.add', { label: entity.label }),
        undo: () => this.erase(snapshot),
        redo: () => this.restore(snapshot),
      });
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
  async addExpansion(result: Pick<ExpandResult, 'nodes' | 'links'>, label = t('chart:history.expand')): Promise<ChartAdditions> {
    const existing = this.cy.nodes(ENTITY_NODES);
    const additions = this.model.add(result.nodes, result.links);
    if (additions.entities.length === 0 && additions.links.length === 0) return additions;

    this.cy.batch(() => {
      this.cy.add([...additions.entities.map((e) => entityElement(e)), ...additions.links.map((link) => linkElement(link))]);
    });
    const addedIds = new Set(additions.entities.map((e) => e.id));
    const newNodes = this.cy.nodes().filter((node) => addedIds.has(node.id()));
    const existingIds = new Set(existing.map((node) => node.id()));
    placeAroundAnchors(this.cy, newNodes, (node) => firstNeighbourIn(node, existingIds), this.viewportCentre());
    this.afterContentChange();
    if (newNodes.length > 0) {
      const fixed = existing.union(this.cy.nodes('.pinned'));
      await settleNewNodes(this.cy, fixed, { animate: this.animate && newNodes.length < 300 });
      this.fitIfOutOfView(newNodes);
    }
    const snapshot = this.capture([...addedIds], additions.links.map((l) => l.id));
    this.history.record({
      label: `${label}: ${additions.entities.length} entities, ${additions.links.length} links`,
      undo: () => this.erase(snapshot),
      redo: () => this.restore(snapshot),
    });
    return additions;
  }

  removeSelected(): void {
    const selected = this.cy.elements(':selected');
    if (selected.empty()) return;
    const entityIds = this.selectedEntityIds();
    const linkIds = selected.edges().map((e) => e.id());
    const snapshot = this.capture(entityIds, linkIds, selected.nodes(GROUP_NODES).map((g) => g.id()));
    this.erase(snapshot);
    this.history.record({
      label: t('chart:history.remove', { what: snapshot.entities.length ? entityCount(snapshot.entities.length) : `${entityCount(0)} ${linkCount(snapshot.links.length)}` }),
      undo: () => this.restore(snapshot),
      redo: () => this.erase(snapshot),
    });
  }

  clear(): void {
    if (this.cy.elements().empty()) return;
    const snapshot = this.capture(this.model.entityIds(), this.model.linkIds(), this.cy.nodes(GROUP_NODES).map((g) => g.id()));
    this.erase(snapshot);
    this.history.record({ label: t('chart:history.clear'), undo: () => this.restore(snapshot), redo: () => this.erase(snapshot) });
  }

  // ---- hide / show, pin, group ------------------------------------------------------------------

  hideSelected(): void {
    const selected = this.cy.elements(':selected');
    const nodes = selected.nodes(ENTITY_NODES).union(selected.nodes(GROUP_NODES).children());
    const targets = nodes.union(selected.edges()).filter((el) => !el.hasClass('hidden'));
    if (targets.empty()) return;
    const ids = targets.map((el) => el.id());
    const apply = (hidden: boolean) => this.setHidden(ids, hidden);
    apply(true);
    this.history.record({ label: t('chart:history.hide', { what: entityCount(targets.nodes().length) }), undo: () => apply(false), redo: () => apply(true) });
  }

  showAllHidden(): void {
    const ids = this.cy.elements('.hidden').map((el) => el.id());
    if (ids.length === 0) return;
    this.setHidden(ids, false);
    this.history.record({ label: t('chart:history.show', { count: ids.length }), undo: () => this.setHidden(ids, true), redo: () => this.setHidden(ids, false) });
  }

  /** Pins the selected entities (layouts leave them where they are), or unpins them if all are pinned. */
  togglePinSelected(): void {
    const selected = this.cy.nodes(':selected').filter(ENTITY_NODES);
    if (selected.empty()) return;
    const pin = !selected.every((n) => this.isPinned((n as NodeSingular).id()));
    const ids = selected.filter((n) => this.isPinned(n.id()) !== pin).map((n) => n.id());
    this.setPinned(ids, pin);
    this.history.record({
      label: t(pin ? 'chart:history.pin' : 'chart:history.unpin', { what: entityCount(ids.length) }),
      undo: () => this.setPinned(ids, !pin),
      redo: () => this.setPinned(ids, pin),
    });
  }

  /** Folds the selected entities into one labelled group (a box that moves as one). */
  groupSelected(): string | undefined {
    const members = this.cy.nodes(':selected').filter(ENTITY_NODES);
    if (members.length < 2) return undefined;
    const memberIds = members.map((n) => n.id());
    const previousParents = Object.fromEntries(members.map((n) => [n.id(), (n.data('parent') as string | undefined) ?? '']));
    const group = { id: `group-${++this.groupCounter}-${Date.now().toString(36)}`, label: this.labelForGroup(memberIds) };
    const apply = () => {
      this.cy.batch(() => {
        if (this.cy.getElementById(group.id).empty()) this.cy.add({ group: 'nodes', data: { id: group.id, label: group.label, isGroup: true } });
        this.cy.nodes().filter((n) => memberIds.includes(n.id())).move({ parent: group.id });
      });
      this.afterViewChange();
    };
    const revert = () => {
      this.cy.batch(() => {
        for (const id of memberIds) {
          const node = this.cy.getElementById(id);
          if (node.nonempty()) node.move({ parent: previousParents[id] || null });
        }
        this.cy.getElementById(group.id).remove();
      });
      this.afterViewChange();
    };
    apply();
    this.cy.getElementById(group.id).select();
    this.history.record({ label: t('chart:history.group', { count: memberIds.length }), undo: revert, redo: apply });
    return group.id;
  }

  /** Dissolves the selected groups (or the groups of the selected entities). */
  ungroupSelected(): void {
    const selected = this.cy.nodes(':selected');
    const groups = selected.filter(GROUP_NODES).union(selected.filter(ENTITY_NODES).parents());
    if (groups.empty()) return;
    const records = groups.map((g) => ({ id: g.id(), label: String(g.data('label')), members: (g as NodeSingular).children().map((c) => c.id()) }));
    const apply = () => {
      this.cy.batch(() => {
        for (const record of records) {
          this.cy.nodes().filter((n) => record.members.includes(n.id())).move({ parent: null });
          this.cy.getElementById(record.id).remove();
        }
      });
      this.afterViewChange();
    };
    const revert = () => {
      this.cy.batch(() => {
        for (const record of records) {
          this.cy.add({ group: 'nodes', data: { id: record.id, label: record.label, isGroup: true } });
          this.cy.nodes().filter((n) => record.members.includes(n.id())).move({ parent: record.id });
        }
      });
      this.afterViewChange();
    };
    apply();
    this.history.record({ label: t('chart:history.ungroup', { what: t('chart:history.groupCount', { count: records.length }) }), undo: revert, redo: apply });
  }

  // ---- selection --------------------------------------------------------------------------------

  selectAll(): void {
    this.cy.batch(() => this.drawn(this.cy.elements()).select());
  }

  selectNone(): void {
    this.cy.batch(() => this.cy.elements(':selected').unselect());
  }

  invertSelection(): void {
    this.cy.batch(() => {
      const visible = this.drawn(this.cy.elements());
      const selected = visible.filter(':selected');
      const unselected = visible.not(selected);
      selected.unselect();
      unselected.select();
    });
  }

  /** Adds the neighbours of the selected entities (and the links to them) to the selection. */
  selectNeighbours(): void {
    const selected = this.cy.nodes(':selected');
    if (selected.empty()) return;
    this.cy.batch(() => this.drawn(selected.closedNeighborhood()).select());
  }

  selectEntity(id: string): void {
    this.selectOnly(this.cy.getElementById(id));
  }

  selectEntities(ids: readonly string[]): void {
    this.cy.batch(() => {
      this.cy.elements(':selected').unselect();
      for (const id of ids) this.cy.getElementById(id).select();
    });
  }

  // ---- layouts ----------------------------------------------------------------------------------

  /**
   * Lays out what is visible with `algorithm`; pinned entities stay put. Big charts asked for "force" get
   * ForceAtlas2 in the worker with progress reports, so the page never freezes. Undoable.
   */
  async runLayout(
    algorithm: LayoutAlgorithm,
    options: { scores?: Scores; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<void> {
    const nodes = this.drawn(this.cy.nodes(ENTITY_NODES));
    if (nodes.length === 0) return;
    const before = this.positions();
    const pinned = new Set(this.cy.nodes('.pinned').map((n) => n.id()));
    const useForceAtlas2 = algorithm === 'forceatlas2' || (algorithm === 'force' && nodes.length > LARGE_LAYOUT_NODE_LIMIT);
    if (useForceAtlas2) {
      const graph = {
        nodes: nodes.map((n) => ({ id: n.id(), position: { ...(n as NodeSingular).position() } })),
        edges: this.drawn(this.cy.edges()).map((e) => ({ source: e.source().id(), target: e.target().id() })),
      };
      const compute =
        this.forceAtlas2 ??
        (async (g: typeof graph, onProgress: (d: number, t: number) => void) =>
          forceAtlas2Positions(g, { iterations: forceAtlas2Iterations(g.nodes.length), onProgress }));
      const positions = await compute(graph, options.onProgress ?? (() => undefined));
      this.applyPositions(Object.fromEntries(Object.entries(positions).filter(([id]) => !pinned.has(id))));
      this.fit();
    } else {
      const elements = nodes.union(nodes.parents()).union(nodes.edgesWith(nodes));
      const layout = elements.layout(
        cytoscapeLayoutOptions(algorithm, { scores: options.scores, fixed: pinned, animate: this.animate && nodes.length < 300 }, (id) => this.cy.getElementById(id).position()),
      );
      const stopped = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
      layout.run();
      await stopped;
      // Layouts other than fcose know nothing of pins: put pinned entities back.
      this.applyPositions(Object.fromEntries([...pinned].filter((id) => before[id]).map((id) => [id, before[id]])));
    }
    const after = this.positions();
    this.history.record({
      label: t('chart:history.layout', { name: t(`chart:layoutName.${algorithm}`) }),
      undo: () => this.applyPositions(before),
      redo: () => this.applyPositions(after),
    });
  }

  // ---- styling and analysis ---------------------------------------------------------------------

  currentStyle(): ChartStyle {
    return { ...this.style };
  }

  /** Changes the colouring, sizing or cross-border highlight (undoable). `scores` go with a new sizeBy. */
  setStyle(change: Partial<ChartStyle>, scores?: Scores): void {
    const before = { style: { ...this.style }, scores: this.sizeScores };
    const after = { style: { ...this.style, ...change }, scores: change.sizeBy === undefined ? this.sizeScores : change.sizeBy === 'none' ? undefined : scores };
    if (JSON.stringify(before.style) === JSON.stringify(after.style) && before.scores === after.scores) return;
    const apply = (state: typeof before) => {
      this.style = { ...state.style };
      this.sizeScores = state.scores;
      this.refreshStyling();
    };
    apply(after);
    this.history.record({ label: t('chart:history.style', { change: describeStyleChange(change) }), undo: () => apply(before), redo: () => apply(after) });
  }

  /** New scores for the measure nodes are already sized by (the chart changed): not an undo step. */
  refreshSizeScores(scores: Scores): void {
    if (this.style.sizeBy === 'none') return;
    this.sizeScores = scores;
    this.refreshStyling();
  }

  /** The graph the analysis functions see: visible entities and the links between them. */
  analysisInput(options: { visibleOnly?: boolean } = {}): AnalysisInput {
    const visibleOnly = options.visibleOnly ?? true;
    const all = this.cy.nodes(ENTITY_NODES);
    const nodes = (visibleOnly ? this.drawn(all) : all).map((n) => n.id());
    const kept = new Set(nodes);
    const edges = this.links()
      .filter((l) => kept.has(l.source) && kept.has(l.target) && (!visibleOnly || this.isDrawn(this.cy.getElementById(l.id))))
      .map((l) => ({ source: l.source, target: l.target }));
    return { nodes, edges };
  }

  communities(): Record<string, number> {
    return { ...this.communityOf };
  }

  // ---- time window ------------------------------------------------------------------------------

  timedElements(): TimedElements {
    this.timedCache ??= collectTimes(this.entities(), this.links());
    return this.timedCache;
  }

  /** Hides (never removes) what falls outside `window`; undefined shows everything again. */
  setTimeWindow(window: TimeSpan | undefined): void {
    this.timeWindow = window;
    this.revision++;
    this.applyTimeWindow();
    if (this.style.colourBy === 'community') this.refreshStyling();
    else this.afterViewChange();
  }

  getTimeWindow(): TimeSpan | undefined {
    return this.timeWindow ? { ...this.timeWindow } : undefined;
  }

  // ---- whole-chart state (saved charts: saved-charts/chart-document.ts) ---------------------------------

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
    if (ids.length) this.setHidden(ids, true);
  }

  markPinned(ids: readonly string[]): void {
    if (ids.length) this.setPinned(ids, true);
  }

  /**
   * Replaces everything on the chart (opening a saved chart). Not an undoable step: the history starts
   * afresh with the opened chart.
   */
  replaceContent(entities: readonly EntitySummary[], links: readonly LinkSummary[], positions: ReadonlyMap<string, Position>): void {
    this.model.clear();
    this.timeWindow = undefined;
    this.communityOf = {};
    this.cy.batch(() => {
      this.cy.elements().remove();
      const added = this.model.add(entities, links);
      const parallel = parallelLinkIds(added.links);
      this.cy.add([
        ...added.entities.map((e) => entityElement(e, positions.get(e.id) ?? { x: 0, y: 0 })),
        ...added.links.map((link) => linkElement(link, parallel.has(link.id))),
      ]);
    });
    this.history.clear();
    this.afterContentChange();
    this.emitSelection();
  }

  // ---- view -------------------------------------------------------------------------------------

  /** Where each entity is drawn now (renderer/src/review's collapse keeps positions when it swaps content). */
  entityPositions(): Map<string, Position> {
    return new Map(Object.entries(this.positions()));
  }

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

  /** The drawn entities as the fit sees them. */
  private fitNodes(): FitNode[] {
    const loops = new Set<string>();
    for (const id of this.model.linkIds()) {
      const link = this.model.link(id)!;
      if (link.source === link.target && this.isDrawn(this.cy.getElementById(id))) loops.add(link.source);
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

  entity(id: string): EntitySummary | undefined {
    return this.model.entity(id);
  }

  link(id: string): LinkSummary | undefined {
    return this.model.link(id);
  }

  view(): ChartView {
    const entityNodes = this.cy.nodes(ENTITY_NODES);
    const selected = entityNodes.filter(':selected');
    return {
      revision: this.revision,
      hidden: entityNodes.filter('.hidden').length,
      outOfWindow: entityNodes.filter('.out-of-window').length,
      visible: this.drawn(entityNodes).length,
      pinned: entityNodes.filter('.pinned').length,
      groups: this.cy.nodes(GROUP_NODES).length,
      style: { ...this.style },
      legend: legendData(this.entities(), this.links(), {
        colourBy: this.style.colourBy,
        colourKeys: this.colourKeys,
        ...(this.style.sizeBy !== 'none' ? { sizedBy: CENTRALITY_NAMES[this.style.sizeBy] } : {}),
        crossBorder: this.crossBorderCount,
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

  private relabelLinks(): void {
    this.cy.batch(() => {
      for (const edge of this.cy.edges()) {
        const link = this.model.link(edge.id());
        if (link) edge.data('label', linkLabel(link));
      }
    });
  }

  // ---- primitives (not recorded: commands call these) -------------------------------------------

  /**
   * Whether an element is drawn: not hidden, not outside the time window, and for a link both ends drawn.
   * Worked out from our own classes because Cytoscape caches `visible()` and can answer from a stale
   * cache right after a class change.
   */
  private isDrawn(element: cytoscape.SingularElementArgument): boolean {
    if (element.empty() || element.hasClass('hidden') || element.hasClass('out-of-window')) return false;
    if (element.isEdge()) return this.isDrawn(element.source()) && this.isDrawn(element.target());
    return true;
  }

  private drawn<T extends cytoscape.CollectionArgument>(elements: T): T {
    return elements.filter((element) => this.isDrawn(element as cytoscape.SingularElementArgument)) as unknown as T;
  }

  private capture(entityIds: readonly string[], linkIds: readonly string[], groupIds: readonly string[] = []): ElementSnapshot {
    const entitySet = new Set(entityIds);
    const linkSet = new Set(linkIds);
    // Links touching a removed entity go with it.
    for (const link of this.links()) if (entitySet.has(link.source) || entitySet.has(link.target)) linkSet.add(link.id);
    const entities = [...entitySet].map((id) => this.model.entity(id)).filter((e): e is EntitySummary => Boolean(e));
    const links = [...linkSet].map((id) => this.model.link(id)).filter((l): l is LinkSummary => Boolean(l));
    const positions: Record<string, Position> = {};
    const parents: Record<string, string> = {};
    const groupIdSet = new Set(groupIds);
    for (const entity of entities) {
      const node = this.cy.getElementById(entity.id);
      positions[entity.id] = { ...node.position() };
      const parent = node.data('parent') as string | undefined;
      if (parent) {
        parents[entity.id] = parent;
        // A group left without members goes too.
        if (node.parent().children().every((child) => entitySet.has((child as NodeSingular).id()))) groupIdSet.add(parent);
      }
    }
    const all = [...entities.map((e) => e.id), ...links.map((l) => l.id)];
    return {
      entities,
      links,
      positions,
      parents,
      hidden: all.filter((id) => this.isHidden(id)),
      pinned: entities.filter((e) => this.isPinned(e.id)).map((e) => e.id),
      groups: [...groupIdSet].map((id) => ({ id, label: String(this.cy.getElementById(id).data('label') ?? '') })),
    };
  }

  private erase(snapshot: ElementSnapshot): void {
    this.model.removeLinks(snapshot.links.map((l) => l.id));
    this.model.removeEntities(snapshot.entities.map((e) => e.id));
    this.cy.batch(() => {
      for (const link of snapshot.links) this.cy.getElementById(link.id).remove();
      for (const entity of snapshot.entities) this.cy.getElementById(entity.id).remove();
      for (const group of snapshot.groups) {
        const node = this.cy.getElementById(group.id);
        if (node.nonempty() && node.children().empty()) node.remove();
      }
    });
    this.afterContentChange();
    this.emitSelection();
  }

  private restore(snapshot: ElementSnapshot): void {
    const additions = this.model.add(snapshot.entities, snapshot.links);
    const hidden = new Set(snapshot.hidden);
    const pinned = new Set(snapshot.pinned);
    this.cy.batch(() => {
      for (const group of snapshot.groups) {
        if (this.cy.getElementById(group.id).empty()) this.cy.add({ group: 'nodes', data: { id: group.id, label: group.label, isGroup: true } });
      }
      const nodes = additions.entities.map((entity) => {
        const element = entityElement(entity, snapshot.positions[entity.id]);
        const parent = snapshot.parents[entity.id];
        if (parent && this.cy.getElementById(parent).nonempty()) element.data.parent = parent;
        const classes = [hidden.has(entity.id) ? 'hidden' : '', pinned.has(entity.id) ? 'pinned' : ''].filter(Boolean);
        return classes.length ? { ...element, classes } : element;
      });
      const edges = additions.links.map((link) => {
        const element = linkElement(link);
        return hidden.has(link.id) ? { ...element, classes: ['hidden'] } : element;
      });
      this.cy.add([...nodes, ...edges]);
    });
    this.afterContentChange();
  }

  private setHidden(ids: readonly string[], hidden: boolean): void {
    this.revision++;
    this.cy.batch(() => {
      for (const id of ids) {
        const element = this.cy.getElementById(id);
        if (hidden) element.addClass('hidden').unselect();
        else element.removeClass('hidden');
      }
    });
    this.afterViewChange();
  }

  private setPinned(ids: readonly string[], pinned: boolean): void {
    this.cy.batch(() => {
      for (const id of ids) {
        const node = this.cy.getElementById(id);
        if (pinned) node.addClass('pinned');
        else node.removeClass('pinned');
      }
    });
    this.afterViewChange();
  }

  private positions(): Record<string, Position> {
    const positions: Record<string, Position> = {};
    this.cy.nodes(ENTITY_NODES).forEach((node) => {
      positions[node.id()] = { ...node.position() };
    });
    return positions;
  }

  private applyPositions(positions: Record<string, Position>): void {
    this.cy.batch(() => {
      for (const [id, position] of Object.entries(positions)) {
        const node = this.cy.getElementById(id);
        if (node.nonempty()) node.position({ ...position });
      }
    });
    this.scheduleDetailUpdate();
  }

  private beginDrag(): void {
    if (!this.dragStart) this.dragStart = new Map(Object.entries(this.positions()));
  }

  /** One undo step per drag gesture, however many nodes moved with it. */
  private endDrag(): void {
    const start = this.dragStart;
    this.dragStart = undefined;
    if (!start || this.cy.destroyed()) return;
    const before: Record<string, Position> = {};
    const after: Record<string, Position> = {};
    this.cy.nodes(ENTITY_NODES).forEach((node) => {
      const was = start.get(node.id());
      const now = (node as NodeSingular).position();
      if (was && (Math.abs(was.x - now.x) > 0.5 || Math.abs(was.y - now.y) > 0.5)) {
        before[node.id()] = was;
        after[node.id()] = { ...now };
      }
    });
    const moved = Object.keys(after).length;
    if (moved === 0) return;
    this.history.record({
      label: t('chart:history.move', { what: entityCount(moved) }),
      undo: () => this.applyPositions(before),
      redo: () => this.applyPositions(after),
    });
  }

  private afterContentChange(): void {
    this.revision++;
    this.timedCache = undefined;
    this.markParallelLinks();
    this.tuneForSize();
    if (this.timeWindow) this.applyTimeWindow();
    this.refreshStyling();
    this.listeners.onContentChange?.(this.counts());
  }

  private afterViewChange(): void {
    this.scheduleDetailUpdate();
    this.listeners.onViewChange?.(this.view());
  }

  private applyTimeWindow(): void {
    const window = this.timeWindow;
    const outside = window
      ? elementsOutsideWindow(this.model.entityIds(), this.links(), this.timedElements(), window)
      : { hiddenEntities: new Set<string>(), hiddenLinks: new Set<string>() };
    this.cy.batch(() => {
      this.cy.elements().forEach((element) => {
        const id = element.id();
        const out = element.isNode() ? outside.hiddenEntities.has(id) : outside.hiddenLinks.has(id);
        if (out !== element.hasClass('out-of-window')) {
          if (out) element.addClass('out-of-window');
          else element.removeClass('out-of-window');
        }
      });
    });
  }

  /** Re-derives colours, sizes and highlights from the style and what is on the chart (and in view) now. */
  private refreshStyling(): void {
    const entities = this.entities();
    if (this.style.colourBy === 'community') {
      // Recomputed on what is visible: with a time window these are the groups active in that window.
      const next = detectCommunities(this.analysisInput({ visibleOnly: true })).communityOf;
      this.communityOf = Object.keys(this.communityOf).length ? alignCommunities(this.communityOf, next) : next;
    }
    const colouring = nodeColours(entities, this.style.colourBy, this.communityOf);
    this.colourKeys = colouring?.keys ?? [];
    const sizes = this.style.sizeBy !== 'none' && this.sizeScores ? sizesFromScores(this.sizeScores) : undefined;
    const crossBorder = this.style.crossBorder ? findCrossBorderEntities(entities, this.links()) : new Map();
    this.crossBorderCount = crossBorder.size;
    this.cy.batch(() => {
      this.cy.nodes(ENTITY_NODES).forEach((node) => {
        const id = node.id();
        const colour = colouring?.colours.get(id);
        // Cytoscape does not restyle on removeData(): an element losing its colour or size is restyled here.
        let lostData = false;
        if (colour) node.data('colour', colour);
        else if (node.data('colour') !== undefined) {
          node.removeData('colour');
          lostData = true;
        }
        const size = sizes?.[id];
        if (size !== undefined) node.data('size', size);
        else if (node.data('size') !== undefined) {
          node.removeData('size');
          lostData = true;
        }
        if (lostData) restyle(node);
        if (crossBorder.has(id)) node.addClass('cross-border');
        else if (node.hasClass('cross-border')) node.removeClass('cross-border');
      });
    });
    this.afterViewChange();
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

  private labelForGroup(memberIds: string[]): string {
    const members = memberIds.map((id) => this.model.entity(id)).filter((e): e is EntitySummary => Boolean(e));
    const memberSet = new Set(memberIds);
    let common: Collection | undefined;
    for (const id of memberIds) {
      const outside = this.cy.getElementById(id).neighborhood(ENTITY_NODES).filter((n) => !memberSet.has((n as NodeSingular).id()));
      common = common ? common.intersection(outside) : outside;
    }
    const neighbour = common && common.length === 1 ? this.model.entity((common[0] as NodeSingular).id()) : undefined;
    return groupLabel(members, neighbour);
  }

  private selectOnly(element: cytoscape.CollectionReturnValue): void {
    if (element.empty()) return;
    this.cy.batch(() => {
      this.cy.elements(':selected').unselect();
      element.select();
    });
  }

  private scheduleSelectionEmit(): void {
    if (this.selectionEmitPending) return;
    this.selectionEmitPending = true;
    queueMicrotask(() => {
      this.selectionEmitPending = false;
      if (!this.cy.destroyed()) {
        this.emitSelection();
        this.afterViewChange();
      }
    });
  }

  private emitSelection(): void {
    const selected = this.cy.elements(':selected');
    let selection: ChartSelection = null;
    if (selected.length === 1) {
      const element = selected[0];
      // A group is not a record: the details panel has nothing to look up for it.
      if (!element.data('isGroup')) selection = { kind: element.isNode() ? 'entity' : 'link', id: element.id() };
    }
    this.listeners.onSelectionChange?.(selection, this.selectedEntityIds());
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

  /**
   * Runs `draw` with every element detailed (labels, icons, arrowheads), then puts the level of detail back
   * as the zoom on screen wants it. The PNG export (export/rasterise.ts) draws the whole chart this way.
   */
  withFullDetail<T>(draw: () => T): T {
    const added = this.cy.elements().filter((element) => !element.hasClass(DETAIL_CLASS));
    this.fullDetail = true;
    this.cy.batch(() => added.addClass(DETAIL_CLASS));
    try {
      return draw();
    } finally {
      this.fullDetail = false;
      this.cy.batch(() => added.removeClass(DETAIL_CLASS));
      this.updateDetail();
    }
  }

  /** Once per burst of viewport events (a wheel zoom or a pan fires many); 'next frame' lets one be drawn first. */
  private scheduleDetailUpdate(when: 'now' | 'next frame' = 'now'): void {
    if (this.detailPending) return;
    this.detailPending = true;
    const run = () => {
      this.detailPending = false;
      if (!this.cy.destroyed()) this.updateDetail();
    };
    if (when === 'now') queueMicrotask(run);
    // Two frames: Cytoscape draws in its own animation-frame callback; the second one comes after it.
    else if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => requestAnimationFrame(run));
    else setTimeout(run, 16);
  }

  /**
   * Zoomed out below DETAIL_ZOOM_OFF: nothing detailed. Zoomed in to DETAIL_ZOOM or more: entities in view
   * (and a margin around it), their links and every group box are detailed; what comes into view later
   * (panning, new entities, a layout) gets its details as it arrives. Between the two thresholds the chart
   * keeps the state it had.
   */
  private updateDetail(): void {
    if (this.fullDetail) return;
    const zoom = this.cy.zoom();
    if (zoom >= DETAIL_ZOOM) this.detailOn = true;
    else if (zoom < DETAIL_ZOOM_OFF) this.detailOn = false;
    if (!this.detailOn) {
      const detailed = this.cy.elements(`.${DETAIL_CLASS}`);
      if (detailed.nonempty()) this.cy.batch(() => detailed.removeClass(DETAIL_CLASS));
      return;
    }
    const extent = this.cy.extent();
    const mx = extent.w * DETAIL_MARGIN;
    const my = extent.h * DETAIL_MARGIN;
    const [x1, x2, y1, y2] = [extent.x1 - mx, extent.x2 + mx, extent.y1 - my, extent.y2 + my];
    let nodes = this.cy.nodes().filter((node) => {
      if (node.hasClass(DETAIL_CLASS)) return false;
      const { x, y } = node.position();
      return Boolean(node.data('isGroup')) || (x >= x1 && x <= x2 && y >= y1 && y <= y2);
    });
    if (nodes.empty()) return;
    if (nodes.length > DETAIL_CHUNK) {
      const cx = (extent.x1 + extent.x2) / 2;
      const cy = (extent.y1 + extent.y2) / 2;
      const distance = (node: cytoscape.SingularElementArgument) => {
        const { x, y } = (node as NodeSingular).position();
        return (x - cx) ** 2 + (y - cy) ** 2;
      };
      nodes = nodes.sort((a, b) => distance(a) - distance(b)).slice(0, DETAIL_CHUNK);
      this.scheduleDetailUpdate('next frame');
    }
    const chunk = nodes;
    this.cy.batch(() => chunk.union(chunk.connectedEdges()).addClass(DETAIL_CLASS));
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

const entityCount = (count: number) => t('common:entityCount', { count });
const linkCount = (count: number) => t('common:linkCount', { count });

function describeStyleChange(change: Partial<ChartStyle>): string {
  if (change.colourBy) return t('chart:history.colourBy', { name: t(`chart:colourByName.${change.colourBy}`).toLowerCase() });
  if (change.sizeBy) return change.sizeBy === 'none' ? t('chart:history.sameSize') : t('chart:history.sizeBy', { name: t(`analysis:measure.${change.sizeBy}`).toLowerCase() });
  if (change.crossBorder !== undefined) return change.crossBorder ? t('chart:history.crossBorderOn') : t('chart:history.crossBorderOff');
  return t('chart:history.change');
}
