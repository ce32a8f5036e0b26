// A getaway car's ANPR track as the map asks for it: the hits of every record of its plate (the Dutch and
// the Belgian case each keep their own), oldest first, on cameras of both countries, and audited as a read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { MAX_TRACK_HITS } from '../../contract/map';
import { seedDemo } from '../../demo-data/seed';
import { call, refusal } from './annotations-support';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';

let driver: Driver;
let workbench: Workbench;

beforeAll(async () => {
  driver = createTestDriver();
  await seedDemo(driver, { scale: 1, dataDir: tempDataDir() });
  workbench = createWorkbench({ neo4j: { uri: testNeo4jUri() }, localDataDir: tempDataDir(), log: () => undefined, identity: { name: 'Analyst Track', role: 'analyst' } });
  await workbench.start();
}, 240_000);

afterAll(async () => {
  await workbench?.shutdown();
  await driver?.close();
});

describe('a vehicle ANPR track', () => {
  it('joins the hits of every record of the plate, in time order, across the border', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (v:Vehicle)-[:INVOLVED_IN {role: 'getaway-car'}]->(:Incident)
       WITH DISTINCT v ORDER BY v.id LIMIT 1
       MATCH (same:Vehicle {plateNormalized: v.plateNormalized})-[r:SIGHTED_AT]->(camera:Location)
       RETURN v.id AS id, count(r) AS hits, collect(DISTINCT camera.country) AS countries`,
    );
    const expected = records[0];
    expect(expected, 'the demo data has a getaway car with ANPR hits').toBeDefined();
    const track = await call(workbench, 'getAnprTrack', { id: expected.get('id') });
    expect(track.links).toHaveLength(Number(expected.get('hits')));
    expect(track.links.every((link) => link.type === 'SIGHTED_AT')).toBe(true);
    const times = track.links.map((link) => link.at ?? '');
    expect(times).toEqual([...times].sort());
    const cameras = new Map(track.nodes.filter((node) => node.type === 'Location').map((node) => [node.id, node]));
    const countries = new Set(track.links.map((link) => cameras.get(link.target)?.country));
    expect([...countries].sort()).toEqual(['BE', 'NL']);
    for (const link of track.links) {
      expect(typeof cameras.get(link.target)?.properties.lat).toBe('number');
      expect(track.nodes.some((node) => node.id === link.source && node.type === 'Vehicle')).toBe(true);
    }
    expect(track.truncated).toBe(false);
  });

  it('caps a long track at the earliest hits and says that it goes on', async () => {
    // A car a border camera reads twice a day for three years: more hits than the map takes.
    await driver.executeQuery(
      `CREATE (v:Entity:Vehicle {id: 'V-TRACK-LONG', label: '1-LNG-001', plateNormalized: '1LNG001', country: 'BE'})
       CREATE (c:Entity:Location {id: 'L-TRACK-LONG', label: 'ANPR E34 Zelzate', lat: 51.2, lon: 3.8, country: 'BE'})
       WITH v, c
       UNWIND range(1, $hits) AS n
       CREATE (v)-[:SIGHTED_AT {id: 'R-TRACK-' + n, at: datetime('2023-01-01T08:00:00Z') + duration({hours: 12 * ($hits - n)})}]->(c)`,
      { hits: MAX_TRACK_HITS + 25 },
    );
    try {
      const track = await call(workbench, 'getAnprTrack', { id: 'V-TRACK-LONG' });
      expect(track.truncated).toBe(true);
      expect(track.links).toHaveLength(MAX_TRACK_HITS);
      const times = track.links.map((link) => link.at ?? '');
      expect(times).toEqual([...times].sort());
      // The earliest hits: the 25 left out are the latest ones (the highest numbers are the oldest).
      expect(track.links[0].id).toBe(`R-TRACK-${MAX_TRACK_HITS + 25}`);
      expect(track.links.some((link) => link.id === 'R-TRACK-1')).toBe(false);
      expect(track.nodes.map((node) => node.id).sort()).toEqual(['L-TRACK-LONG', 'V-TRACK-LONG']);
    } finally {
      await driver.executeQuery(`MATCH (n:Entity) WHERE n.id IN ['V-TRACK-LONG', 'L-TRACK-LONG'] DETACH DELETE n`);
    }
  });

  it('answers an unknown vehicle with NOT_FOUND', async () => {
    const error = await refusal(workbench, 'getAnprTrack', { id: 'V-NL-NO-SUCH' });
    expect(error.code).toBe('NOT_FOUND');
  });
});
