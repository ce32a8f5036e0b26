// What the timeline (theme-line) view draws: one line per entity and the dated events along it. Pure
// functions over the chart's content, so the view and its tests share one reading of the data:
//  - a dated link between two lines (a call between two phones on the timeline) is a connector between them;
//  - a dated link from a line to anything else (an ANPR hit at a camera, a phone used since March) is an
//    event on that line, named after the other end;
//  - an incident (it has its own time) is an event on the line of every entity involved in it, and on its
//    own line when it is one.
import type { EntitySummary, EntityType, LinkSummary } from '../../../contract/model';
import { overlaps, type TimeSpan, type TimedElements } from '../timebar/element-times';

/** Most lines drawn at once: beyond a dozen, theme lines stop being readable. */
export const MAX_LINES = 12;
/** Records that are never a theme line of their own unless the analyst selects them. */
const NOT_LINES_BY_DEFAULT: ReadonlySet<EntityType> = new Set(['Case', 'Source', 'Incident', 'Location']);

export interface TimelineLine {
  id: string;
  label: string;
  type: EntityType;
}

export interface TimelineEvent {
  /** The chart element the event stands for (selected when the event is chosen). */
  elementId: string;
  elementKind: 'entity' | 'link';
  /** Unique per drawn event (an incident shows on several lines). */
  key: string;
  lineId: string;
  /** A connector: the event joins `lineId` to this second line. */
  otherLineId?: string;
  span: TimeSpan;
  /** Relationship type, or the entity type of an incident. */
  kind: string;
  /** The other end (not a line) or the incident's own label. */
  counterpart?: string;
  count?: number;
}

export interface TimelineContent {
  entities: readonly EntitySummary[];
  links: readonly LinkSummary[];
  timed: TimedElements;
}

/** Every event touching `lineIds`, in time order. */
export function timelineEvents(content: TimelineContent, lineIds: readonly string[]): TimelineEvent[] {
  const lines = new Set(lineIds);
  const labelOf = new Map(content.entities.map((entity) => [entity.id, entity]));
  const events: TimelineEvent[] = [];
  for (const link of content.links) {
    const span = content.timed.links.get(link.id);
    const sourceIsLine = lines.has(link.source);
    const targetIsLine = lines.has(link.target);
    if (span && (sourceIsLine || targetIsLine)) {
      const lineId = sourceIsLine ? link.source : link.target;
      const other = sourceIsLine ? link.target : link.source;
      const both = sourceIsLine && targetIsLine;
      events.push({
        elementId: link.id,
        elementKind: 'link',
        key: `link:${link.id}`,
        lineId,
        ...(both ? { otherLineId: other } : { counterpart: labelOf.get(other)?.label ?? other }),
        span,
        kind: link.type,
        ...(link.count !== undefined ? { count: link.count } : {}),
      });
      continue;
    }
    // An undated link to a dated entity (INVOLVED_IN an incident): the incident's time, on the line.
    for (const [lineEnd, eventEnd] of [
      [link.source, link.target],
      [link.target, link.source],
    ] as const) {
      const eventSpan = content.timed.entities.get(eventEnd);
      const incident = labelOf.get(eventEnd);
      if (!lines.has(lineEnd) || !eventSpan || !incident || lines.has(eventEnd)) continue;
      events.push({ elementId: eventEnd, elementKind: 'entity', key: `entity:${eventEnd}@${lineEnd}`, lineId: lineEnd, span: eventSpan, kind: incident.type, counterpart: incident.label });
    }
  }
  for (const id of lineIds) {
    const own = content.timed.entities.get(id);
    const entity = labelOf.get(id);
    if (own && entity) events.push({ elementId: id, elementKind: 'entity', key: `entity:${id}@${id}`, lineId: id, span: own, kind: entity.type, counterpart: entity.label });
  }
  return events.sort((a, b) => a.span.start - b.span.start || a.key.localeCompare(b.key));
}

/** The chart's busiest entities (most dated events), for when nothing is selected. */
export function defaultLines(content: TimelineContent, max = MAX_LINES): string[] {
  const candidates = content.entities.filter((entity) => !NOT_LINES_BY_DEFAULT.has(entity.type));
  const counts = new Map<string, number>();
  for (const event of timelineEvents(content, candidates.map((entity) => entity.id))) {
    counts.set(event.lineId, (counts.get(event.lineId) ?? 0) + 1);
    if (event.otherLineId) counts.set(event.otherLineId, (counts.get(event.otherLineId) ?? 0) + 1);
  }
  return candidates
    .filter((entity) => counts.has(entity.id))
    .sort((a, b) => counts.get(b.id)! - counts.get(a.id)! || a.label.localeCompare(b.label) || a.id.localeCompare(b.id))
    .slice(0, max)
    .map((entity) => entity.id);
}

export interface LineChoice {
  ids: string[];
  source: 'selection' | 'busiest';
  /** Selected entities left off beyond MAX_LINES. */
  leftOff: number;
}

/**
 * Which lines to draw, given the chart selection and the lines drawn now. Selecting entities makes them the
 * lines; selecting only what the timeline already shows (one of its lines, an incident on it, a link) keeps
 * the lines, so choosing on the timeline never pulls the view out from under the analyst.
 */
export function chooseLines(
  content: TimelineContent,
  selection: { entityIds: readonly string[]; anythingSelected: boolean },
  current: LineChoice | undefined,
): LineChoice {
  const onChart = new Set(content.entities.map((entity) => entity.id));
  // The same object when nothing changed, so what is derived from it need not be recomputed.
  const kept = current?.ids.filter((id) => onChart.has(id));
  const stillThere = current && kept ? (kept.length === current.ids.length ? current : { ...current, ids: kept }) : undefined;
  if (selection.entityIds.length === 0) {
    if (selection.anythingSelected && stillThere && stillThere.ids.length > 0) return stillThere;
    return { ids: defaultLines(content), source: 'busiest', leftOff: 0 };
  }
  if (stillThere && stillThere.ids.length > 0) {
    const shown = new Set(stillThere.ids);
    for (const event of timelineEvents(content, stillThere.ids)) if (event.elementKind === 'entity') shown.add(event.elementId);
    if (selection.entityIds.every((id) => shown.has(id))) return stillThere;
  }
  const ids = selection.entityIds.filter((id) => onChart.has(id));
  return { ids: ids.slice(0, MAX_LINES), source: 'selection', leftOff: Math.max(0, ids.length - MAX_LINES) };
}

export function eventsInWindow(events: readonly TimelineEvent[], window: TimeSpan | undefined): TimelineEvent[] {
  return window ? events.filter((event) => overlaps(event.span, window)) : [...events];
}

/** The time axis: the time bar's window when there is one, else the span of the events (padded a little). */
export function axisSpan(events: readonly TimelineEvent[], window: TimeSpan | undefined): TimeSpan | undefined {
  if (window) return window;
  if (events.length === 0) return undefined;
  const start = Math.min(...events.map((event) => event.span.start));
  const end = Math.max(...events.map((event) => event.span.end));
  const pad = Math.max(3_600_000, (end - start) * 0.03);
  return { start: start - pad, end: end + pad };
}
