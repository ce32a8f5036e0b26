// Seeds the real test Neo4j with the demo data and checks what arrived: labels, countries, temporal types,
// the cross-border duplicates of the ground truth, and that seeding again changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../demo-data/generate';
import { readGroundTruth, seedDemo, type SeedResult } from '../../demo-data/seed';
import { clearTestDatabase, createTestDriver } from '../setup/neo4j';

let driver: Driver;
let dataDir: string;
let first: SeedResult;
const SEED = 11;

async function one<T = number>(query: string, params: Record<string, unknown> = {}): Promise<T> {
  const { records } = await driver.executeQuery(query, params);
  const value = records[0]?.get(0);
  return (neo4j.isInt(value) ? neo4j.integer.toNumber(value) : value) as T;
}

async function demoCounts(): Promise<{ nodes: number; relationships: number }> {
  return {
    nodes: await one(`MATCH (n) WHERE n.dataset = 'demo' RETURN count(n)`),
    relationships: await one(`MATCH (n)-[r]->() WHERE n.dataset = 'demo' RETURN count(r)`),
  };
}

beforeAll(async () => {
  driver = createTestDriver();
  await clearTestDatabase(driver);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-seed-test-'));
  first = await seedDemo(driver, { scale: 1, seed: SEED, dataDir });
});

afterAll(async () => {
  await driver?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('seedDemo (scale 1)', () => {
  it('writes every generated node and relationship', async () => {
    const data = generateDemo({ scale: 1, seed: SEED });
    expect(first.nodes).toBe(data.entities.length + data.cases.length + data.sources.length);
    expect(first.relationships).toBe(data.relationships.length);
    expect(await demoCounts()).toEqual({ nodes: first.nodes, relationships: first.relationships });
  });

  it('has persons, vehicles, phones and gangs, from Dutch and Belgian cases', async () => {
    for (const label of ['Person', 'Vehicle', 'Phone', 'Gang', 'Location', 'Incident']) {
      expect(await one(`MATCH (n:${label} {dataset: 'demo'}) RETURN count(n)`), label).toBeGreaterThan(0);
    }
    const { records } = await driver.executeQuery(`MATCH (c:Case {dataset: 'demo'}) RETURN DISTINCT c.country AS country ORDER BY country`);
    expect(records.map((r) => r.get('country'))).toEqual(['BE', 'NL']);
    expect(await one(`MATCH (p:Person {dataset: 'demo'})-[:RECORDED_IN]->(:Source)-[:PART_OF]->(c:Case {country: 'BE'}) RETURN count(p)`)).toBeGreaterThan(0);
  });

  it('stores dates and instants as Neo4j temporal values', async () => {
    expect(await one<string>(`MATCH (p:Person {dataset: 'demo'}) RETURN valueType(p.dateOfBirth) LIMIT 1`)).toBe('DATE NOT NULL');
    expect(await one<string>(`MATCH ()-[r:SIGHTED_AT]->() RETURN valueType(r.at) LIMIT 1`)).toBe('ZONED DATETIME NOT NULL');
    expect(await one<string>(`MATCH ()-[r:CALLED]->() RETURN valueType(r.count) LIMIT 1`)).toBe('INTEGER NOT NULL');
    expect(await one<string>(`MATCH (i:Incident) RETURN valueType(i.at) LIMIT 1`)).toBe('ZONED DATETIME NOT NULL');
  });

  it('marks the database as seeded', async () => {
    expect(await one(`MATCH (d:SchakelDataset {name: 'demo'}) RETURN d.scale`)).toBe(1);
  });

  it('writes the ground truth, and its cross-border duplicates are in the database under both countries', async () => {
    const truth = readGroundTruth(dataDir, 1);
    expect(truth).toEqual(generateDemo({ scale: 1, seed: SEED }).groundTruth);
    const duplicates = truth.entities.filter((e) => e.recordIds.length > 1);
    expect(duplicates.length).toBeGreaterThan(5);
    let crossBorder = 0;
    for (const entity of duplicates) {
      const { records } = await driver.executeQuery(`MATCH (n:${entity.type}) WHERE n.id IN $ids RETURN collect(DISTINCT n.country) AS countries, count(n) AS found`, {
        ids: entity.recordIds,
      });
      expect(neo4j.integer.toNumber(records[0].get('found'))).toBe(entity.recordIds.length);
      if (records[0].get('countries').length === 2) crossBorder++;
    }
    expect(crossBorder).toBeGreaterThan(5);
  });

  it('makes a cross-border phone findable by its number in the full-text index, under both countries', async () => {
    const truth = readGroundTruth(dataDir, 1);
    const phone = truth.entities.find((e) => e.type === 'Phone' && e.recordIds.length > 1)!;
    const e164 = await one<string>(`MATCH (p:Phone {id: $id}) RETURN p.e164`, { id: phone.recordIds[0] });
    const { records } = await driver.executeQuery(`CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node RETURN collect(node.id) AS ids`, { q: e164.slice(1) });
    expect(records[0].get('ids')).toEqual(expect.arrayContaining(phone.recordIds));
  });

  it('changes nothing when seeded a second time', async () => {
    const before = await demoCounts();
    const again = await seedDemo(driver, { scale: 1, seed: SEED, dataDir });
    expect(again.nodes).toBe(first.nodes);
    expect(await demoCounts()).toEqual(before);
    expect(await one(`MATCH (n:Person) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id)`)).toBe(0);
    expect(await one(`MATCH ()-[r]->() WHERE r.id IS NOT NULL WITH r.id AS id, count(*) AS c WHERE c > 1 RETURN count(id)`)).toBe(0);
  });
});
