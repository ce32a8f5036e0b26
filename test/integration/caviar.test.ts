// Loads the real CAVIAR data into the test Neo4j and checks it against the CSV files.
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaviar, readCaviarPhases } from '../../demo-data/caviar';
import { caviarPhaseTotals, caviarPlayersPerPhase } from '../../graph-queries/caviar-writes';
import { clearTestDatabase, createTestDriver } from '../setup/neo4j';

let driver: Driver;
const phases = readCaviarPhases();

async function count(query: string): Promise<number> {
  const { records } = await driver.executeQuery(query);
  return neo4j.integer.toNumber(records[0].get(0));
}

beforeAll(async () => {
  driver = createTestDriver();
  await clearTestDatabase(driver);
  await loadCaviar(driver);
});

afterAll(async () => {
  await driver?.close();
});

describe('loadCaviar', () => {
  it('creates 11 wiretap phases of one Canadian case', async () => {
    expect(await count(`MATCH (s:Source {dataset: 'caviar', kind: 'wiretap'})-[:PART_OF]->(:Case {id: 'CASE-CAVIAR'}) RETURN count(s)`)).toBe(11);
    const { records } = await driver.executeQuery(`MATCH (c:Case {id: 'CASE-CAVIAR'}) RETURN c.country AS country, c.agency AS agency, c.reference AS reference`);
    expect(records[0].get('country')).toBeNull();
    expect(records[0].get('agency')).toBe('Montreal police / RCMP (Project Caviar)');
    expect(records[0].get('reference')).toBe('CAVIAR');
  });

  it('creates every player as a person using one phone, and records them in the phases they appear in', async () => {
    const players = new Set(phases.flatMap((p) => p.players));
    expect(await count(`MATCH (p:Person {dataset: 'caviar'})-[:USES]->(:Phone {dataset: 'caviar'}) RETURN count(p)`)).toBe(players.size);
    expect(await caviarPlayersPerPhase(driver)).toEqual(phases.map((p) => ({ phase: p.phase, players: p.players.length })));
  });

  it('has per phase exactly the call counts of the CSV files', async () => {
    const expected = phases.map(({ phase, matrix }) => ({
      phase,
      links: matrix.flat().filter((n) => n > 0).length,
      calls: matrix.flat().reduce((a, b) => a + b, 0),
    }));
    expect(await caviarPhaseTotals(driver)).toEqual(expected);
  });

  it('changes nothing when loaded again', async () => {
    const before = [await count(`MATCH (n {dataset: 'caviar'}) RETURN count(n)`), await count(`MATCH ()-[r]->() WHERE r.dataset = 'caviar' RETURN count(r)`)];
    await loadCaviar(driver);
    const after = [await count(`MATCH (n {dataset: 'caviar'}) RETURN count(n)`), await count(`MATCH ()-[r]->() WHERE r.dataset = 'caviar' RETURN count(r)`)];
    expect(after).toEqual(before);
    expect(await count(`MATCH (d:SchakelDataset {name: 'caviar'}) RETURN count(d)`)).toBe(1);
  });
});
