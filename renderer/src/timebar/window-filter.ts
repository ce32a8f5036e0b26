// Which chart elements fall outside a time window. Elements are hidden, never removed, so moving the
// window back brings them back. Rules:
//  - a timed link (or incident) is outside when its time does not overlap the window;
//  - an entity with timed links is outside when none of them is inside (it was not active then);
//  - untimed things (a person's record, a MEMBER_OF without dates) stay, unless every link they have leads
//    only to entities that are outside: then they would float alone, so they go too.
import type { LinkSummary } from '../../../contract/model';
import { overlaps, type TimeSpan, type TimedElements } from './element-times';

export interface WindowResult {
  hiddenEntities: Set<string>;
  hiddenLinks: Set<string>;
}

export function elementsOutsideWindow(
  entityIds: Iterable<string>,
  links: Iterable<Pick<LinkSummary, 'id' | 'source' | 'target'>>,
  timed: TimedElements,
  window: TimeSpan,
): WindowResult {
  const hiddenLinks = new Set<string>();
  const hiddenEntities = new Set<string>();
  const timedActivity = new Map<string, { timed: number; inside: number }>();
  const linkList = [...links];
  const bump = (id: string, inside: boolean) => {
    const entry = timedActivity.get(id) ?? { timed: 0, inside: 0 };
    entry.timed++;
    if (inside) entry.inside++;
    timedActivity.set(id, entry);
  };
  for (const link of linkList) {
    const span = timed.links.get(link.id);
    if (!span) continue;
    const inside = overlaps(span, window);
    if (!inside) hiddenLinks.add(link.id);
    bump(link.source, inside);
    bump(link.target, inside);
  }
  const ids = [...entityIds];
  for (const id of ids) {
    const own = timed.entities.get(id);
    if (own) {
      if (!overlaps(own, window)) hiddenEntities.add(id);
      continue;
    }
    const activity = timedActivity.get(id);
    if (activity && activity.inside === 0) hiddenEntities.add(id);
  }
  // Untimed entities left hanging only onto hidden ones.
  const untimedNeighbours = new Map<string, string[]>();
  for (const link of linkList) {
    if (timed.links.has(link.id)) continue;
    (untimedNeighbours.get(link.source) ?? untimedNeighbours.set(link.source, []).get(link.source)!).push(link.target);
    (untimedNeighbours.get(link.target) ?? untimedNeighbours.set(link.target, []).get(link.target)!).push(link.source);
  }
  for (const id of ids) {
    if (hiddenEntities.has(id) || timed.entities.has(id) || timedActivity.has(id)) continue;
    const neighbours = untimedNeighbours.get(id);
    if (neighbours && neighbours.length > 0 && neighbours.every((n) => hiddenEntities.has(n))) hiddenEntities.add(id);
  }
  for (const link of linkList) {
    if (hiddenEntities.has(link.source) || hiddenEntities.has(link.target)) hiddenLinks.add(link.id);
  }
  return { hiddenEntities, hiddenLinks };
}

/** The next window while playing: moved on by its own width, back to the start after the end. */
export function nextPlaybackWindow(window: TimeSpan, extent: TimeSpan): TimeSpan {
  const width = window.end - window.start;
  if (window.end >= extent.end) return { start: extent.start, end: extent.start + width };
  const start = Math.min(window.start + width, extent.end - width);
  return { start, end: start + width };
}
