// Counts for the status line and the "is this database seeded?" check.
import type { DatabaseSummary } from '../contract/api';
import { ENTITY_TYPES, RELATIONSHIP_TYPES } from '../contract/model';
import { currentSchemaVersion } from './migrations';
import { plainNumber, readRows, type QueryContext } from './run';

export async function databaseSummary(ctx: QueryContext): Promise<DatabaseSummary> {
  const nodesByType: Record<string, number> = {};
  const relationshipsByType: Record<string, number> = {};
  // Count store lookups: one cheap query per label/type (Neo4j answers these from its count store).
  for (const label of ENTITY_TYPES) {
    const [row] = await readRows(ctx, `MATCH (n:${label}) RETURN count(n) AS c`);
    nodesByType[label] = plainNumber(row?.c);
  }
  for (const type of RELATIONSHIP_TYPES) {
    const [row] = await readRows(ctx, `MATCH ()-[r:${type}]->() RETURN count(r) AS c`);
    relationshipsByType[type] = plainNumber(row?.c);
  }
  const datasetRows = await readRows(ctx, `MATCH (d:SchakelDataset) RETURN d.name AS name ORDER BY name`);
  return {
    nodesByType,
    relationshipsByType,
    schemaVersion: await currentSchemaVersion(ctx.driver, ctx.database),
    datasets: datasetRows.map((row) => String(row.name)),
  };
}
