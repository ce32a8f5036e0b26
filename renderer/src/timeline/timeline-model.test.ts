import { describe, expect, it } from 'vitest';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import { collectTimes } from '../timebar/element-times';
import { axisSpan, chooseLines, defaultLines, eventsInWindow, MAX_LINES, timelineEvents } from './timeline-model';

const day = (d: number) => new Date(Date.UTC(2024, 0, d)).toISOString();
const entity = (id: string, type: EntitySummary['type'] = 'Phone', properties: EntitySummary['properties'] = {}): EntitySummary => ({ id, type, label: `label ${id}`, properties });
const link = (id: string, type: LinkSummary['type'], source: string, target: string, extra: Partial<LinkSummary> = {}): LinkSummary => ({ id, type, source, target, properties: {}, ...extra });

const entities = [entity('a'), entity('b'), entity('c'), entity('p', 'Person'), entity('v', 'Vehicle'), entity('cam', 'Location'), entity('inc', 'Incident', { at: day(20) }), entity('case', 'Case')];
const links = [
  link('ab', 'CALLED', 'a', 'b', { from: day(1), until: day(3), count: 4 }),
  link('ac', 'CALLED', 'c', 'a', { from: day(5), until: day(5) }),
  link('pa', 'USES', 'p', 'a'),
  link('vcam', 'SIGHTED_AT', 'v', 'cam', { at: day(10) }),
  link('vinc', 'INVOLVED_IN', 'v', 'inc'),
  link('pinc', 'INVOLVED_IN', 'p', 'inc'),
  link('pcase', 'PART_OF', 'inc', 'case'),
];
const content = { entities, links, timed: collectTimes(entities, links) };

describe('timeline events', () => {
  it('draws a dated link between two lines as a connector, and one to anything else as an event on the line', () => {
    const events = timelineEvents(content, ['a', 'b', 'v']);
    expect(events.map((e) => [e.key, e.lineId, e.otherLineId ?? e.counterpart])).toEqual([
      ['link:ab', 'a', 'b'],
      ['link:ac', 'a', 'label c'],
      ['link:vcam', 'v', 'label cam'],
      ['entity:inc@v', 'v', 'label inc'],
    ]);
    expect(events[0]).toMatchObject({ elementKind: 'link', elementId: 'ab', kind: 'CALLED', count: 4 });
  });

  it('puts an incident on the line of everyone involved, and on its own line when it is one', () => {
    expect(timelineEvents(content, ['p', 'inc']).map((e) => e.key)).toEqual(['entity:inc@inc']);
    expect(timelineEvents(content, ['p', 'v']).filter((e) => e.elementId === 'inc').map((e) => e.lineId).sort()).toEqual(['p', 'v']);
  });

  it('keeps only what overlaps the window, and takes the window as the axis', () => {
    const window = { start: Date.parse(day(4)), end: Date.parse(day(12)) };
    const events = eventsInWindow(timelineEvents(content, ['a', 'v']), window);
    expect(events.map((e) => e.elementId)).toEqual(['ac', 'vcam']);
    expect(axisSpan(events, window)).toEqual(window);
    expect(axisSpan([], undefined)).toBeUndefined();
    const padded = axisSpan(events, undefined)!;
    expect(padded.start).toBeLessThan(Date.parse(day(5)));
    expect(padded.end).toBeGreaterThan(Date.parse(day(10)));
  });
});

describe('which lines', () => {
  it('takes the busiest entities when nothing is selected, never cases, sources, incidents or places', () => {
    expect(defaultLines(content)).toEqual(['a', 'v', 'b', 'c', 'p']);
    expect(defaultLines(content, 2)).toEqual(['a', 'v']);
    expect(chooseLines(content, { entityIds: [], anythingSelected: false }, undefined)).toEqual({ ids: ['a', 'v', 'b', 'c', 'p'], source: 'busiest', leftOff: 0 });
  });

  it('makes a selection the lines, and keeps them when what is selected is already on the timeline', () => {
    const chosen = chooseLines(content, { entityIds: ['a', 'b'], anythingSelected: true }, undefined);
    expect(chosen).toEqual({ ids: ['a', 'b'], source: 'selection', leftOff: 0 });
    expect(chooseLines(content, { entityIds: ['b'], anythingSelected: true }, chosen)).toBe(chosen);
    expect(chooseLines(content, { entityIds: [], anythingSelected: true }, chosen)).toEqual(chosen); // a link selected on the timeline
    const withIncident = chooseLines(content, { entityIds: ['p'], anythingSelected: true }, undefined);
    expect(chooseLines(content, { entityIds: ['inc'], anythingSelected: true }, withIncident).ids).toEqual(['p']);
    expect(chooseLines(content, { entityIds: ['c'], anythingSelected: true }, chosen).ids).toEqual(['c']);
  });

  it('caps the lines and says how many selected entities were left off', () => {
    const many = Array.from({ length: MAX_LINES + 3 }, (_, i) => entity(`e${i}`));
    const choice = chooseLines({ entities: many, links: [], timed: collectTimes(many, []) }, { entityIds: many.map((e) => e.id), anythingSelected: true }, undefined);
    expect(choice.ids).toHaveLength(MAX_LINES);
    expect(choice.leftOff).toBe(3);
  });
});
