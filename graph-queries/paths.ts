// Shortest paths and connecting networks, computed in Neo4j over the whole database. Lengths are always
// bounded; provenance links (RECORDED_IN, PART_OF) are left out by default, since "both appear in the same
// register file" is not a connection an analyst means.
import type { Node, Relationship } from 'neo4j-driver';
import type { PathsResult } from '../contract/api';
import { RELATIONSHIP_TYPES, isRelationshipType, type EntitySummary, type LinkSummary, type RelationshipType } from '../contract/model';
import { toEntity, toLink } from './mapper';
import { ENTITY_LABEL } from './migrations';
import { int, readRows, type QueryContext } from './run';

export const PATH_RELATIONSHIP_TYPES: RelationshipType[] = RELATIONSHIP_TYPES.filter((type) => type !== 'RECORDED_IN' && type !== 'PART_OF');

export interface PathOptions {
  ids: string[];
  mode: 'shortest' | 'all-shortest';
  maxHops: number;
  relationshipTypes?: RelationshipType[];
  limit: number;
}

function typeAlternation(types: RelationshipType[] | undefined): string {
  const allowed = (types?.length ? types : PATH_RELATIONSHIP_TYPES).filter(isRelationshipType);
  return allowed.join('|');
}

function boundedHops(maxHops: number): number {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 10) throw new Error(`maxHops out of range: ${maxHops}`);
  return maxHops;
}

interface PathRow {
  nodes: Node[];
  rels: { r: Relationship; s: string; t: string }[];
}

async function pathsBetween(ctx: QueryContext, from: string, to: string, options: PathOptions): Promise<PathRow[]> {
  const fn = options.mode === 'all-shortest' ? 'allShortestPaths' : 'shortestPath';
  const rows = await readRows(
    ctx,
    `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to})
     MATCH p = ${fn}((a)-[:${typeAlternation(options.relationshipTypes)}*..${boundedHops(options.maxHops)}]-(b))
     RETURN nodes(p) AS nodes, [r IN relationships(p) | {r: r, s: startNode(r).id, t: endNode(r).id}] AS rels
     LIMIT $limit`,
    { from, to, limit: int(options.mode === 'shortest' ? 1 : options.limit) },
  );
  return rows.map((row) => ({ nodes: row.nodes as Node[], rels: row.rels as PathRow['rels'] }));
}

export async function findPaths(ctx: QueryContext, options: PathOptions): Promise<PathsResult> {
  const ids = [...new Set(options.ids)];
  const nodes = new Map<string, EntitySummary>();
  const links = new Map<string, LinkSummary>();
  const result: PathsResult = { paths: [], nodes: [], links: [], unconnected: [] };
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const found = await pathsBetween(ctx, ids[i], ids[j], options);
      if (found.length === 0) result.unconnected.push({ from: ids[i], to: ids[j] });
      for (const path of found) {
        const entityIds = path.nodes.map((node) => {
          const entity = toEntity(node);
          nodes.set(entity.id, entity);
          return entity.id;
        });
        const linkIds = path.rels.map(({ r, s, t }) => {
          const link = toLink(r, s, t);
          links.set(link.id, link);
          return link.id;
        });
        result.paths.push({ entityIds, linkIds });
      }
    }
  }
  result.nodes = [...nodes.values()];
  result.links = [...links.values()];
  return result;
}

/** Everything on the shortest routes between the selected entities, within maxHops, capped. */
export async function connectingNetwork(
  ctx: QueryContext,
  options: { ids: string[]; maxHops: number; relationshipTypes?: RelationshipType[]; limit: number },
): Promise<{ nodes: EntitySummary[]; links: LinkSummary[]; omitted: number }> {
  const paths = await findPaths(ctx, { ids: options.ids, mode: 'all-shortest', maxHops: options.maxHops, relationshipTypes: options.relationshipTypes, limit: 25 });
  const nodes = paths.nodes.filter((node) => !options.ids.includes(node.id));
  const kept = nodes.slice(0, options.limit);
  const keptIds = new Set([...options.ids, ...kept.map((node) => node.id)]);
  return {
    nodes: [...paths.nodes.filter((node) => options.ids.includes(node.id)), ...kept],
    links: paths.links.filter((link) => keptIds.has(link.source) && keptIds.has(link.target)),
    omitted: nodes.length - kept.length,
  };
}
