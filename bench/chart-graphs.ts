// The graphs the chart benchmarks draw: a random network (N nodes, 2N links between random pairs) and a
// clustered network cut from the demo data (breadth-first from the best-connected records, as an analyst's
// expansions grow a chart), in the contract's EntitySummary / LinkSummary shape.
import neo4j, { type Driver } from 'neo4j-driver';
import { ENTITY_TYPES, type EntitySummary, type EntityType, type LinkSummary } from '../contract/model';
import { seededRandom } from '../shared-values/seeded-random';
import type { BenchGraph } from './chart-page/protocol';


const CHART_TYPES: EntityType[] = ['Person', 'Phone', 'Vehicle', 'Location', 'Incident', 'Gang'];

export function randomGraph(nodeCount: number, seed = 7): BenchGraph {
  const next = seededRandom(seed + nodeCount);
  const nodes: EntitySummary[] = Array.from({ length: nodeCount }, (_, i) => {
    const type = CHART_TYPES[Math.floor(next() * CHART_TYPES.length)];
    return { id: `R-${i}`, type, label: `${type} ${i}`, country: i % 2 === 0 ? 'NL' : 'BE', properties: {} };
  });
  const links: LinkSummary[] = [];
  const seen = new Set<string>();
  while (links.length < nodeCount * 2) {
    const a = Math.floor(next() * nodeCount);
    const b = Math.floor(next() * nodeCount);
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    links.push({ id: `RL-${links.length}`, type: 'ASSOCIATE_OF', source: `R-${a}`, target: `R-${b}`, properties: {} });
  }
  return { nodes, links };
}

/** Provenance records (Source, Case) are not what an analyst charts; everything else is. */
const CHARTED = ENTITY_TYPES.filter((type) => type !== 'Source' && type !== 'Case');

export async function clusteredGraph(driver: Driver, nodeCount: number): Promise<BenchGraph> {
  const read = async (cypher: string, params: Record<string, unknown>) => (await driver.executeQuery(cypher, params, { routing: neo4j.routing.READ })).records;
  const seeds = (
    await read(
      `MATCH (n:Entity) WHERE any(l IN labels(n) WHERE l IN $types)
       WITH n, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT 200 RETURN n.id AS id`,
      { types: CHARTED },
    )
  ).map((record) => String(record.get('id')));
  const visited = new Set<string>();
  let frontier: string[] = [];
  let nextSeed = 0;
  while (visited.size < nodeCount) {
    if (frontier.length === 0) {
      while (nextSeed < seeds.length && visited.has(seeds[nextSeed])) nextSeed++;
      if (nextSeed >= seeds.length) break;
      frontier = [seeds[nextSeed]];
      visited.add(seeds[nextSeed]);
    }
    const neighbours = await read(
      `MATCH (n:Entity) WHERE n.id IN $frontier
       MATCH (n)--(m:Entity) WHERE any(l IN labels(m) WHERE l IN $types)
       RETURN DISTINCT m.id AS id ORDER BY id LIMIT $limit`,
      { frontier, types: CHARTED, limit: neo4j.int(nodeCount * 4) },
    );
    frontier = [];
    for (const record of neighbours) {
      const id = String(record.get('id'));
      if (visited.size >= nodeCount) break;
      if (!visited.has(id)) {
        visited.add(id);
        frontier.push(id);
      }
    }
  }
  const ids = [...visited];
  const nodes: EntitySummary[] = (
    await read('MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, [l IN labels(n) WHERE l <> "Entity"][0] AS type, n.label AS label, n.country AS country', { ids })
  ).map((record) => ({
    id: String(record.get('id')),
    type: record.get('type') as EntityType,
    label: String(record.get('label') ?? record.get('id')),
    ...(record.get('country') ? { country: record.get('country') as 'NL' | 'BE' } : {}),
    properties: {},
  }));
  const links: LinkSummary[] = (
    await read(
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids
       RETURN coalesce(r.id, elementId(r)) AS id, type(r) AS type, a.id AS source, b.id AS target, r.count AS count LIMIT $limit`,
      { ids, limit: neo4j.int(nodeCount * 2) },
    )
  ).map((record) => ({
    id: String(record.get('id')),
    type: record.get('type') as LinkSummary['type'],
    source: String(record.get('source')),
    target: String(record.get('target')),
    ...(record.get('count') !== null ? { count: neo4j.integer.toNumber(record.get('count')) } : {}),
    properties: {},
  }));
  return { nodes, links };
}
