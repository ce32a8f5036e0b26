// When things on the chart happened: an incident's `at`, a link's `at` or its `from`/`until` window
// (CALLED: first and last call). Times are epoch milliseconds; an instant is a window of zero length.
import type { EntitySummary, LinkSummary } from '../../../contract/model';

export interface TimeSpan {
  start: number;
  end: number;
}

export interface TimedElements {
  entities: Map<string, TimeSpan>;
  links: Map<string, TimeSpan>;
}

export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length < 4) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

export function entitySpan(entity: EntitySummary): TimeSpan | undefined {
  const at = parseTime(entity.properties.at);
  return at === undefined ? undefined : { start: at, end: at };
}

export function linkSpan(link: LinkSummary): TimeSpan | undefined {
  const at = parseTime(link.at ?? link.properties.at);
  if (at !== undefined) return { start: at, end: at };
  const from = parseTime(link.from ?? link.properties.from);
  const until = parseTime(link.until ?? link.properties.until);
  if (from === undefined && until === undefined) return undefined;
  // An open-ended window ("uses the phone since March") counts from its one known end.
  const start = from ?? until!;
  const end = until ?? from!;
  return start <= end ? { start, end } : { start: end, end: start };
}

export function collectTimes(entities: Iterable<EntitySummary>, links: Iterable<LinkSummary>): TimedElements {
  const timed: TimedElements = { entities: new Map(), links: new Map() };
  for (const entity of entities) {
    const span = entitySpan(entity);
    if (span) timed.entities.set(entity.id, span);
  }
  for (const link of links) {
    const span = linkSpan(link);
    if (span) timed.links.set(link.id, span);
  }
  return timed;
}

export function overlaps(span: TimeSpan, window: TimeSpan): boolean {
  return span.start <= window.end && span.end >= window.start;
}

/** The earliest start and latest end, or undefined when nothing on the chart has a time. */
export function timeExtent(timed: TimedElements): TimeSpan | undefined {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const span of [...timed.entities.values(), ...timed.links.values()]) {
    start = Math.min(start, span.start);
    end = Math.max(end, span.end);
  }
  return Number.isFinite(start) ? { start, end } : undefined;
}
