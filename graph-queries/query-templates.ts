// Query templates: the Cypher of every reviewed query shape (shared-values/query-shapes.ts), and the saved
// templates themselves, shared by the team in Neo4j. A template names a shape and holds its parameter
// values as JSON; it is parsed with the contract's schema whenever it is read, so a damaged or altered
// record can never choose Cypher of its own.
import type { Node, Relationship } from 'neo4j-driver';
import type { EntitySummary, LinkSummary } from '../contract/model';
import {
  MAX_TEMPLATE_RESULTS,
  templateQuerySchema,
  type QueryShape,
  type QueryTemplate,
  type TemplateQuery,
  type TemplateRunResult,
} from '../contract/query-templates';
import { toEntity, toLink, toProperties } from './mapper';
import { ENTITY_LABEL } from './migrations';
import { int, readRows, writeRows, type QueryContext } from './run';

export const QUERY_TEMPLATE_LABEL = 'QueryTemplate';

// An ISO date or date-time the analyst typed, read as Belgian time unless it names its own offset; a bare
// date as `until` means the end of that day.
const BRUSSELS = `'Europe/Brussels'`;
const periodStart = (param: string) =>
  `CASE WHEN size(${param}) = 10 THEN datetime({date: date(${param}), timezone: ${BRUSSELS}})
        WHEN ${param} =~ '.*(Z|[+-]\\\\d{2}:?\\\\d{2})$' THEN datetime(${param})
        ELSE datetime({datetime: localdatetime(${param}), timezone: ${BRUSSELS}}) END`;
const periodEnd = (param: string) =>
  `CASE WHEN size(${param}) = 10 THEN datetime({date: date(${param}), timezone: ${BRUSSELS}}) + duration({days: 1})
        ELSE ${periodStart(param)} END`;

/** Each shape's fixed statement: rows of `nodes` and `rels` ({r, source, target}); parameters only as $values. */
const SHAPE_CYPHER: Record<QueryShape, string> = {
  'gang-phones-seen': `
    MATCH (g:${ENTITY_LABEL} {id: $gangId}) WHERE g:Gang
    MATCH (g)<-[m:MEMBER_OF]-(p:Person)-[u:USES]->(ph:Phone)
    WHERE EXISTS {
      MATCH (ph)-[c:CALLED]-(:Phone)
      WHERE coalesce(c.until, c.at, c.from) >= datetime() - duration({days: $days})
    }
    RETURN [g, p, ph] AS nodes, [{r: m, source: p.id, target: g.id}, {r: u, source: p.id, target: ph.id}] AS rels
    LIMIT $limit`,
  'persons-linked-to-vehicle': `
    MATCH (v:${ENTITY_LABEL} {id: $vehicleId}) WHERE v:Vehicle
    MATCH (v)<-[r:OWNS|DRIVES]-(p:Person)
    RETURN [v, p] AS nodes, [{r: r, source: p.id, target: v.id}] AS rels
    LIMIT $limit`,
  'calls-between-persons': `
    WITH ${periodStart('$from')} AS fromTime, ${periodEnd('$until')} AS untilTime
    MATCH (a:${ENTITY_LABEL} {id: $personAId}) WHERE a:Person
    MATCH (b:${ENTITY_LABEL} {id: $personBId}) WHERE b:Person
    MATCH (a)-[ua:USES]->(pa:Phone)-[c:CALLED]-(pb:Phone)<-[ub:USES]-(b)
    WHERE coalesce(c.from, c.at, c.until) < untilTime AND coalesce(c.until, c.at, c.from) >= fromTime
    RETURN [a, pa, pb, b] AS nodes,
           [{r: ua, source: a.id, target: pa.id}, {r: c, source: startNode(c).id, target: endNode(c).id}, {r: ub, source: b.id, target: pb.id}] AS rels
    LIMIT $limit`,
};

/** A space between date and time is valid ISO for the schema; Neo4j's parser wants the T. */
function cypherParameters(query: TemplateQuery): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query.parameters).map(([name, value]) => [name, typeof value === 'number' ? int(value) : /^\d{4}-\d{2}-\d{2} /.test(value) ? value.replace(' ', 'T') : value]),
  );
}

/** Runs one reviewed shape; at most MAX_TEMPLATE_RESULTS entities come back, the rest are counted as omitted. */
export async function runTemplateQuery(ctx: QueryContext, query: TemplateQuery, limit = MAX_TEMPLATE_RESULTS): Promise<TemplateRunResult> {
  const rows = await readRows(ctx, SHAPE_CYPHER[query.shape], { ...cypherParameters(query), limit: int(limit + 1) });
  const nodes = new Map<string, EntitySummary>();
  const links = new Map<string, LinkSummary>();
  let omitted = 0;
  for (const row of rows) {
    const rowNodes = (row.nodes as Node[]).map((node) => toEntity(node));
    const fresh = rowNodes.filter((node) => !nodes.has(node.id));
    if (nodes.size + fresh.length > limit) {
      omitted += fresh.length;
      continue;
    }
    for (const node of fresh) nodes.set(node.id, node);
    for (const rel of row.rels as { r: Relationship; source: string; target: string }[]) {
      const link = toLink(rel.r, String(rel.source), String(rel.target));
      links.set(link.id, link);
    }
  }
  return { nodes: [...nodes.values()], links: [...links.values()], omitted };
}

function templateOf(node: Node, currentUser: string | undefined): QueryTemplate | null {
  const props = toProperties(node.properties);
  const query = templateQuerySchema.safeParse(safeJson(String(props.query)));
  if (!query.success) return null;
  const createdBy = typeof props.createdBy === 'string' ? props.createdBy : '';
  return {
    id: String(props.id),
    name: String(props.name),
    description: typeof props.description === 'string' ? props.description : '',
    query: query.data,
    createdBy,
    createdAt: String(props.createdAt),
    mine: currentUser !== undefined && createdBy === currentUser,
  };
}

/** Newest first along the createdAt index. A record whose query no longer parses is left out, never run. */
export async function listQueryTemplates(ctx: QueryContext, currentUser: string | undefined, limit = 500): Promise<QueryTemplate[]> {
  const rows = await readRows(
    ctx,
    `MATCH (t:${QUERY_TEMPLATE_LABEL}) WHERE t.createdAt < $before RETURN t ORDER BY t.createdAt DESC LIMIT $limit`,
    // createdAt is an ISO time; '~' sorts after any of them.
    { before: '~', limit: int(limit) },
  );
  return rows.map((row) => templateOf(row.t as Node, currentUser)).filter((template): template is QueryTemplate => template !== null);
}

export async function saveQueryTemplate(
  ctx: QueryContext,
  template: { id: string; name: string; description: string; query: TemplateQuery },
  user: string,
): Promise<QueryTemplate> {
  const rows = await writeRows(
    ctx,
    `CREATE (t:${QUERY_TEMPLATE_LABEL} {id: $id, name: $name, description: $description, shape: $shape, query: $query,
                                       createdBy: $user, createdAt: toString(datetime())})
     RETURN t`,
    { id: template.id, name: template.name, description: template.description, shape: template.query.shape, query: JSON.stringify(template.query), user },
  );
  return templateOf(rows[0].t as Node, user)!;
}

/** Who saved the template, or null when there is none with this id. */
export async function queryTemplateOwner(ctx: QueryContext, id: string): Promise<string | null> {
  const rows = await readRows(ctx, `MATCH (t:${QUERY_TEMPLATE_LABEL} {id: $id}) RETURN t.createdBy AS createdBy`, { id });
  return rows[0] ? String(rows[0].createdBy ?? '') : null;
}

/** Deletes the template only if `user` saved it; true when it was deleted. */
export async function deleteQueryTemplate(ctx: QueryContext, id: string, user: string): Promise<boolean> {
  const rows = await writeRows(
    ctx,
    `MATCH (t:${QUERY_TEMPLATE_LABEL} {id: $id}) WHERE t.createdBy = $user DETACH DELETE t RETURN count(*) AS deleted`,
    { id, user },
  );
  return Number(toProperties({ d: rows[0]?.deleted ?? 0 }).d) > 0;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
