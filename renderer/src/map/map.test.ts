// The map's pure parts: where entities stand, which links are drawn, what a drawn area holds, and how an
// ANPR track plays with the time bar's window.
import { describe, expect, it } from 'vitest';
import type { AnprTrack } from '../../../contract/map';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import { playTrack, trackHits } from './anpr-track';
import { idsInsideArea } from './geometry';
import { ownPlace, placedLinks, placeEntities } from '../../../shared-values/map-places';

const entity = (id: string, type: EntitySummary['type'], properties: EntitySummary['properties'] = {}, country?: EntitySummary['country']): EntitySummary => ({
  id,
  type,
  label: id,
  properties,
  ...(country ? { country } : {}),
});
const link = (id: string, type: LinkSummary['type'], source: string, target: string, at?: string): LinkSummary => ({ id, type, source, target, properties: {}, ...(at ? { at } : {}) });

describe('placing entities', () => {
  it('reads WGS84 coordinates, refusing missing, non-numeric and out-of-range values', () => {
    expect(ownPlace(entity('L1', 'Location', { lat: 51.2194, lon: 4.4025 }))).toEqual({ lat: 51.2194, lon: 4.4025 });
    expect(ownPlace(entity('L2', 'Location', { lat: '50.85', lon: '4.35' }))).toEqual({ lat: 50.85, lon: 4.35 });
    expect(ownPlace(entity('L3', 'Location', { lat: 51.2 }))).toBeUndefined();
    expect(ownPlace(entity('L4', 'Location', { lat: 'north', lon: 4 }))).toBeUndefined();
    expect(ownPlace(entity('L5', 'Location', { lat: 155_000, lon: 463_000 }))).toBeUndefined();
  });

  it('puts an incident at its scene and a person at their address, and lists the rest', () => {
    const entities = [
      entity('L-atm', 'Location', { lat: 51.43, lon: 4.92 }),
      entity('L-home', 'Location', { lat: 52.09, lon: 5.12 }),
      entity('I-1', 'Incident'),
      entity('P-1', 'Person'),
      entity('V-1', 'Vehicle'),
      entity('I-2', 'Incident'),
    ];
    const links = [link('r1', 'OCCURRED_AT', 'I-1', 'L-atm'), link('r2', 'LIVES_AT', 'P-1', 'L-home'), link('r3', 'INVOLVED_IN', 'V-1', 'I-1'), link('r4', 'LIVES_AT', 'V-1', 'L-home')];
    const { placed, unplaced } = placeEntities(entities, links);
    expect(placed.get('I-1')).toEqual({ lat: 51.43, lon: 4.92, via: 'L-atm' });
    expect(placed.get('P-1')).toEqual({ lat: 52.09, lon: 5.12, via: 'L-home' });
    // Only incidents borrow a scene and only persons an address; an incident without a scene has no place.
    expect(unplaced.map((e) => e.id)).toEqual(['V-1', 'I-2']);
  });

  it('draws links between two different places only', () => {
    const placed = new Map([
      ['A', { lat: 51, lon: 4 }],
      ['B', { lat: 52, lon: 5 }],
      ['C', { lat: 52, lon: 5 }],
    ]);
    const links = [link('ab', 'ASSOCIATE_OF', 'A', 'B'), link('bc', 'LIVES_AT', 'B', 'C'), link('ax', 'USES', 'A', 'X')];
    expect(placedLinks(links, placed).map((l) => l.id)).toEqual(['ab']);
  });
});

describe('a drawn area', () => {
  // Roughly the province of Antwerp's northern border strip.
  const area = [
    { lat: 51.5, lon: 4.2 },
    { lat: 51.5, lon: 5.0 },
    { lat: 51.2, lon: 5.0 },
    { lat: 51.2, lon: 4.2 },
  ];

  it('holds the places inside it, not those outside or when it has fewer than three corners', () => {
    const placed = new Map([
      ['meer', { lat: 51.46, lon: 4.74 }],
      ['antwerpen', { lat: 51.22, lon: 4.4 }],
      ['breda', { lat: 51.59, lon: 4.78 }],
      ['liege', { lat: 50.63, lon: 5.57 }],
    ]);
    expect(idsInsideArea(placed, area).sort()).toEqual(['antwerpen', 'meer']);
    expect(idsInsideArea(placed, area.slice(0, 2))).toEqual([]);
  });

  it('handles a concave area', () => {
    const notch = [
      { lat: 0, lon: 0 },
      { lat: 0, lon: 10 },
      { lat: 10, lon: 10 },
      { lat: 5, lon: 5 },
      { lat: 10, lon: 0 },
    ];
    const placed = new Map([
      ['in-notch', { lat: 8, lon: 5 }],
      ['inside', { lat: 2, lon: 5 }],
    ]);
    expect(idsInsideArea(placed, notch)).toEqual(['inside']);
  });
});

describe('an ANPR track', () => {
  const camera = (id: string, country: 'NL' | 'BE', lat: number) => entity(id, 'Location', { lat, lon: 4.74 }, country);
  const track: AnprTrack = {
    nodes: [entity('V-NL', 'Vehicle'), entity('V-BE', 'Vehicle'), camera('cam-nl', 'NL', 51.49), camera('cam-be', 'BE', 51.46), entity('cam-unknown', 'Location')],
    links: [
      link('h3', 'SIGHTED_AT', 'V-BE', 'cam-be', '2024-03-05T03:20:00Z'),
      link('h1', 'SIGHTED_AT', 'V-NL', 'cam-nl', '2024-03-05T01:00:00Z'),
      link('h2', 'SIGHTED_AT', 'V-BE', 'cam-be', '2024-03-05T01:30:00Z'),
      link('h4', 'SIGHTED_AT', 'V-NL', 'cam-nl', '2024-03-05T03:50:00Z'),
      link('hx', 'SIGHTED_AT', 'V-NL', 'cam-unknown', '2024-03-05T02:00:00Z'),
    ],
    truncated: false,
  };
  const at = (iso: string) => Date.parse(iso);

  it('orders the hits that have a camera position by time', () => {
    expect(trackHits(track).map((hit) => [hit.linkId, hit.country])).toEqual([
      ['h1', 'NL'],
      ['h2', 'BE'],
      ['h3', 'BE'],
      ['h4', 'NL'],
    ]);
  });

  it('plays up to the end of the window and marks the crossings whose end lies in it', () => {
    const hits = trackHits(track);
    const all = playTrack(hits, undefined);
    expect(all.played).toHaveLength(4);
    expect(all.crossings.map((leg) => [leg.from.linkId, leg.to.linkId, leg.current])).toEqual([
      ['h1', 'h2', false],
      ['h3', 'h4', false],
    ]);
    const early = playTrack(hits, { start: at('2024-03-05T01:15:00Z'), end: at('2024-03-05T02:00:00Z') });
    expect(early.played.map((hit) => hit.linkId)).toEqual(['h1', 'h2']);
    expect(early.current.map((hit) => hit.linkId)).toEqual(['h2']);
    expect(early.crossings.map((leg) => leg.current)).toEqual([true]);
    const between = playTrack(hits, { start: at('2024-03-05T02:00:00Z'), end: at('2024-03-05T03:00:00Z') });
    expect(between.current).toEqual([]);
    expect(between.crossings.map((leg) => leg.current)).toEqual([false]);
    expect(playTrack(hits, { start: 0, end: at('2024-03-05T00:00:00Z') }).played).toEqual([]);
  });
});
