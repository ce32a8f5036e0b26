import { describe, expect, it } from 'vitest';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import { collectTimes, timeExtent } from './element-times';
import { buildHistogram } from './histogram';
import { elementsOutsideWindow, nextPlaybackWindow } from './window-filter';

const day = (d: number) => Date.UTC(2024, 0, d);
const iso = (d: number) => new Date(day(d)).toISOString();
const entity = (id: string, properties: EntitySummary['properties'] = {}): EntitySummary => ({ id, type: 'Phone', label: id, properties });
const link = (id: string, source: string, target: string, extra: Partial<LinkSummary> = {}): LinkSummary => ({
  id,
  type: 'CALLED',
  source,
  target,
  properties: {},
  ...extra,
});

const entities = [entity('a'), entity('b'), entity('c'), entity('person'), entity('incident', { at: iso(20) })];
const links = [
  link('early', 'a', 'b', { from: iso(1), until: iso(5) }),
  link('late', 'b', 'c', { from: iso(15), until: iso(18) }),
  link('uses', 'person', 'a', { type: 'USES' }),
];

describe('time bar', () => {
  const timed = collectTimes(entities, links);

  it('reads incident times and link windows, and spans them', () => {
    expect(timed.links.get('early')).toEqual({ start: day(1), end: day(5) });
    expect(timed.entities.get('incident')).toEqual({ start: day(20), end: day(20) });
    expect(timed.links.has('uses')).toBe(false);
    expect(timeExtent(timed)).toEqual({ start: day(1), end: day(20) });
  });

  it('counts a window in every slice it overlaps', () => {
    const bins = buildHistogram(timed, { start: day(1), end: day(21) }, 4); // 5-day slices
    expect(bins.map((b) => b.count)).toEqual([1, 0, 1, 2]); // early | – | late | late + incident
  });

  it('hides what was not active in the window and what would float alone', () => {
    const result = elementsOutsideWindow(entities.map((e) => e.id), links, timed, { start: day(14), end: day(19) });
    expect([...result.hiddenLinks].sort()).toEqual(['early', 'uses']);
    // a only had the early call; the person hangs only on a; the incident is on day 20.
    expect([...result.hiddenEntities].sort()).toEqual(['a', 'incident', 'person']);
  });

  it('keeps untimed entities whose neighbours are in the window', () => {
    const result = elementsOutsideWindow(entities.map((e) => e.id), links, timed, { start: day(2), end: day(3) });
    expect(result.hiddenEntities.has('person')).toBe(false);
    expect(result.hiddenEntities.has('c')).toBe(true);
  });

  it('plays forward by the window width and wraps around', () => {
    const extent = { start: 0, end: 100 };
    expect(nextPlaybackWindow({ start: 0, end: 30 }, extent)).toEqual({ start: 30, end: 60 });
    expect(nextPlaybackWindow({ start: 60, end: 90 }, extent)).toEqual({ start: 70, end: 100 });
    expect(nextPlaybackWindow({ start: 70, end: 100 }, extent)).toEqual({ start: 0, end: 30 });
  });
});
