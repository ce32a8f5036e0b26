// The one place where the chart on screen turns into a ChartDocument (save, autosave draft, chart file) and
// back. Chart state beyond elements and positions lives in CHART_STATE_PARTS below: to make a new piece of
// chart state (groups, time window, colour-by, …) survive save and reopen, add one part there.
import type { Position } from 'cytoscape';
import type { ChartDocument, ChartEntity, ChartLink } from '../../../contract/chart';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import type { ChartController } from '../chart/chart-controller';

import { CHART_FORMAT, CHART_FORMAT_VERSION } from '../../../shared-values/model';

/** Who the chart is and where it came from; what the chart itself does not know. */
export interface ChartMeta {
  id: string;
  title: string;
  createdBy?: string;
  /**
   * Settings from the opened document that this version of the workbench does not apply (say, a time window
   * written by a newer build): written back unchanged so saving never silently drops them.
   */
  carried?: Partial<ChartSettings>;
}

/** The document fields that are chart state but not elements. */
export type ChartSettings = Pick<ChartDocument, 'viewport' | 'layout' | 'style' | 'timeWindow' | 'filters'>;

/**
 * One piece of chart state beyond the elements. `read` takes it from the chart; `apply` puts it back after the
 * elements are on the chart (parts are applied in this order, so the viewport comes last).
 */
interface ChartStatePart {
  /** The document fields this part owns. */
  keys: (keyof ChartSettings)[];
  read(controller: ChartController): Partial<ChartSettings>;
  apply(controller: ChartController, document: ChartDocument): void;
}

const viewportPart: ChartStatePart = {
  keys: ['viewport'],
  read: (controller) => ({ viewport: { zoom: controller.cy.zoom(), pan: { ...controller.cy.pan() } } }),
  apply: (controller, document) => {
    if (!document.viewport) return;
    // One call: zoom({level}) alone would zoom around the centre and move the pan.
    controller.cy.viewport({ zoom: document.viewport.zoom, pan: { ...document.viewport.pan } });
  },
};

/** Colour-by. (Size-by needs freshly computed scores, so it is not restored.) */
const stylePart: ChartStatePart = {
  keys: ['style'],
  read: (controller) => ({ style: { colourBy: controller.currentStyle().colourBy } }),
  apply: (controller, document) => {
    const colourBy = document.style?.colourBy;
    if (colourBy && colourBy !== controller.currentStyle().colourBy) controller.setStyle({ colourBy });
  },
};

/** The time bar's window: epoch milliseconds on the chart, ISO-8601 in the document. */
const timeWindowPart: ChartStatePart = {
  keys: ['timeWindow'],
  read: (controller) => ({ timeWindow: documentWindow(controller.getTimeWindow()) }),
  apply: (controller, document) => {
    const start = document.timeWindow ? Date.parse(document.timeWindow.from) : NaN;
    const end = document.timeWindow ? Date.parse(document.timeWindow.until) : NaN;
    controller.setTimeWindow(Number.isFinite(start) && Number.isFinite(end) ? { start, end } : undefined);
  },
};

// To make more chart state survive save and reopen (layout name, filters, groups, …), add a part here.
// The viewport comes last: restoring other state must not move the view the analyst saved.
const CHART_STATE_PARTS: ChartStatePart[] = [stylePart, timeWindowPart, viewportPart];

/** The chart on screen as a document. `now` is the document's updatedAt. */
export function chartToDocument(controller: ChartController, meta: ChartMeta, now: Date = new Date()): ChartDocument {
  const entities: ChartEntity[] = [];
  for (const id of controller.model.entityIds()) {
    const entity = controller.model.entity(id);
    const node = controller.cy.getElementById(id);
    if (!entity || node.empty()) continue;
    const { x, y } = node.position();
    entities.push({
      ...entity,
      position: { x, y },
      ...(controller.isHidden(id) ? { hidden: true } : {}),
      ...(controller.isPinned(id) ? { pinned: true } : {}),
    });
  }
  const links: ChartLink[] = controller.links().map((link) => ({ ...link, ...(controller.isHidden(link.id) ? { hidden: true } : {}) }));

  const settings: Partial<ChartSettings> = { ...meta.carried };
  for (const part of CHART_STATE_PARTS) Object.assign(settings, part.read(controller));
  return assembled(meta, now, entities, links, settings);
}

function assembled(meta: ChartMeta, now: Date, entities: ChartEntity[], links: ChartLink[], settings: Partial<ChartSettings>): ChartDocument {
  return {
    format: CHART_FORMAT,
    version: CHART_FORMAT_VERSION,
    id: meta.id,
    title: meta.title,
    ...(meta.createdBy ? { createdBy: meta.createdBy } : {}),
    updatedAt: now.toISOString(),
    entities,
    links,
    ...settings,
  } as ChartDocument;
}

/** The time bar's window (epoch milliseconds) as the document writes it (ISO-8601). */
function documentWindow(window: { start: number; end: number } | undefined): ChartSettings['timeWindow'] {
  return window ? { from: new Date(window.start).toISOString(), until: new Date(window.end).toISOString() } : null;
}

/** What the WebGL overview holds that a document keeps (chart/big-chart/big-chart-view.ts). */
export interface OverviewRecords {
  entities(): EntitySummary[];
  links(): LinkSummary[];
  position(id: string): { x: number; y: number } | undefined;
  getTimeWindow(): { start: number; end: number } | undefined;
}

/**
 * The WebGL overview as a document: its entities where the overview draws them, its links and the time bar's
 * window. `opened` is the document the overview was opened from: what it said about hidden and pinned
 * elements and the chart's style is kept, since the overview does not change those.
 */
export function overviewToDocument(overview: OverviewRecords, meta: ChartMeta, opened?: Pick<ChartDocument, 'entities' | 'links' | 'style'>, now: Date = new Date()): ChartDocument {
  const flags = new Map<string, { hidden?: boolean; pinned?: boolean }>();
  for (const entity of opened?.entities ?? []) if (entity.hidden || entity.pinned) flags.set(entity.id, { ...(entity.hidden ? { hidden: true } : {}), ...(entity.pinned ? { pinned: true } : {}) });
  const hiddenLinks = new Set((opened?.links ?? []).filter((link) => link.hidden).map((link) => link.id));
  const entities: ChartEntity[] = overview.entities().map((entity) => {
    const position = overview.position(entity.id);
    return { ...entity, ...(position ? { position: { x: position.x, y: position.y } } : {}), ...flags.get(entity.id) } as ChartEntity;
  });
  const links: ChartLink[] = overview.links().map((link) => ({ ...link, ...(hiddenLinks.has(link.id) ? { hidden: true } : {}) }) as ChartLink);
  return assembled(meta, now, entities, links, { ...meta.carried, ...(opened?.style ? { style: opened.style } : {}), timeWindow: documentWindow(overview.getTimeWindow()) });
}

export interface DocumentLoadResult {
  /** Entities of the document left off because they no longer exist (`skipIds`). */
  skipped: ChartEntity[];
  /** Links left off because one of their ends was skipped. */
  skippedLinks: number;
}

/**
 * Replaces the chart with the document's content exactly as saved: positions, hidden and pinned state, then
 * the viewport. Entities in `skipIds` (deleted from the database since) are left off with their links.
 */
export function documentToChart(
  document: ChartDocument,
  controller: ChartController,
  options: { skipIds?: ReadonlySet<string> } = {},
): DocumentLoadResult {
  const skipIds = options.skipIds ?? new Set<string>();
  const kept = document.entities.filter((entity) => !skipIds.has(entity.id));
  const keptIds = new Set(kept.map((entity) => entity.id));
  const keptLinks = document.links.filter((link) => keptIds.has(link.source) && keptIds.has(link.target));

  const positions = new Map<string, Position>();
  for (const entity of kept) if (entity.position) positions.set(entity.id, entity.position);
  controller.replaceContent(kept.map(toEntitySummary), keptLinks.map(toLinkSummary), positions);

  // Hidden by the analyst; an edge hidden only because one of its ends is hidden is not itself hidden.
  controller.markHidden([
    ...kept.filter((entity) => entity.hidden).map((entity) => entity.id),
    ...keptLinks.filter((link) => link.hidden).map((link) => link.id),
  ]);
  controller.markPinned(kept.filter((entity) => entity.pinned).map((entity) => entity.id));
  for (const part of CHART_STATE_PARTS) part.apply(controller, document);
  // The saved view is kept when it still shows the whole chart in this window; otherwise the chart is fitted.
  controller.fitIfOutOfView();
  // Opening a chart is where its history starts: restoring its style is not a step to undo.
  controller.history.clear();

  return {
    skipped: document.entities.filter((entity) => skipIds.has(entity.id)),
    skippedLinks: document.links.length - keptLinks.length,
  };
}

/** Settings in `document` that no state part reads back from the chart: kept for the next save. */
export function carriedSettings(document: ChartDocument): Partial<ChartSettings> {
  const handled = new Set<string>(CHART_STATE_PARTS.flatMap((part) => part.keys));
  const carried: Partial<ChartSettings> = {};
  for (const key of ['viewport', 'layout', 'style', 'timeWindow', 'filters'] as const) {
    if (!handled.has(key) && document[key] !== undefined) Object.assign(carried, { [key]: document[key] });
  }
  return carried;
}

/** A document's entity as the chart model holds it (chart state left out). */
export function toEntitySummary(entity: ChartEntity): EntitySummary {
  const { position: _position, hidden: _hidden, pinned: _pinned, ...summary } = entity;
  return summary as EntitySummary;
}

export function toLinkSummary(link: ChartLink): LinkSummary {
  const { hidden: _hidden, ...summary } = link;
  return summary as LinkSummary;
}
