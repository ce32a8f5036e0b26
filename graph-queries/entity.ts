// One entity with where it came from (Source → Case → country, agency) and what lies around it.
import type { Node } from 'neo4j-driver';
import type { EntityDetails, ProvenanceRecord } from '../contract/api';
import { RELATIONSHIP_TYPES } from '../contract/model';
import { toEntity, toPlain } from './mapper';
import { ENTITY_LABEL } from './migrations';
import { readRows, type QueryContext } from './run';

/**
 * Per type and direction, read from the node's degree (COUNT of a fixed-type pattern without filters): a
 * hub with a million calls is counted without walking its relationships.
 */
const NEIGHBOUR_COUNTS = `[${RELATIONSHIP_TYPES.flatMap((type) => [
  `{type: '${type}', direction: 'outgoing', count: COUNT { (n)-[:${type}]->() }}`,
  `{type: '${type}', direction: 'incoming', count: COUNT { (n)<-[:${type}]-() }}`,
]).join(', ')}]`;

export async function getEntityDetails(ctx: QueryContext, id: string): Promise<EntityDetails | null> {
  const rows = await readRows(
    ctx,
    `MATCH (n:${ENTITY_LABEL} {id: $id})
     OPTIONAL MATCH (n)-[:RECORDED_IN]->(recorded:Source)
     WITH n, collect(DISTINCT recorded) AS recordedIn
     OPTIONAL MATCH (direct:Source {id: n.sourceId})
     WITH n, recordedIn + CASE WHEN direct IS NULL THEN [] ELSE [direct] END AS sources
     UNWIND (CASE WHEN size(sources) = 0 THEN [null] ELSE sources END) AS source
     OPTIONAL MATCH (source)-[:PART_OF]->(c:Case)
     WITH n, collect(DISTINCT CASE WHEN source IS NULL THEN null ELSE {
       sourceId: source.id, kind: source.kind, file: source.file, row: source.row, recordedAt: source.recordedAt,
       caseId: coalesce(c.id, source.caseId), caseReference: c.reference,
       country: coalesce(c.country, source.country), agency: coalesce(source.agency, c.agency),
       sourceReliability: coalesce(source.sourceReliability, n.sourceReliability),
       informationReliability: coalesce(source.informationReliability, n.informationReliability),
       handling: coalesce(source.handling, n.handling)
     } END) AS provenance
     RETURN n, provenance, ${NEIGHBOUR_COUNTS} AS neighbourCounts`,
    { id },
  );
  const row = rows[0];
  if (!row) return null;
  const provenance = (toPlain(row.provenance) as (ProvenanceRecord | null)[]).filter(
    (record): record is ProvenanceRecord => record !== null,
  );
  const neighbourCounts = (toPlain(row.neighbourCounts) as EntityDetails['neighbourCounts']).filter((entry) => entry.count > 0);
  return { entity: toEntity(row.n as Node), provenance: dedupeBySource(provenance), neighbourCounts };
}

function dedupeBySource(records: ProvenanceRecord[]): ProvenanceRecord[] {
  const bySource = new Map<string, ProvenanceRecord>();
  for (const record of records) if (!bySource.has(record.sourceId)) bySource.set(record.sourceId, stripNulls(record));
  return [...bySource.values()];
}

function stripNulls<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined)) as T;
}
