// One-hop expansion with a cap: counts every new neighbour, returns at most `limit` of them, and says how
// many were left out, so a hub with 50,000 neighbours never floods the chart.
import type { Node, Relationship } from 'neo4j-driver';
import type { EntitySummary, LinkSummary, RelationshipType } from '../contract/model';
import { RELATIONSHIP_TYPES } from '../contract/model';
import { toEntity, toLink } from './mapper';
import { ENTITY_LABEL } from './migrations';
import { int, plainNumber, readRows, type QueryContext } from './run';

export interface ExpandOptions {
  ids: string[];
  relationshipTypes?: RelationshipType[];
  direction: 'both' | 'outgoing' | 'incoming';
  exclude: string[];
  limit: number;
}

const PATTERNS = {
  both: '(n)-[r]-(m)',
  outgoing: '(n)-[r]->(m)',
  incoming: '(n)<-[r]-(m)',
} as const;

export async function expandEntities(ctx: QueryContext, options: ExpandOptions): Promise<{ nodes: EntitySummary[]; links: LinkSummary[]; omitted: number }> {
  const pattern = PATTERNS[options.direction];
  const params = {
    ids: options.ids,
    types: options.relationshipTypes?.length ? options.relationshipTypes : [...RELATIONSHIP_TYPES],
    exclude: options.exclude,
    limit: int(options.limit),
  };
  const neighbourMatch = `
    MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids
    MATCH ${pattern}
    WHERE type(r) IN $types AND m:${ENTITY_LABEL} AND NOT m.id IN $ids AND NOT m.id IN $exclude`;

  // The page is the first `limit` new neighbours by id (the same expansion always picks the same subset),
  // sorted with a bounded top-k; the total is a COUNT subquery. Neither holds every neighbour of a hub.
  // The links from the expanded entities to every entity that will be on the chart (the page, and the ones
  // already there) come from the same statement: one round trip. Each node and each link is a row of its
  // own: neo4j-driver decodes a record larger than one Bolt chunk (64 KiB) byte by byte across the chunks,
  // so a hub's page as one record took twice as long to read as the same page in rows.
  const rows = await readRows(
    ctx,
    `CALL () {
       ${neighbourMatch}
       WITH DISTINCT m ORDER BY m.id LIMIT $limit
       RETURN collect(m) AS picked
     }
     WITH picked, $ids + $exclude + [m IN picked | m.id] AS visible, COUNT { ${neighbourMatch} RETURN DISTINCT m } AS total
     CALL (picked, visible) {
       UNWIND picked AS node
       RETURN node, null AS link, null AS source, null AS target
       UNION ALL
       MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids
       MATCH ${pattern}
       WHERE type(r) IN $types AND m.id IN visible
       WITH DISTINCT r LIMIT $linkLimit
       RETURN null AS node, r AS link, startNode(r).id AS source, endNode(r).id AS target
     }
     RETURN total, node, link, source, target`,
    { ...params, linkLimit: int(options.limit * 4) },
  );
  const total = rows.length ? plainNumber(rows[0].total) : 0;
  const nodes: EntitySummary[] = [];
  const links: LinkSummary[] = [];
  for (const row of rows) {
    if (row.node) nodes.push(toEntity(row.node as Node));
    else if (row.link) links.push(toLink(row.link as Relationship, String(row.source), String(row.target)));
  }
  return { nodes, links, omitted: Math.max(0, total - nodes.length) };
}
