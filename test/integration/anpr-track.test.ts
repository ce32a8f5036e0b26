// A getaway car's ANPR track as the map asks for it: the hits of every record of its plate (the Dutch and
// the Belgian case each keep their own), oldest first, on cameras of both countries, and audited as a read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createWorkbench, type Workbench } from '../../backend/workbench';
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

  it('answers an unknown vehicle with NOT_FOUND', async () => {
    const error = await refusal(workbench, 'getAnprTrack', { id: 'V-NL-NO-SUCH' });
    expect(error.code).toBe('NOT_FOUND');
  });
});
