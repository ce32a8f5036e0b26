// Cypher for the CAVIAR data set: writing it (through the generic idempotent batch writers) and reading back
// the per-phase call totals that check it arrived complete.
import neo4j, { type Driver } from 'neo4j-driver';
import { markDataset, upsertNodes, upsertRelationships, type NodeRecord, type RelationshipRecord } from './seed-writes';

export async function writeCaviar(
  driver: Driver,
  nodes: readonly NodeRecord[],
  relationships: readonly RelationshipRecord[],
  opts: { database?: string; phases: number },
): Promise<{ nodes: number; relationships: number }> {
  const nodeCount = await upsertNodes(driver, nodes, { database: opts.database });
  const relationshipCount = await upsertRelationships(driver, relationships, { database: opts.database });
  await markDataset(driver, 'caviar', { phases: opts.phases, nodes: nodeCount, relationships: relationshipCount }, opts.database);
  return { nodes: nodeCount, relationships: relationshipCount };
}

/** Per phase: number of CALLED links, total communications, and players (phones) that took part. */
export async function caviarPhaseTotals(driver: Driver, database?: string): Promise<{ phase: number; links: number; calls: number }[]> {
  const { records } = await driver.executeQuery(
    `MATCH (:Phone {dataset: 'caviar'})-[c:CALLED]->(:Phone {dataset: 'caviar'})
     RETURN c.phase AS phase, count(c) AS links, sum(c.count) AS calls
     ORDER BY phase`,
    {},
    { database, routing: neo4j.routing.READ },
  );
  return records.map((r) => ({
    phase: neo4j.integer.toNumber(r.get('phase')),
    links: neo4j.integer.toNumber(r.get('links')),
    calls: neo4j.integer.toNumber(r.get('calls')),
  }));
}

/** How many players (Person records) of the CAVIAR data set appear in each phase. */
export async function caviarPlayersPerPhase(driver: Driver, database?: string): Promise<{ phase: number; players: number }[]> {
  const { records } = await driver.executeQuery(
    `MATCH (p:Person {dataset: 'caviar'})-[:RECORDED_IN]->(s:Source {dataset: 'caviar'})
     RETURN s.phase AS phase, count(p) AS players
     ORDER BY phase`,
    {},
    { database, routing: neo4j.routing.READ },
  );
  return records.map((r) => ({ phase: neo4j.integer.toNumber(r.get('phase')), players: neo4j.integer.toNumber(r.get('players')) }));
}
